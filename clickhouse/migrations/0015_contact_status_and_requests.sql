-- Two columns the read model's refresh now writes on each contact's row
-- (read-models.ts), both measured on the large demo (1M contacts):
--   status         the chat's status (contact-status.ts), which needs no
--                  clock: a status filter compares one dictionary-coded
--                  column instead of evaluating the status machine over four
--                  columns of every contact (87 ms → 28 ms for the count);
--   request_times  every request for a human, sorted: Unresolved → entry
--                  points counts a range's requests per source, first-message
--                  tag and tag in one read of `contacts`, where joining the
--                  range's askers (470,000 in 90 days) to their rows took
--                  650–800 ms.
-- Filled by the read models' rebuild (migrate.ts).

ALTER TABLE contacts ${ON_CLUSTER}
    ADD COLUMN IF NOT EXISTS status LowCardinality(String) AFTER last_control_at,
    ADD COLUMN IF NOT EXISTS request_times Array(DateTime64(3, 'UTC')) AFTER agent_name
