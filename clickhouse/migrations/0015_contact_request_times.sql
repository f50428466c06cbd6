-- Every request for a human a contact made, sorted, on the contact's row.
-- Unresolved → entry points counts the requests of a range per source,
-- first-message tag and tag beside each group's size; with the times on the
-- row that is one read of `contacts`, where joining the range's askers
-- (470,000 of 1M contacts in the large demo's 90 days) to their rows took
-- 650–800 ms. Filled by the read models' rebuild (migrate.ts).

ALTER TABLE contacts ${ON_CLUSTER}
    ADD COLUMN IF NOT EXISTS request_times Array(DateTime64(3, 'UTC')) AFTER agent_name
