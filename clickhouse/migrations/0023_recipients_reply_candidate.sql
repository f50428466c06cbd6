-- Each recipient's reply candidate: the contact's first inbound message at or
-- after the send, when it came within the longest reply window a report may
-- pick (720 hours). The read model's refresh writes it beside the ticks of
-- the default window (read-models.ts), so a report with another window
-- (campaign-common.ts, recipientsSql) reads a column instead of joining every
-- recipient of its campaigns to the range's inbound messages: the biggest
-- campaign's funnel under a 7-day window spent most of its 400–800 ms there
-- (1M contacts, 643,000 recipients).
-- Filled by the read models' rebuild (migrate.ts).

ALTER TABLE recipients ${ON_CLUSTER}
    ADD COLUMN IF NOT EXISTS reply_candidate_at Nullable(DateTime64(3, 'UTC')) AFTER send_time
