-- How many contacts each workspace has, kept by the rounds instead of counted
-- on every read. A segment's count shows "of N contacts" and the contacts
-- list its total; both counted every contact under FINAL. At rest that is
-- 3 ms, but under live traffic FINAL merges the keys of every small part a
-- round left: 32-36 ms per count on a copy of the large demo after its live
-- batches, paid by each of the saved segments' list's counts (README, "Reads
-- under live traffic"). A round adds the contacts its refresh wrote a first
-- row for (read-models.ts); a rebuild, a failed refresh and a start add the
-- difference to a recount (contact-totals.ts), as campaign_stats is repaired.

CREATE TABLE IF NOT EXISTS contact_totals ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    contacts     Int64
)
ENGINE = ${REPLICATED}SummingMergeTree
ORDER BY workspace_id;

-- The backfill, while the table is empty (a re-run adds nothing).
INSERT INTO contact_totals
SELECT workspace_id, count()
FROM contacts FINAL
WHERE (SELECT count() FROM contact_totals) = 0
GROUP BY workspace_id;
