-- Opting out of marketing (README, "Opt-outs"). Ingestion writes a
-- `contact.opted_out` or `contact.opted_in` event when a reply is one of the
-- workspace's keywords or a status fails with Meta's error 131050
-- (server/ingestion/opt-outs.ts); these tables keep what the screens read:
--   opt_out_keywords    the keywords of each workspace, set in Manage → WhatsApp
--   contact_opt_events  every opt-out and opt-in, narrow, by contact
--   contacts.opted_out  the state now (the latest by event time wins), kept by
--                       the read models' refresh like status (read-models.ts)
-- The backfill (opt-outs-backfill.ts, run from migrate.ts) finds the keyword
-- replies and 131050 failures an earlier version stored, writes their events
-- with the same ids ingestion would, and rebuilds the read models.

-- One row per version; the latest wins. A workspace without one uses the
-- defaults (clickhouse/vocabulary/opt-outs.ts).
CREATE TABLE IF NOT EXISTS opt_out_keywords ${ON_CLUSTER}
(
    workspace_id String,
    opt_out      Array(String),
    opt_in       Array(String),
    updated_by   String,
    updated_at   DateTime64(3, 'UTC'),
    version      UInt64,
    is_deleted   UInt8 DEFAULT 0
)
ENGINE = ${REPLICATED}ReplacingMergeTree(version, is_deleted)
ORDER BY workspace_id;

-- A few rows per contact who ever opted out: the state at any moment is the
-- latest row before it (argMax by (ts, event_id), so two at the same instant
-- still give one answer whatever order they arrived in), and a campaign's
-- opt-outs are the rows within 72 h of each delivery.
CREATE TABLE IF NOT EXISTS contact_opt_events ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    contact      String,
    ts           DateTime64(3, 'UTC'),
    event_id     String,
    opted_out    UInt8,
    cause        LowCardinality(String),  -- keyword | error_131050 | api
    keyword      String,
    campaign_id  String                   -- the failed status's campaign, for 131050
)
ENGINE = ${REPLICATED}MergeTree
ORDER BY (workspace_id, contact, ts, event_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS contact_opt_events_mv ${ON_CLUSTER} TO contact_opt_events AS
SELECT workspace_id, contact, ts, event_id, toUInt8(type = 'contact.opted_out') AS opted_out, value AS cause, text AS keyword, campaign_id
FROM events
WHERE type IN ('contact.opted_out', 'contact.opted_in') AND contact != '';

ALTER TABLE contacts ${ON_CLUSTER}
    ADD COLUMN IF NOT EXISTS opted_out UInt8 DEFAULT 0 AFTER request_times,
    ADD COLUMN IF NOT EXISTS opted_out_at Nullable(DateTime64(3, 'UTC')) AFTER opted_out
