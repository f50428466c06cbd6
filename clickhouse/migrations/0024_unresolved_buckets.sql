-- Unresolved's reports read summaries per 15-minute bucket instead of every
-- request and wait of the range (measured on the large demo, 1M contacts, 90
-- days; README, "Unresolved at scale"; test/integration/unresolved-upgrade):
--   wait_buckets  per bucket, kind and agent: the closers, the measured
--                 waits, their histogram and the waits themselves as an
--                 exact-quantile state (speed), kept by the read models'
--                 refresh from control_waits (wait-buckets.ts)
--   contact_buckets, conversation_gaps
--                 per bucket, how many contacts wrote after how long a
--                 silence (volume), kept by the read models' refresh
--                 (conversation-gaps.ts): a day's conversations are a sum of
--                 counts instead of a merge of sets of contacts
--   request_term_buckets  request_terms (0008) per 15 minutes, for the
--                 partial UTC days at a zone's range ends (top reasons),
--                 which were split into words on every read

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

-- Every 15-minute bucket in which a contact wrote to you or asked for a human
-- (kind 'conversation'), or asked (kind 'escalated'), filled by the view in
-- the same insert as the event; `counted` turns 1 once the read models'
-- refresh has counted the pair into conversation_gaps (conversation-gaps.ts).
-- Sorted by contact in small granules: a round reads its contacts' pairs
-- (a few each) without reading thousands of other contacts' rows per contact.
CREATE TABLE IF NOT EXISTS contact_buckets ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    contact      String,
    kind         LowCardinality(String),
    bucket       DateTime('UTC'),
    counted      UInt8
)
ENGINE = ${REPLICATED}ReplacingMergeTree(counted)
ORDER BY (workspace_id, contact, kind, bucket)
SETTINGS index_granularity = 256;

-- The pairs of the stored log, uncounted (0024's backfill counts them), only
-- while the table is empty; the view's SELECT.
INSERT INTO contact_buckets
SELECT DISTINCT workspace_id, contact, kind, toDateTime(toStartOfFifteenMinutes(ts), 'UTC') AS bucket, 0 AS counted
FROM events
ARRAY JOIN if(type = 'intervention.requested', ['conversation', 'escalated'], ['conversation']) AS kind
WHERE type IN ('message.inbound', 'intervention.requested') AND contact != ''
  AND (SELECT count() FROM contact_buckets) = 0;

CREATE MATERIALIZED VIEW IF NOT EXISTS contact_buckets_mv ${ON_CLUSTER} TO contact_buckets AS
SELECT DISTINCT workspace_id, contact, kind, toDateTime(toStartOfFifteenMinutes(ts), 'UTC') AS bucket, 0 AS counted
FROM events
ARRAY JOIN if(type = 'intervention.requested', ['conversation', 'escalated'], ['conversation']) AS kind
WHERE type IN ('message.inbound', 'intervention.requested') AND contact != '';

-- How many of those pairs follow the contact's previous bucket of the same
-- kind by `gap` quarters (at most 255, more than any day's 100; 255 with none
-- before). A zone's day
-- counts a contact once, in its first bucket of the day: the pairs of the
-- day whose gap reaches back before the day's midnight. So a day's
-- conversations are a sum of counts instead of a merge of sets, exact in any
-- zone (unresolved-volume.ts). Kept by the read models' refresh, which adds
-- what a round's new pairs change (+1 for a pair's new gap, -1 for its old
-- one).
CREATE TABLE IF NOT EXISTS conversation_gaps ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    bucket       DateTime('UTC'),
    kind         LowCardinality(String),
    gap          UInt8,
    contacts     Int64
)
ENGINE = ${REPLICATED}SummingMergeTree
PARTITION BY toYYYYMM(bucket)
ORDER BY (workspace_id, bucket, kind, gap);

-- request_terms per 15 minutes. Top reasons read whole UTC days from
-- request_terms and only the one or two partial days at a range's ends from
-- here (Asia/Kolkata's days always have two). Split as request_terms_mv
-- splits, the backfill as its own (a re-run adds nothing).
CREATE TABLE IF NOT EXISTS request_term_buckets ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    bucket       DateTime('UTC'),
    term         String,
    requests     SimpleAggregateFunction(sum, UInt64)
)
ENGINE = ${REPLICATED}AggregatingMergeTree
PARTITION BY toYYYYMM(bucket)
ORDER BY (workspace_id, bucket, term);

INSERT INTO request_term_buckets
SELECT workspace_id, bucket, term, count()
FROM (
    SELECT workspace_id, toDateTime(toStartOfFifteenMinutes(ts), 'UTC') AS bucket, extractAll(lowerUTF8(text), '[\\p{L}\\p{N}]+(?:''[\\p{L}]+)?') AS tokens
    FROM control_events
    WHERE type = 'intervention.requested' AND text != '' AND (SELECT count() FROM request_term_buckets) = 0
)
ARRAY JOIN arrayDistinct(arrayConcat(
    arrayFilter(w -> length(w) > 1 AND NOT match(w, '^[0-9]+$'), tokens),
    arrayFilter(p -> p != '', arrayMap((a, b) -> if(length(a) > 1 AND NOT match(a, '^[0-9]+$') AND length(b) > 1 AND NOT match(b, '^[0-9]+$'), concat(a, ' ', b), ''), arrayPopBack(tokens), arrayPopFront(tokens))))) AS term
GROUP BY workspace_id, bucket, term;

CREATE MATERIALIZED VIEW IF NOT EXISTS request_term_buckets_mv ${ON_CLUSTER} TO request_term_buckets AS
SELECT workspace_id, bucket, term, count() AS requests
FROM (
    SELECT workspace_id, toDateTime(toStartOfFifteenMinutes(ts), 'UTC') AS bucket, extractAll(lowerUTF8(text), '[\\p{L}\\p{N}]+(?:''[\\p{L}]+)?') AS tokens
    FROM events
    WHERE type = 'intervention.requested' AND contact != '' AND text != ''
)
ARRAY JOIN arrayDistinct(arrayConcat(
    arrayFilter(w -> length(w) > 1 AND NOT match(w, '^[0-9]+$'), tokens),
    arrayFilter(p -> p != '', arrayMap((a, b) -> if(length(a) > 1 AND NOT match(a, '^[0-9]+$') AND length(b) > 1 AND NOT match(b, '^[0-9]+$'), concat(a, ' ', b), ''), arrayPopBack(tokens), arrayPopFront(tokens))))) AS term
GROUP BY workspace_id, bucket, term;

-- The sets they replace: nothing reads them any more.
DROP VIEW IF EXISTS conversation_buckets_mv ${ON_CLUSTER};
DROP TABLE IF EXISTS conversation_buckets ${ON_CLUSTER}