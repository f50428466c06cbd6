-- Statuses stored without a campaign (their message had not arrived), by
-- wamid. When campaign messages arrive, ingestion links the statuses that
-- waited for them (status-links.ts). It used to find them in the log, by the
-- messages' contacts: a round of 10,000 campaign messages to contacts of the
-- 1M-contact demo read their whole histories to find none, 9.4 s of a 17 s
-- round. Such statuses are rare; this table holds them, so a round asks it by
-- wamid first and reads the log only for the few it names.

CREATE TABLE IF NOT EXISTS unlinked_statuses ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    wamid        String,
    contact      String
)
ENGINE = ${REPLICATED}ReplacingMergeTree
ORDER BY (workspace_id, wamid, contact);

-- From the log, only while the table is empty, so a re-run adds nothing.
INSERT INTO unlinked_statuses
SELECT DISTINCT workspace_id, wamid, contact
FROM events
WHERE type = 'message.status' AND campaign_id = '' AND wamid != ''
  AND (SELECT count() FROM unlinked_statuses) = 0;

CREATE MATERIALIZED VIEW IF NOT EXISTS unlinked_statuses_mv ${ON_CLUSTER} TO unlinked_statuses AS
SELECT workspace_id, wamid, contact
FROM events
WHERE type = 'message.status' AND campaign_id = '' AND wamid != ''
