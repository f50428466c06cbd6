-- Destinations: a saved segment connected to an HTTPS endpoint that receives
-- the contacts who joined and left it since the last sync (README, "Audiences
-- that keep themselves in sync"; server/sync/).
--
-- One row per change of a destination (its settings, or its sync state after
-- each attempt); readers keep the latest version per destination
-- (`ORDER BY version DESC LIMIT 1 BY destination_id`). The signing secret is
-- kept as is: it must be at hand to sign every request, and no screen or
-- procedure reads it back after the one that created it.
CREATE TABLE IF NOT EXISTS segment_destinations ${ON_CLUSTER}
(
    workspace_id         String,
    destination_id       String,
    segment_id           String,
    name                 String,
    url                  String,
    secret               String,
    schedule             LowCardinality(String),        -- manual | hourly | daily
    state                LowCardinality(String),        -- active | paused
    paused_reason        String,
    failed_attempts      UInt32,                        -- failed deliveries in a row; 5 pause the destination
    synced_generation    UInt64,                        -- the membership the receiver has (0: nothing yet)
    pending_generation   UInt64,                        -- the membership being sent (0: none)
    pending_sync_id      String,
    cursor_action        LowCardinality(String),        -- where the pending sync resumes: join | leave
    cursor_after         String,                        -- …after this contact
    next_sync_at         Nullable(DateTime64(3, 'UTC')), -- the next scheduled sync or retry (NULL: none)
    last_synced_at       Nullable(DateTime64(3, 'UTC')),
    created_by           String,
    created_at           DateTime64(3, 'UTC'),
    version              UInt64,
    is_deleted           UInt8 DEFAULT 0
)
ENGINE = ${REPLICATED}ReplacingMergeTree(version, is_deleted)
ORDER BY (workspace_id, destination_id);

-- The membership of each sync, one row per contact and generation, sorted by
-- contact, with the name it had (read in the same pass, so a batch never
-- looks names up). A sync writes its generation once (INSERT … SELECT from
-- the segment's predicate), and drops the older ones when the receiver has
-- taken it.
CREATE TABLE IF NOT EXISTS destination_members ${ON_CLUSTER}
(
    workspace_id   String,
    destination_id String,
    generation     UInt64,
    contact        String,
    name           String
)
ENGINE = ${REPLICATED}MergeTree
ORDER BY (workspace_id, destination_id, generation, contact);

-- What a sync sends, written once when it starts: the joins (contacts of its
-- generation that the synced one lacks) and the leaves (the other way round),
-- two anti-joins of runs already in contact order, inside ClickHouse. The
-- batches are then key ranges of this table (10,000 lines after the last
-- contact the receiver took), so a retry resumes where it stopped and no
-- batch re-reads the two generations.
CREATE TABLE IF NOT EXISTS destination_changes ${ON_CLUSTER}
(
    workspace_id   String,
    destination_id String,
    generation     UInt64,
    action         LowCardinality(String),   -- join | leave
    contact        String,
    name           String                    -- joins only
)
ENGINE = ${REPLICATED}MergeTree
ORDER BY (workspace_id, destination_id, generation, action, contact);

-- Every delivery attempt of a sync, for the log on the segment page. Kept 90 days.
CREATE TABLE IF NOT EXISTS destination_deliveries ${ON_CLUSTER}
(
    workspace_id   String,
    destination_id String,
    sync_id        String,
    attempt        UInt32,
    trigger        LowCardinality(String),        -- manual | schedule | retry
    started_at     DateTime64(3, 'UTC'),
    joins          UInt64,                        -- joins and leaves this sync carries
    leaves         UInt64,
    requests       UInt32,                        -- requests answered 2xx in this attempt
    status_code    UInt16,                        -- the receiver's last answer (0: none: network error, timeout)
    outcome        LowCardinality(String),        -- delivered | failed | paused
    message        String,                        -- what went wrong, in words, with the receiver's body cut to 300 characters
    next_try_at    Nullable(DateTime64(3, 'UTC'))
)
ENGINE = ${REPLICATED}MergeTree
ORDER BY (workspace_id, destination_id, started_at)
TTL toDateTime(started_at) + INTERVAL 90 DAY;
