-- Ending sessions. A session is a signed cookie (a JWT) that the server does
-- not keep, so ending one before it expires needs a record that every request
-- checks (server/auth/sessions.ts):
--
-- * `session_epoch`: a cookie carries the epoch of its account at sign-in and
--   is refused once the account's epoch is higher. Changing the password
--   raises it, which ends every session of the account at once.
-- * `must_change_password`: an account created by an invitation has a
--   temporary password, which must be replaced before anything else is done.
-- * `ended_sessions`: the sessions signed out one by one, kept until the
--   cookie would have expired anyway.

ALTER TABLE users ${ON_CLUSTER}
    ADD COLUMN IF NOT EXISTS session_epoch UInt32 DEFAULT 0 AFTER password_hash;

ALTER TABLE users ${ON_CLUSTER}
    ADD COLUMN IF NOT EXISTS must_change_password UInt8 DEFAULT 0 AFTER session_epoch;

CREATE TABLE IF NOT EXISTS ended_sessions ${ON_CLUSTER}
(
    session_id String,
    user_id    String,
    ended_at   DateTime64(3, 'UTC') DEFAULT now64(3),
    expires_at DateTime('UTC')
)
ENGINE = ${REPLICATED}MergeTree
ORDER BY session_id
TTL expires_at;
