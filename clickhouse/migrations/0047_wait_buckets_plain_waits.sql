-- wait_buckets' waits (0024) as a plain array of the measured waits instead of
-- an exact-quantile state. The state is the same list of values, but reading
-- it costs more than the list: the speed report over 90 days (1.5M waits at a
-- million contacts, their medians and p90s overall, per week and per agent)
-- took 57 ms and 90 ms of CPU merging states, 50 ms and 80 ms of CPU with the
-- arrays read by quantilesExactInclusiveArray, and 40 ms and 66 ms of CPU with
-- each bucket's array sorted when it is written (wait-buckets.ts): the same
-- quantiles to the last digit (a copy of the large demo, median of 7 runs).
-- A column cannot turn from a state into an array, and the table is a summary
-- of control_waits, so it is made anew and filled by the rounds' own refresh
-- (migrate.ts, 47). Migrations run before the app takes writes, and a run cut
-- short starts over from control_waits.

DROP TABLE IF EXISTS wait_buckets ${ON_CLUSTER};

CREATE TABLE IF NOT EXISTS wait_buckets ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    bucket       DateTime('UTC'),
    kind         LowCardinality(String),
    agent_id     String,
    agent_name   String,
    events       UInt64,
    measured     UInt64,
    waits        Array(Float64),
    histogram    Array(UInt64),
    version      UInt64
)
ENGINE = ${REPLICATED}ReplacingMergeTree(version)
PARTITION BY toYYYYMM(bucket)
ORDER BY (workspace_id, bucket, kind, agent_id);
