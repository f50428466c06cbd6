-- Each campaign's billable messages by pricing category, counted once per
-- ingestion round that touches the campaign's messages (read-models.ts)
-- instead of on every read. The campaign list's cost column counted them from
-- billable_messages for the page's campaigns: 3.8M rows for the large demo's
-- 90 days, 100-150 ms of the list's 115-187 (target 100); the campaign
-- report's cost, 40 ms for the biggest campaign. A count is a function of
-- billable_messages (one row per message, 0028), so a round or a rebuild
-- writes it again whole: a crash between a round's events and its count is
-- repaired by the batch's retry, whose duplicates touch the campaign too. The
-- backfill is that refresh for every workspace (backfillCampaignBillable).

CREATE TABLE IF NOT EXISTS campaign_billable_counts ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    campaign_id  String,
    -- Billable messages per category (the categories the statuses named, lowercased).
    counts       Map(LowCardinality(String), UInt64),
    version      UInt64
)
ENGINE = ${REPLICATED}ReplacingMergeTree(version)
ORDER BY (workspace_id, campaign_id);
