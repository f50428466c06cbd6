-- Each contact's behaviour in each campaign it got, as tokens of its row
-- ("read:<campaign>", "ignored:<campaign>", … and "read" alone for any
-- campaign; campaign-stages.ts), with a text index, so a segment rule on
-- campaigns is answered from the index like a tag rule. It was a set of the
-- campaign's recipients built from `recipients` on every count: "read one
-- campaign, ignored another, still a lead" at 1M contacts 61 → 19 ms, "received
-- the biggest campaign" 52 → 5. The contacts' refresh writes them from the
-- recipients rows it reads already; the rows stored before this are written
-- again by the contacts' rebuild after it (migrate.ts).

ALTER TABLE contacts ${ON_CLUSTER}
    ADD COLUMN IF NOT EXISTS campaign_stages Array(LowCardinality(String)) AFTER campaign_read;

ALTER TABLE contacts ${ON_CLUSTER}
    ADD INDEX IF NOT EXISTS campaign_stage_tokens campaign_stages TYPE text(tokenizer = array);
