-- Unresolved's reports read summaries per 15-minute bucket instead of every
-- request and wait of the range (measured on the large demo, 1M contacts, 90
-- days; README, "Unresolved at scale"):
--   wait_buckets  per bucket, kind and agent: the closers, the measured
--                 waits, their histogram and the waits themselves as an
--                 exact-quantile state (speed), kept by the read models'
--                 refresh from control_waits (wait-buckets.ts)
--   conversation_sets     conversation_buckets (0018) with each contact as a
--                         number instead of a string: the same exact sets,
--                         merged about twice as fast

-- One row per 15 minutes, kind (intervene | resolve) and agent, replaced
-- whole when a round changes any wait of its bucket. `waits` holds the
-- measured waits themselves (a quantilesExactInclusive state is the list of
-- its values), so medians and p90s merged over any days stay exact.
-- `histogram` counts the measured waits per WAIT_BUCKETS slot
-- (unresolved-speed.ts), the last slot "beyond every bound".
CREATE TABLE IF NOT EXISTS wait_buckets ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    bucket       DateTime('UTC'),
    kind         LowCardinality(String),
    agent_id     String,
    agent_name   String,
    events       UInt64,
    measured     UInt64,
    waits        AggregateFunction(quantilesExactInclusive(0.5, 0.9), Float64),
    histogram    Array(UInt64),
    version      UInt64
)
ENGINE = ${REPLICATED}ReplacingMergeTree(version)
PARTITION BY toYYYYMM(bucket)
ORDER BY (workspace_id, bucket, kind, agent_id)
;

-- Per 15 minutes, as conversation_buckets (0018): who wrote to you or asked
-- for a human, who asked, and the requests. A contact goes into the sets as
-- its phone number: an E.164 contact ('+' and up to 15 digits, which
-- ingestion requires: server/events/schema.ts) is '+' followed by the
-- decimal text of that number, so two contacts never share one and the
-- counts stay exact. Anything else (none is stored) would go in as a hash
-- with the top bit set, above every phone number.
CREATE TABLE IF NOT EXISTS conversation_sets ${ON_CLUSTER}
(
    workspace_id  LowCardinality(String),
    bucket        DateTime('UTC'),
    conversations AggregateFunction(uniqExact, UInt64),
    escalated     AggregateFunction(uniqExact, UInt64),
    requests      SimpleAggregateFunction(sum, UInt64)
)
ENGINE = ${REPLICATED}AggregatingMergeTree
PARTITION BY toYYYYMM(bucket)
ORDER BY (workspace_id, bucket);

-- The backfill is the view's SELECT over the stored log, run only while the
-- table is empty (a re-run adds nothing); test/integration/unresolved-upgrade
-- checks that it and the view fill the same sets.
INSERT INTO conversation_sets
SELECT
    workspace_id,
    toDateTime(toStartOfFifteenMinutes(ts), 'UTC') AS bucket,
    uniqExactState(number) AS conversations,
    uniqExactStateIf(number, type = 'intervention.requested') AS escalated,
    countIf(type = 'intervention.requested') AS requests
FROM (
    SELECT workspace_id, ts, type, toUInt64OrZero(substring(contact, 2)) AS digits,
           if(digits < 0x8000000000000000 AND concat('+', toString(digits)) = contact, digits, bitOr(sipHash64(contact), 0x8000000000000000)) AS number
    FROM events
    WHERE type IN ('message.inbound', 'intervention.requested') AND contact != ''
      AND (SELECT count() FROM conversation_sets) = 0
)
GROUP BY workspace_id, bucket;

CREATE MATERIALIZED VIEW IF NOT EXISTS conversation_sets_mv ${ON_CLUSTER} TO conversation_sets AS
SELECT
    workspace_id,
    toDateTime(toStartOfFifteenMinutes(ts), 'UTC') AS bucket,
    uniqExactState(number) AS conversations,
    uniqExactStateIf(number, type = 'intervention.requested') AS escalated,
    countIf(type = 'intervention.requested') AS requests
FROM (
    SELECT workspace_id, ts, type, toUInt64OrZero(substring(contact, 2)) AS digits,
           if(digits < 0x8000000000000000 AND concat('+', toString(digits)) = contact, digits, bitOr(sipHash64(contact), 0x8000000000000000)) AS number
    FROM events
    WHERE type IN ('message.inbound', 'intervention.requested') AND contact != ''
)
GROUP BY workspace_id, bucket;

-- The string sets they replace: nothing reads them any more.
DROP VIEW IF EXISTS conversation_buckets_mv ${ON_CLUSTER};
DROP TABLE IF EXISTS conversation_buckets ${ON_CLUSTER}