-- Billable campaign messages, narrow: campaign_billable (0010) kept each
-- message's wamid, contact and time to count messages by pricing category,
-- 221 MiB of the large demo (4.1 bytes per event, 154 MiB of it the wamids),
-- and the cost report merged those strings at read time. billable_messages
-- keeps what the count needs: the message as a 64-bit hash of its wamid (two
-- messages of one campaign share one with odds of 1 in 36 million at a million
-- messages) and its category. One row per message however many statuses
-- repeated the pricing; as before, the last one stored wins.

CREATE TABLE IF NOT EXISTS billable_messages ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    campaign_id  String,
    message      UInt64 CODEC(Delta, ZSTD(1)),
    category     LowCardinality(String)
)
ENGINE = ${REPLICATED}ReplacingMergeTree
ORDER BY (workspace_id, campaign_id, message);

-- The backfill is 0010's, from the log (not from the table it replaces, which
-- a run cut short after the DROP below would no longer find), only while the
-- new table is empty, so a re-run adds nothing. It spells the category out
-- from the payload for the reason 0010 gives.
INSERT INTO billable_messages
SELECT workspace_id, campaign_id, sipHash64(wamid) AS message, category
FROM (
    SELECT workspace_id, campaign_id, wamid,
           if(JSONHas(payload, 'pricing') AND JSONExtractRaw(payload, 'pricing', 'billable') != 'false',
              lowerUTF8(JSONExtractString(payload, 'pricing', 'category')), '') AS category
    FROM events
    WHERE type = 'message.status' AND campaign_id != '' AND wamid != ''
      AND (SELECT count() FROM billable_messages) = 0
)
WHERE category != '';

CREATE MATERIALIZED VIEW IF NOT EXISTS billable_messages_mv ${ON_CLUSTER} TO billable_messages AS
SELECT workspace_id, campaign_id, sipHash64(wamid) AS message, pricing_category AS category
FROM events
WHERE type = 'message.status' AND campaign_id != '' AND wamid != '' AND pricing_category != '';

DROP VIEW IF EXISTS campaign_billable_mv ${ON_CLUSTER};

DROP TABLE IF EXISTS campaign_billable ${ON_CLUSTER}
