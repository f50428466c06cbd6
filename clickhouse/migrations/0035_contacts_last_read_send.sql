-- "Received at least N campaigns in D days and read none of them" read both
-- campaign arrays of every contact through two lambdas: 50 ms of the large
-- demo's count, and the saved segments' list counts it beside four others on
-- two cores. campaign_sent is sorted (read-models.ts), so "at least N since"
-- is its N-th last element; "read none since" is the send of the latest read
-- campaign, this column, before that time. It is computed from the two arrays
-- wherever a contact row is written, so it cannot disagree with them: 25 ms.

ALTER TABLE contacts ${ON_CLUSTER}
    ADD COLUMN IF NOT EXISTS last_read_send DateTime64(3, 'UTC')
        MATERIALIZED arrayMax(arrayFilter((t, r) -> r = 1, campaign_sent, campaign_read)) AFTER campaign_read;

ALTER TABLE contacts ${ON_CLUSTER} MATERIALIZE COLUMN last_read_send SETTINGS mutations_sync = 2;
