-- Config data: small tables, edited rarely, read by id. Every row is a version
-- of an entity; the highest `version` wins and `is_deleted = 1` removes it.
-- Hot paths read them with `ORDER BY version DESC LIMIT 1 BY <id>` (no FINAL).

CREATE TABLE IF NOT EXISTS workspaces ${ON_CLUSTER}
(
    workspace_id    String,
    name            String,
    phone_number_id String DEFAULT '',
    created_at      DateTime64(3, 'UTC'),
    version         UInt64,
    is_deleted      UInt8 DEFAULT 0
)
ENGINE = ${REPLICATED}ReplacingMergeTree(version, is_deleted)
ORDER BY workspace_id;

CREATE TABLE IF NOT EXISTS users ${ON_CLUSTER}
(
    user_id       String,
    email         String,
    name          String,
    password_hash String,
    created_at    DateTime64(3, 'UTC'),
    version       UInt64,
    is_deleted    UInt8 DEFAULT 0
)
ENGINE = ${REPLICATED}ReplacingMergeTree(version, is_deleted)
ORDER BY user_id;

CREATE TABLE IF NOT EXISTS memberships ${ON_CLUSTER}
(
    workspace_id String,
    user_id      String,
    role         LowCardinality(String),
    created_at   DateTime64(3, 'UTC'),
    version      UInt64,
    is_deleted   UInt8 DEFAULT 0
)
ENGINE = ${REPLICATED}ReplacingMergeTree(version, is_deleted)
ORDER BY (workspace_id, user_id);

CREATE TABLE IF NOT EXISTS api_keys ${ON_CLUSTER}
(
    workspace_id String,
    key_id       String,
    name         String,
    key_hash     String,
    key_prefix   String,
    created_by   String,
    created_at   DateTime64(3, 'UTC'),
    revoked_at   Nullable(DateTime64(3, 'UTC')),
    version      UInt64,
    is_deleted   UInt8 DEFAULT 0
)
ENGINE = ${REPLICATED}ReplacingMergeTree(version, is_deleted)
ORDER BY (workspace_id, key_id);

CREATE TABLE IF NOT EXISTS tag_definitions ${ON_CLUSTER}
(
    workspace_id       String,
    tag                String,
    category           String DEFAULT '',
    first_message_text String DEFAULT '',
    archived           UInt8 DEFAULT 0,
    created_by         String DEFAULT '',
    created_at         DateTime64(3, 'UTC'),
    version            UInt64,
    is_deleted         UInt8 DEFAULT 0
)
ENGINE = ${REPLICATED}ReplacingMergeTree(version, is_deleted)
ORDER BY (workspace_id, tag);

CREATE TABLE IF NOT EXISTS attribute_definitions ${ON_CLUSTER}
(
    workspace_id String,
    name         String,
    type         LowCardinality(String),
    options      Array(String),
    created_at   DateTime64(3, 'UTC'),
    version      UInt64,
    is_deleted   UInt8 DEFAULT 0
)
ENGINE = ${REPLICATED}ReplacingMergeTree(version, is_deleted)
ORDER BY (workspace_id, name);

CREATE TABLE IF NOT EXISTS segments ${ON_CLUSTER}
(
    workspace_id String,
    segment_id   String,
    name         String,
    description  String DEFAULT '',
    filter       String,
    updated_by   String,
    updated_at   DateTime64(3, 'UTC'),
    version      UInt64,
    is_deleted   UInt8 DEFAULT 0
)
ENGINE = ${REPLICATED}ReplacingMergeTree(version, is_deleted)
ORDER BY (workspace_id, segment_id);
