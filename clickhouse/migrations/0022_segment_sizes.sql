-- A saved dynamic segment's size, once a day of the workspace's time zone,
-- recorded by the daily job of the sync scheduler (server/sync/scheduler.ts).
-- One row per segment and day: a second recording of the same day (a
-- restart, two ticks racing) replaces the first, so history is never counted
-- twice; days the server was down stay empty rather than made up.
CREATE TABLE IF NOT EXISTS segment_sizes ${ON_CLUSTER}
(
    workspace_id String,
    segment_id   String,
    day          Date,
    size         UInt64,
    total        UInt64,
    recorded_at  DateTime64(3, 'UTC')
)
ENGINE = ${REPLICATED}ReplacingMergeTree(recorded_at)
ORDER BY (workspace_id, segment_id, day);
