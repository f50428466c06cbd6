-- Parts of signed WhatsApp webhook deliveries that ChatLens could not store (a
-- timestamp that is no time, a message without a sender…), each with its
-- reason and the part as Meta sent it, for a person to inspect in
-- Manage → WhatsApp. The rest of the delivery is stored and Meta gets its 200,
-- so it does not deliver the whole again and again.
-- A redelivery adds the same part again: readers keep the latest row per
-- part_id (LIMIT 1 BY). Kept 30 days: enough to notice and report a problem.
CREATE TABLE IF NOT EXISTS webhook_rejections ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    received_at  DateTime64(3, 'UTC') DEFAULT now64(3),
    part_id      String,                  -- stable across redeliveries: message:<wamid>, status:<wamid>:<status>
    part         String,                  -- what a person reads: "message wamid.…", "status wamid.… read"
    reason       String,
    payload      String                   -- the part as Meta sent it, JSON, at most 4,000 characters
)
ENGINE = ${REPLICATED}MergeTree
ORDER BY (workspace_id, received_at)
TTL toDateTime(received_at) + INTERVAL 30 DAY;
