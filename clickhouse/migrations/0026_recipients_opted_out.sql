-- Each recipient's opt-out: the contact's first opt-out at or after the
-- delivery, when it came within 72 hours of it (README, "Opt-outs"). The read
-- models' refresh writes it as opt-outs and deliveries arrive, in either order
-- (read-models.ts), so a campaign's "Opted out" stage is a column filter where
-- it joined the campaign's delivered recipients to every opt-out of the
-- workspace (the biggest campaign's funnel spent 40 of its 60–90 ms there).
-- The backfill (recipients-opt-outs-backfill.ts, from migrate.ts) rewrites the
-- recipients of the contacts who ever opted out.

ALTER TABLE recipients ${ON_CLUSTER}
    ADD COLUMN IF NOT EXISTS opted_out_at Nullable(DateTime64(3, 'UTC')) AFTER reply_candidate_at
