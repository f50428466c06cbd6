-- The append-only event log: everything that happened to a contact. It *is*
-- the customer journey. Ingestion never writes an event_id twice (it checks
-- event_ids first), so every view below can count rows safely.
-- Sorted by tenant, then contact, then time: one contact's timeline is a
-- contiguous range; reports read the derived tables instead.

CREATE TABLE IF NOT EXISTS events ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    contact      String,                  -- E.164; '' for campaign-level events
    ts           DateTime64(3, 'UTC'),
    event_id     String,
    type         LowCardinality(String),
    actor_kind   LowCardinality(String),  -- user | bot | agent | member | api | system
    actor_id     String,
    message_kind LowCardinality(String),  -- outbound: template | session; inbound: WhatsApp message type
    wamid        String,
    campaign_id  String,
    text         String,
    status       LowCardinality(String),  -- message.status: sent | delivered | read | failed
    error_code   Int32,
    error_title  String,
    tag          String,
    tag_kind     LowCardinality(String),  -- automated | manual
    tag_origin   LowCardinality(String),  -- first_message | api | broadcast | manual
    attribute    String,
    value        String,
    source       String,                  -- the source this event gives a new contact
    source_detail String,                 -- where exactly: the click-to-WhatsApp ad, the import file
    name         String,                  -- a profile name this event reveals
    payload      String,                  -- the whole validated event, JSON
    ingested_at  DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ${REPLICATED}MergeTree
PARTITION BY toYYYYMM(ts)
ORDER BY (workspace_id, contact, ts, event_id);

-- Every stored event_id, sorted for the ingestion duplicate check. Filled by a
-- view in the same insert as the event, so the two cannot drift apart.
CREATE TABLE IF NOT EXISTS event_ids ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    event_id     String
)
ENGINE = ${REPLICATED}ReplacingMergeTree
ORDER BY (workspace_id, event_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS event_ids_mv ${ON_CLUSTER} TO event_ids AS
SELECT workspace_id, event_id FROM events;
