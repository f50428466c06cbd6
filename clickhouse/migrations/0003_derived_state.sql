-- Derived state, filled by materialized views from the event log so that a
-- report and a journey can never disagree. Aggregate states make the result
-- independent of arrival order: the latest event by `ts` wins, not the latest
-- insert. Readers merge with the -Merge combinators, grouped by the sort key.

-- One row per contact: the chat profile's basic parameters.
CREATE TABLE IF NOT EXISTS contact_state ${ON_CLUSTER}
(
    workspace_id       LowCardinality(String),
    contact            String,
    first_seen         SimpleAggregateFunction(min, DateTime64(3, 'UTC')),
    last_active        SimpleAggregateFunction(max, Nullable(DateTime64(3, 'UTC'))),
    last_message       SimpleAggregateFunction(max, Nullable(DateTime64(3, 'UTC'))),
    template_messages  SimpleAggregateFunction(sum, UInt64),
    session_messages   SimpleAggregateFunction(sum, UInt64),
    unresolved_queries SimpleAggregateFunction(sum, UInt64),
    last_control       AggregateFunction(argMax, LowCardinality(String), DateTime64(3, 'UTC')),
    last_control_at    SimpleAggregateFunction(max, Nullable(DateTime64(3, 'UTC'))),
    source             AggregateFunction(argMin, String, DateTime64(3, 'UTC')),
    source_detail      AggregateFunction(argMin, String, DateTime64(3, 'UTC')),
    name               AggregateFunction(argMax, String, DateTime64(3, 'UTC')),
    first_message_tag  AggregateFunction(argMin, String, DateTime64(3, 'UTC'))
)
ENGINE = ${REPLICATED}AggregatingMergeTree
ORDER BY (workspace_id, contact);

CREATE MATERIALIZED VIEW IF NOT EXISTS contact_state_mv ${ON_CLUSTER} TO contact_state AS
SELECT
    workspace_id,
    contact,
    min(ts) AS first_seen,
    maxIf(toNullable(ts), type = 'message.inbound') AS last_active,
    maxIf(toNullable(ts), type IN ('message.inbound', 'message.outbound')) AS last_message,
    countIf(type = 'message.outbound' AND message_kind = 'template') AS template_messages,
    countIf(type = 'message.inbound' OR (type = 'message.outbound' AND message_kind = 'session')) AS session_messages,
    countIf(type = 'intervention.requested') AS unresolved_queries,
    argMaxStateIf(type, ts, type IN ('intervention.requested', 'agent.intervened', 'chat.resolved')) AS last_control,
    maxIf(toNullable(ts), type IN ('intervention.requested', 'agent.intervened', 'chat.resolved')) AS last_control_at,
    argMinStateIf(source, ts, source != '') AS source,
    argMinStateIf(source_detail, ts, source_detail != '') AS source_detail,
    argMaxStateIf(name, ts, name != '' AND type IN ('message.inbound', 'contact.created', 'contact.imported')) AS name,
    argMinStateIf(tag, ts, type = 'tag.added' AND tag_origin = 'first_message') AS first_message_tag
FROM events
WHERE contact != ''
GROUP BY workspace_id, contact;

-- A contact's tags: present when the latest add/remove event is an add.
CREATE TABLE IF NOT EXISTS contact_tags ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    contact      String,
    tag          String,
    present      AggregateFunction(argMax, UInt8, DateTime64(3, 'UTC')),
    kind         AggregateFunction(argMax, LowCardinality(String), DateTime64(3, 'UTC')),
    origin       AggregateFunction(argMax, LowCardinality(String), DateTime64(3, 'UTC')),
    added_by     AggregateFunction(argMax, String, DateTime64(3, 'UTC')),
    added_at     SimpleAggregateFunction(max, Nullable(DateTime64(3, 'UTC')))
)
ENGINE = ${REPLICATED}AggregatingMergeTree
ORDER BY (workspace_id, contact, tag);

CREATE MATERIALIZED VIEW IF NOT EXISTS contact_tags_mv ${ON_CLUSTER} TO contact_tags AS
SELECT
    workspace_id,
    contact,
    tag,
    argMaxState(toUInt8(type = 'tag.added'), ts) AS present,
    argMaxStateIf(tag_kind, ts, type = 'tag.added') AS kind,
    argMaxStateIf(tag_origin, ts, type = 'tag.added') AS origin,
    argMaxStateIf(concat(actor_kind, ':', actor_id), ts, type = 'tag.added') AS added_by,
    maxIf(toNullable(ts), type = 'tag.added') AS added_at
FROM events
WHERE type IN ('tag.added', 'tag.removed')
GROUP BY workspace_id, contact, tag;

-- A contact's attribute values: the latest set wins.
CREATE TABLE IF NOT EXISTS contact_attributes ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    contact      String,
    attribute    String,
    value        AggregateFunction(argMax, String, DateTime64(3, 'UTC')),
    set_by       AggregateFunction(argMax, String, DateTime64(3, 'UTC')),
    set_at       SimpleAggregateFunction(max, DateTime64(3, 'UTC'))
)
ENGINE = ${REPLICATED}AggregatingMergeTree
ORDER BY (workspace_id, contact, attribute);

CREATE MATERIALIZED VIEW IF NOT EXISTS contact_attributes_mv ${ON_CLUSTER} TO contact_attributes AS
SELECT
    workspace_id,
    contact,
    attribute,
    argMaxState(value, ts) AS value,
    argMaxState(concat(actor_kind, ':', actor_id), ts) AS set_by,
    max(ts) AS set_at
FROM events
WHERE type = 'attribute.set'
GROUP BY workspace_id, contact, attribute;

-- Campaigns, from their campaign.created / campaign.sent events.
CREATE TABLE IF NOT EXISTS campaigns ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    campaign_id  String,
    name         AggregateFunction(argMax, String, DateTime64(3, 'UTC')),
    template     AggregateFunction(argMax, String, DateTime64(3, 'UTC')),
    created_at   SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC'))),
    sent_at      SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC')))
)
ENGINE = ${REPLICATED}AggregatingMergeTree
ORDER BY (workspace_id, campaign_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS campaigns_mv ${ON_CLUSTER} TO campaigns AS
SELECT
    workspace_id,
    campaign_id,
    argMaxStateIf(name, ts, type = 'campaign.created') AS name,
    argMaxStateIf(text, ts, type = 'campaign.created') AS template,
    minIf(toNullable(ts), type = 'campaign.created') AS created_at,
    minIf(toNullable(ts), type = 'campaign.sent') AS sent_at
FROM events
WHERE type IN ('campaign.created', 'campaign.sent')
GROUP BY workspace_id, campaign_id;

-- Per campaign recipient, the first time each tick was reached. A read implies
-- delivered (Meta skips `delivered` when a message is read at once).
CREATE TABLE IF NOT EXISTS campaign_recipients ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    campaign_id  String,
    contact      String,
    sent_at      SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC'))),
    delivered_at SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC'))),
    read_at      SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC'))),
    replied_at   SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC'))),
    failed_at    SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC'))),
    error_code   AggregateFunction(argMax, Int32, DateTime64(3, 'UTC')),
    error_title  AggregateFunction(argMax, String, DateTime64(3, 'UTC'))
)
ENGINE = ${REPLICATED}AggregatingMergeTree
ORDER BY (workspace_id, campaign_id, contact);

CREATE MATERIALIZED VIEW IF NOT EXISTS campaign_recipients_mv ${ON_CLUSTER} TO campaign_recipients AS
SELECT
    workspace_id,
    campaign_id,
    contact,
    minIf(toNullable(ts), type = 'message.outbound' OR (type = 'message.status' AND status = 'sent')) AS sent_at,
    minIf(toNullable(ts), type = 'message.status' AND status IN ('delivered', 'read')) AS delivered_at,
    minIf(toNullable(ts), type = 'message.status' AND status = 'read') AS read_at,
    minIf(toNullable(ts), type = 'message.inbound') AS replied_at,
    minIf(toNullable(ts), type = 'message.status' AND status = 'failed') AS failed_at,
    argMaxStateIf(error_code, ts, type = 'message.status' AND status = 'failed') AS error_code,
    argMaxStateIf(error_title, ts, type = 'message.status' AND status = 'failed') AS error_title
FROM events
WHERE campaign_id != '' AND contact != '' AND type IN ('message.outbound', 'message.status', 'message.inbound')
GROUP BY workspace_id, campaign_id, contact;

-- Outbound messages by WhatsApp message id, so a status or a reply can be tied
-- to the contact and campaign of the message it refers to.
CREATE TABLE IF NOT EXISTS outbound_messages ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    wamid        String,
    contact      String,
    campaign_id  String,
    ts           DateTime64(3, 'UTC')
)
ENGINE = ${REPLICATED}ReplacingMergeTree
ORDER BY (workspace_id, wamid);

CREATE MATERIALIZED VIEW IF NOT EXISTS outbound_messages_mv ${ON_CLUSTER} TO outbound_messages AS
SELECT workspace_id, wamid, contact, campaign_id, ts
FROM events
WHERE type = 'message.outbound' AND wamid != '';

-- Events per day and type, for charts over time.
CREATE TABLE IF NOT EXISTS daily_events ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    day          Date,
    type         LowCardinality(String),
    events       UInt64
)
ENGINE = ${REPLICATED}SummingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (workspace_id, day, type);

CREATE MATERIALIZED VIEW IF NOT EXISTS daily_events_mv ${ON_CLUSTER} TO daily_events AS
SELECT workspace_id, toDate(ts) AS day, type, count() AS events
FROM events
GROUP BY workspace_id, day, type;
