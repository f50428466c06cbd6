-- recipients' copy sorted by contact (0031) serves the reads of a few
-- contacts' campaigns: a round's refresh of contacts, its reply windows, its
-- conversions' last touches, the profile. In 8,192-row granules a round of an
-- established workspace (2,000-3,000 contacts, each in a granule of its own)
-- read most of the copy. A projection can keep its own granule size: with
-- 1,024 rows, measured on the large demo in rounds of its own next hours
-- (`npm run bench -- --only live`), a round's contacts' campaigns 178 -> 109
-- ms, its reply windows 26 -> 15 ms per 1,000 events; the copy's size is the
-- same (134 MiB) and its index 4,933 marks instead of 616. 256 rows were no
-- faster. Every other read of recipients goes by campaign, through the table.

ALTER TABLE recipients ${ON_CLUSTER} DROP PROJECTION IF EXISTS by_contact;

ALTER TABLE recipients ${ON_CLUSTER}
    ADD PROJECTION IF NOT EXISTS by_contact (
        SELECT workspace_id, contact, campaign_id, version, send_time, reply_candidate_at,
               sent_eff, delivered_eff, read_eff, replied_at, failed_eff
        ORDER BY workspace_id, contact, campaign_id
    ) WITH SETTINGS (index_granularity = 1024);

ALTER TABLE recipients ${ON_CLUSTER} MATERIALIZE PROJECTION by_contact SETTINGS mutations_sync = 2;
