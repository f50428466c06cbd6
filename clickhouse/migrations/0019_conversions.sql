-- Conversions: what a campaign earned.
--
-- A `conversion` event (server/events/schema.ts) is a purchase, a booking, a
-- sign-up… The log keeps its fields in columns no other event of that type
-- fills (rows.ts): name, value (text), currency in `status`, order_id in
-- `wamid`. Two tables follow it:
--
--   conversion_events  every conversion event as typed columns, filled by a
--                      view in the same insert: the write-side truth, sorted by
--                      contact like the log, so a round reads its contacts'.
--   conversions        the read model: one row per counted conversion (a
--                      repeated order id of a contact counts once, its
--                      earliest), with the campaign the contact last had
--                      delivered at or before it (last touch) and when, and
--                      whether the contact replied to that campaign (engaged).
--
-- conversions is rewritten, like the read models of 0011, after every
-- ingestion round for the contacts the round touched, from conversion_events
-- and recipients (clickhouse/queries/read-models.ts, refreshConversions):
-- a delivery that arrives after the conversion it precedes (a late webhook, a
-- backfill, a status before its message, 0017) touches the same contact and
-- re-attributes it, so arrival order never changes the answer. The report's
-- attribution window (1-30 days, default 7) is a filter on read
-- (ts < delivered_at + window): the last touch is the last touch whatever the
-- window, and a conversion past the window of its last touch belongs to none.
--
-- No backfill: a store written by an earlier version cannot hold conversion
-- events (the event schema refused the type).

CREATE TABLE IF NOT EXISTS conversion_events ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    contact      String,
    ts           DateTime64(3, 'UTC'),
    event_id     String,
    name         LowCardinality(String),
    value        Nullable(Decimal64(4)),
    currency     LowCardinality(String),
    order_id     String
)
ENGINE = ${REPLICATED}MergeTree
PARTITION BY toYYYYMM(ts)
ORDER BY (workspace_id, contact, ts, event_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS conversion_events_mv ${ON_CLUSTER} TO conversion_events AS
SELECT workspace_id, contact, ts, event_id, name,
       if(value = '', NULL, toDecimal64OrNull(value, 4)) AS value,
       status AS currency, wamid AS order_id
FROM events
WHERE type = 'conversion' AND contact != '';

CREATE TABLE IF NOT EXISTS conversions ${ON_CLUSTER}
(
    workspace_id   LowCardinality(String),
    contact        String,
    -- 'o:<order id>', or 'e:<event id>' for a conversion without one: what counts once.
    conversion_key String,
    event_id       String,
    ts             DateTime64(3, 'UTC'),
    name           LowCardinality(String),
    value          Nullable(Decimal64(4)),
    currency       LowCardinality(String),
    order_id       String,
    -- The last touch: the campaign delivered to the contact last at or before ts ('' when none) and when.
    campaign_id    String,
    delivered_at   Nullable(DateTime64(3, 'UTC')),
    -- The contact replied to that campaign (a reply or a button tied to it, or a window reply, default window).
    engaged        UInt8,
    version        UInt64,
    -- A campaign's conversions (the report, the list): a handful of granules of a workspace's.
    INDEX campaign_bloom campaign_id TYPE bloom_filter GRANULARITY 1
)
ENGINE = ${REPLICATED}ReplacingMergeTree(version)
ORDER BY (workspace_id, contact, conversion_key)
