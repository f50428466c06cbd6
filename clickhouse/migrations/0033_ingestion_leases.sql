-- A workspace's write lease (server/ingestion/write-lease.ts). On one
-- embedded store only one process writes (the data directory is locked), and
-- its in-process queue runs a workspace's rounds one at a time; with several
-- app instances on a ClickHouse server, the instance holding a workspace's
-- lease is the only one that checks, stores and refreshes its events, so two
-- copies of a retried batch cannot both pass the duplicate check.
--
-- A claim is a row for the next epoch, inserted with the deduplication token
-- "lease:<workspace hash>:<epoch>": the server keeps the first insert of a
-- token and drops any other (this table's deduplication window; Keeper's for
-- a replicated one), so exactly one claimant gets each epoch. An empty owner
-- is a lease given back. Rows a day past their end go.
CREATE TABLE IF NOT EXISTS ingestion_leases ${ON_CLUSTER}
(
    workspace_id String,
    epoch        UInt64,
    owner        String,
    expires_at   DateTime64(3, 'UTC')
)
ENGINE = ${REPLICATED}MergeTree
ORDER BY (workspace_id, epoch)
TTL toDateTime(expires_at) + INTERVAL 1 DAY
SETTINGS non_replicated_deduplication_window = 10000;
