-- Unresolved's conversations per day compare a bucket's gap with its
-- quarter of the zone's day (unresolved-volume.ts: gap > quarter), and a day
-- has at most 100 quarters (25 hours), so every gap of 100 quarters or more
-- answers alike. conversation_gaps counted gaps up to 255: half of the large
-- demo's 714,000 rows were gaps over 100, and the table, small on disk but
-- long in rows, was merged whole by nearly every ingestion round. Gaps are now
-- counted up to 100 (conversation-gaps.ts, MAX_GAP); this moves the stored
-- counts of longer gaps to 100. It adds the difference between that and what
-- is stored, so running it again adds nothing.
INSERT INTO conversation_gaps (workspace_id, bucket, kind, gap, contacts)
SELECT workspace_id, bucket, kind, gap, delta
FROM (
    SELECT workspace_id, bucket, kind, gap,
           if(gap = 100, sum(contacts) OVER (PARTITION BY workspace_id, bucket, kind), 0) - contacts AS delta
    FROM (
        SELECT workspace_id, bucket, kind, gap, sum(contacts) AS contacts
        FROM (
            SELECT workspace_id, bucket, kind, gap, contacts FROM conversation_gaps WHERE gap >= 100
            UNION ALL
            -- Where only longer gaps are stored, the row at 100 they move to.
            SELECT workspace_id, bucket, kind, toUInt8(100) AS gap, toInt64(0) AS contacts
            FROM (SELECT DISTINCT workspace_id, bucket, kind FROM conversation_gaps WHERE gap > 100)
        )
        GROUP BY workspace_id, bucket, kind, gap
    )
)
WHERE delta != 0;

OPTIMIZE TABLE conversation_gaps FINAL;
