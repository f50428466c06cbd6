-- When each API key was last used. Kept apart from api_keys so that using a
-- key never writes a new version of the key itself.
CREATE TABLE IF NOT EXISTS api_key_usage ${ON_CLUSTER}
(
    workspace_id String,
    key_id       String,
    last_used_at SimpleAggregateFunction(max, DateTime64(3, 'UTC')),
    requests     SimpleAggregateFunction(sum, UInt64)
)
ENGINE = ${REPLICATED}AggregatingMergeTree
ORDER BY (workspace_id, key_id);
