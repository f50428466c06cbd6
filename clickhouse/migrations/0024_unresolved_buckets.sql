-- Unresolved's reports read summaries per 15-minute bucket instead of every
-- request and wait of the range (measured on the large demo, 1M contacts, 90
-- days; README, "Unresolved at scale"):
--   wait_buckets  per bucket, kind and agent: the closers, the measured
--                 waits, their histogram and the waits themselves as an
--                 exact-quantile state (speed), kept by the read models'
--                 refresh from control_waits (wait-buckets.ts)

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
