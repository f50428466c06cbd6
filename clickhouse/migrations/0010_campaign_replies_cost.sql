-- Campaign replies within a reply window, and campaign cost.
--
-- inbound_times      every inbound message no campaign claimed by its context:
--                    the candidates of a reply-window reply, by time
-- pricing_category   on events: the WhatsApp pricing category of a billable status
-- campaign_billable  one row per billable campaign message, with its category
-- workspace_prices   the price per message of each category, set in Manage
--
-- Each backfill runs only while its table is empty, so a re-run adds nothing,
-- and every statement is IF NOT EXISTS: the file is safe to apply twice.

-- A reply that WhatsApp ties to a campaign message (context.id, a button, an
-- interactive reply) is already in campaign_recipients.replied_at. Failing
-- that, a report counts the contact's first inbound message within N hours of
-- the send, N chosen per report, so it cannot be derived ahead of time. This
-- table keeps the candidates narrow and sorted by time: a campaign's report
-- reads only the messages from its first send to its last send + N hours (a
-- few days of inbound messages) instead of the event log, whose sort key
-- starts with the contact. A message that answers another campaign (its
-- campaign_id is set) counts for that campaign only, so it is left out here.
CREATE TABLE IF NOT EXISTS inbound_times ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    ts           DateTime64(3, 'UTC'),
    contact      String
)
ENGINE = ${REPLICATED}ReplacingMergeTree
PARTITION BY toYYYYMM(ts)
ORDER BY (workspace_id, ts, contact);

INSERT INTO inbound_times
SELECT workspace_id, ts, contact
FROM events
WHERE type = 'message.inbound' AND contact != '' AND campaign_id = ''
  AND (SELECT count() FROM inbound_times) = 0;

CREATE MATERIALIZED VIEW IF NOT EXISTS inbound_times_mv ${ON_CLUSTER} TO inbound_times AS
SELECT workspace_id, ts, contact
FROM events
WHERE type = 'message.inbound' AND contact != '' AND campaign_id = '';

-- The pricing Meta reports on a status ({category, billable, model}) lived
-- only in `payload`. Ingestion now writes the category of a billable status
-- (lower case; '' when the status carries no pricing or is not billable),
-- for events stored before, the DEFAULT reads it from the payload.
ALTER TABLE events ${ON_CLUSTER}
    ADD COLUMN IF NOT EXISTS pricing_category LowCardinality(String)
    DEFAULT if(type = 'message.status' AND JSONHas(payload, 'pricing') AND JSONExtractRaw(payload, 'pricing', 'billable') != 'false',
               lowerUTF8(JSONExtractString(payload, 'pricing', 'category')), '');

-- One row per billable campaign message: Meta repeats the pricing on the sent,
-- delivered and read statuses of one message, and the wamid collapses them
-- (read with FINAL). Sorted by campaign, so one campaign's cost reads one range.
CREATE TABLE IF NOT EXISTS campaign_billable ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    campaign_id  String,
    wamid        String,
    contact      String,
    category     LowCardinality(String),
    ts           DateTime64(3, 'UTC')
)
ENGINE = ${REPLICATED}ReplacingMergeTree
ORDER BY (workspace_id, campaign_id, wamid);

-- The backfill spells the category out from the payload rather than reading
-- the new column: on parts written before it, a filter on a DEFAULT column
-- moved to PREWHERE matched no rows (chDB 3.4, measured on 20M events).
INSERT INTO campaign_billable
SELECT workspace_id, campaign_id, wamid, contact, category, ts
FROM (
    SELECT workspace_id, campaign_id, wamid, contact, ts,
           if(JSONHas(payload, 'pricing') AND JSONExtractRaw(payload, 'pricing', 'billable') != 'false',
              lowerUTF8(JSONExtractString(payload, 'pricing', 'category')), '') AS category
    FROM events
    WHERE type = 'message.status' AND campaign_id != '' AND wamid != ''
      AND (SELECT count() FROM campaign_billable) = 0
)
WHERE category != '';

CREATE MATERIALIZED VIEW IF NOT EXISTS campaign_billable_mv ${ON_CLUSTER} TO campaign_billable AS
SELECT workspace_id, campaign_id, wamid, contact, pricing_category AS category, ts
FROM events
WHERE type = 'message.status' AND campaign_id != '' AND wamid != '' AND pricing_category != '';

-- Prices per message by pricing category, and their currency: config, like
-- the other small ReplacingMergeTree(version, is_deleted) tables (0001). A
-- NULL price is "not set", and Decimal keeps a rate card's 0.0107 exact.
CREATE TABLE IF NOT EXISTS workspace_prices ${ON_CLUSTER}
(
    workspace_id   String,
    currency       String,
    marketing      Nullable(Decimal(18, 6)),
    utility        Nullable(Decimal(18, 6)),
    authentication Nullable(Decimal(18, 6)),
    service        Nullable(Decimal(18, 6)),
    updated_by     String,
    updated_at     DateTime64(3, 'UTC'),
    version        UInt64,
    is_deleted     UInt8 DEFAULT 0
)
ENGINE = ${REPLICATED}ReplacingMergeTree(version, is_deleted)
ORDER BY workspace_id;
