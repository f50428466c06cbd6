-- Saved segments and their edit history.
--
-- `segments` (0001) holds the current version of each saved segment: the
-- filter tree as JSON, and who changed it last. A save writes a new version;
-- a delete writes one with is_deleted = 1. Read with
-- `ORDER BY version DESC LIMIT 1 BY segment_id`.

ALTER TABLE segments ${ON_CLUSTER}
    ADD COLUMN IF NOT EXISTS created_by String DEFAULT '' AFTER filter;

ALTER TABLE segments ${ON_CLUSTER}
    ADD COLUMN IF NOT EXISTS created_at DateTime64(3, 'UTC') DEFAULT now64(3) AFTER created_by;

-- Every change of a saved segment, one row per change: who, when, what
-- (created, renamed, edited the filter, deleted…) and the segment as it was
-- after the change, so a past filter can be looked at again. Rows are never
-- rewritten; the engine only makes a replayed insert harmless.
CREATE TABLE IF NOT EXISTS segment_history ${ON_CLUSTER}
(
    workspace_id String,
    segment_id   String,
    version      UInt64,
    action       LowCardinality(String),  -- created | renamed | described | filter | duplicated | deleted
    summary      String,                  -- what changed, in words
    name         String,
    description  String,
    filter       String,
    changed_by   String,
    changed_at   DateTime64(3, 'UTC'),
    is_deleted   UInt8 DEFAULT 0
)
ENGINE = ${REPLICATED}ReplacingMergeTree(version, is_deleted)
ORDER BY (workspace_id, segment_id, version);

-- Static segments: a fixed list of contacts (an uploaded phone list, or a
-- dynamic segment frozen at a moment). `kind` tells them apart; the list
-- lives in segment_members, written once when the static segment is made,
-- and its filter is the one rule "in static list <segment_id>".
ALTER TABLE segments ${ON_CLUSTER}
    ADD COLUMN IF NOT EXISTS kind LowCardinality(String) DEFAULT 'dynamic' AFTER description;

CREATE TABLE IF NOT EXISTS segment_members ${ON_CLUSTER}
(
    workspace_id String,
    segment_id   String,
    contact      String,
    added_at     DateTime64(3, 'UTC')
)
ENGINE = ${REPLICATED}ReplacingMergeTree
ORDER BY (workspace_id, segment_id, contact);

-- Segment rules select tags and attributes by name, but both tables are sorted
-- by contact first. A projection sorted by name lets "attribute = plan" or
-- "tag IN (…)" read only that name's rows (about 4× less work for an
-- attribute rule). 'rebuild' keeps each projection exact through the
-- aggregating merges (ClickHouse 24.8 or newer; chDB 3.4 has it). MATERIALIZE
-- builds it for data that is already there.
ALTER TABLE contact_attributes ${ON_CLUSTER}
    MODIFY SETTING deduplicate_merge_projection_mode = 'rebuild';

ALTER TABLE contact_attributes ${ON_CLUSTER}
    ADD PROJECTION IF NOT EXISTS by_attribute (SELECT * ORDER BY workspace_id, attribute, contact);

ALTER TABLE contact_attributes ${ON_CLUSTER}
    MATERIALIZE PROJECTION by_attribute;

ALTER TABLE contact_tags ${ON_CLUSTER}
    MODIFY SETTING deduplicate_merge_projection_mode = 'rebuild';

ALTER TABLE contact_tags ${ON_CLUSTER}
    ADD PROJECTION IF NOT EXISTS by_tag (SELECT * ORDER BY workspace_id, tag, contact);

ALTER TABLE contact_tags ${ON_CLUSTER}
    MATERIALIZE PROJECTION by_tag;
