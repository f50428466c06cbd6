-- Workspaces get a time zone (an IANA name), and the pages and reports show
-- their days and times in it.

-- Existing workspaces read as UTC, as they were shown until now; the demo ones
-- are created in Asia/Kolkata (server/demo/seed.ts).
ALTER TABLE workspaces ${ON_CLUSTER}
    ADD COLUMN IF NOT EXISTS time_zone LowCardinality(String) DEFAULT 'UTC' AFTER phone_number_id
