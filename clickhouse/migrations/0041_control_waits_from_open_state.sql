-- Unresolved's waits (0008) were recomputed, for every chat an insert touches,
-- from the chat's whole stored history: the view read each such chat's rows of
-- control_events in every month, and wrote every one of its takes and resolves
-- again. For an established workspace that is most of the table: a live block
-- of 10,000 events of the large demo (253 chats) read nearly all of its 303
-- granules, 108 ms, and wrote 1,320 waits for 412 new takes and resolves.
--
-- A new take or resolve needs only where its chat stood before it: the chat's
-- latest take or resolve, and the first request since (when the open wait
-- began). control_open keeps that per chat, with the chat's latest control
-- event, so the view can tell a block that continues a chat (every new event
-- after every stored one: the common case) from one that reaches back (a late
-- or repeated event). A continued chat is computed from its state and the
-- block; a chat that reaches back is recomputed from its whole history as
-- before, and its state rewritten.
--
-- The state must be the one from before the block. Views on one table run in
-- no promised order, so a view on `events` keeping control_open could run
-- before the view reading it. Instead one view computes, in one statement, the
-- waits and each chat's new state into a Null table (control_wait_rows), and
-- two views on that table store them: control_open is written only after the
-- statement that read it. Ingestion writes one workspace at a time, so two
-- inserts never race on one chat (as 0008 already relied on).
--
-- That statement is planned anew for every insert, and planning it (its
-- subqueries, their sets) took about 25 ms even for a block with no control
-- event, most webhook rounds among them. So a first view hands the block's
-- control events to another Null table (new_control_events), and the waits
-- view reads that one: a view on a Null table does not run for a block its
-- source view filtered to nothing.

CREATE TABLE IF NOT EXISTS control_open ${ON_CLUSTER}
(
    workspace_id    LowCardinality(String),
    contact         String,
    -- The chat's latest control event, by (ts, event_id): a block whose events
    -- all come after it continues the chat.
    last_ts         DateTime64(3, 'UTC'),
    last_event_id   String,
    -- Its latest take or resolve (closer_type '' when it never had one).
    closer_ts       DateTime64(3, 'UTC'),
    closer_event_id String,
    closer_type     LowCardinality(String),
    -- The first request after that closer: when the open wait began.
    first_request   Nullable(DateTime64(3, 'UTC')),
    -- The newest state wins: a recomputation after a late event keeps the
    -- chat's latest event and corrects the rest.
    version         DateTime64(6, 'UTC') DEFAULT now64(6)
)
ENGINE = ${REPLICATED}ReplacingMergeTree(version)
ORDER BY (workspace_id, contact)
-- Read only by the chats of a block, a few hundred scattered keys: 256-row
-- granules, with every column of a granule side by side (a compact part: one
-- read per key instead of one per column). The large demo's 253 chats of a
-- block: 18 ms, against 30 in 256-row granules of a wide part and 29-37 in
-- 8,192-row ones; in ZSTD(1), 28 ms for 14 MiB instead of 19.
SETTINGS index_granularity = 256, min_bytes_for_wide_part = 1073741824, min_rows_for_wide_part = 1073741824;

INSERT INTO control_open (workspace_id, contact, last_ts, last_event_id, closer_ts, closer_event_id, closer_type, first_request)
SELECT
    workspace_id,
    contact,
    last.1,
    last.2,
    closer.1,
    closer.2,
    closer.3,
    if(empty(waiting), NULL, toNullable(arrayMin(waiting)))
FROM (
    SELECT
        workspace_id,
        contact,
        max((ts, event_id)) AS last,
        maxIf((ts, event_id, toString(type)), type != 'intervention.requested') AS closer,
        arrayMap(r -> r.1, arrayFilter(r -> r > (closer.1, closer.2), groupArrayIf((ts, event_id), type = 'intervention.requested'))) AS waiting
    FROM control_events
    WHERE (SELECT count() FROM control_open) = 0
    GROUP BY workspace_id, contact
);

-- An insert's control events, for control_wait_rows_mv.
CREATE TABLE IF NOT EXISTS new_control_events ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    contact      String,
    ts           DateTime64(3, 'UTC'),
    event_id     String,
    type         LowCardinality(String),
    actor_id     String,
    actor_name   String
)
ENGINE = Null;

-- What control_wait_rows_mv computes for a block: the takes and resolves whose
-- waits it (re)computed (is_wait), and each chat's state after it (is_open).
CREATE TABLE IF NOT EXISTS control_wait_rows ${ON_CLUSTER}
(
    workspace_id    LowCardinality(String),
    contact         String,
    closed_at       DateTime64(3, 'UTC'),
    event_id        String,
    kind            LowCardinality(String),
    agent_id        String,
    agent_name      String,
    wait_ms         Nullable(Float64),
    is_wait         UInt8,
    is_open         UInt8,
    last_ts         DateTime64(3, 'UTC'),
    last_event_id   String,
    closer_ts       DateTime64(3, 'UTC'),
    closer_event_id String,
    closer_type     LowCardinality(String),
    first_request   Nullable(DateTime64(3, 'UTC'))
)
ENGINE = Null;

DROP VIEW IF EXISTS control_waits_mv ${ON_CLUSTER};

CREATE MATERIALIZED VIEW IF NOT EXISTS control_waits_mv ${ON_CLUSTER} TO control_waits AS
SELECT workspace_id, closed_at, event_id, contact, kind, agent_id, agent_name, wait_ms
FROM control_wait_rows
WHERE is_wait = 1;

CREATE MATERIALIZED VIEW IF NOT EXISTS control_open_mv ${ON_CLUSTER} TO control_open AS
SELECT workspace_id, contact, last_ts, last_event_id, closer_ts, closer_event_id, closer_type, first_request
FROM control_wait_rows
WHERE is_open = 1;

-- A chat's control events are cut into segments at each take or resolve, as
-- in 0008: a take waits from the first request of its segment, a resolve from
-- the take just before it. A continued chat's rows are its state (its latest
-- closer, seq 0, and the first request since, seq 1) and then the block's
-- events (seq 2); the state's rows are there to be waited from, not written
-- again (fresh = 0). A chat that reaches back takes its whole stored history
-- instead, and a chat the state does not know is new: it has none.
CREATE MATERIALIZED VIEW IF NOT EXISTS control_wait_rows_mv ${ON_CLUSTER} TO control_wait_rows AS
WITH
    -- The block's earliest control event. A chat whose stored events all come
    -- before it continues from its state; any other reaches back. (A chat can
    -- reach back only past the block's start, not its own first event: the
    -- rare chat between the two is recomputed whole, which is right anyway.)
    (SELECT min((ts, event_id)) FROM new_control_events) AS block_start
SELECT
    workspace_id, contact, closed_at, closer_id AS event_id, kind, agent_id, agent_name, wait_ms,
    closer != '' AND closer_fresh = 1 AS is_wait,
    segment = last_segment AS is_open,
    chat_last.1 AS last_ts,
    chat_last.2 AS last_event_id,
    if(closer != '', closed_at, previous_closed_at) AS closer_ts,
    if(closer != '', closer_id, previous_closer_id) AS closer_event_id,
    if(closer != '', closer, previous_closer) AS closer_type,
    if(closer != '', NULL, first_request) AS first_request
FROM (
    SELECT
        workspace_id,
        contact,
        segment,
        minIf(toNullable(ts), type = 'intervention.requested') AS first_request,
        anyIf(type, type != 'intervention.requested') AS closer,
        anyIf(ts, type != 'intervention.requested') AS closed_at,
        anyIf(event_id, type != 'intervention.requested') AS closer_id,
        anyIf(actor_id, type != 'intervention.requested') AS agent_id,
        anyIf(actor_name, type != 'intervention.requested') AS agent_name,
        anyIf(fresh, type != 'intervention.requested') AS closer_fresh,
        max((ts, event_id)) AS segment_last,
        lagInFrame(closer) OVER chat AS previous_closer,
        lagInFrame(closed_at) OVER chat AS previous_closed_at,
        lagInFrame(closer_id) OVER chat AS previous_closer_id,
        max(segment) OVER whole_chat AS last_segment,
        max(segment_last) OVER whole_chat AS chat_last,
        if(closer = 'agent.intervened', 'intervene', 'resolve') AS kind,
        multiIf(
            closer = 'agent.intervened' AND first_request IS NOT NULL, toFloat64(dateDiff('millisecond', first_request, closed_at)),
            closer = 'chat.resolved' AND previous_closer = 'agent.intervened', toFloat64(dateDiff('millisecond', previous_closed_at, closed_at)),
            NULL) AS wait_ms
    FROM (
        SELECT
            workspace_id, contact, seq, ts, event_id, type, actor_id, actor_name, fresh,
            sum(type != 'intervention.requested') OVER (
                PARTITION BY workspace_id, contact ORDER BY seq, ts, event_id
                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS segment
        FROM (
            -- Duplicates collapse by id: control_events may hold this block already.
            SELECT workspace_id, contact, seq, ts, event_id, any(type) AS type, any(actor_id) AS actor_id, any(actor_name) AS actor_name, max(fresh) AS fresh
            FROM (
                SELECT workspace_id, contact, 2 AS seq, ts, event_id, toString(type) AS type, actor_id, actor_name, 1 AS fresh
                FROM new_control_events
                UNION ALL
                SELECT workspace_id, contact, state.1 AS seq, state.2 AS ts, state.3 AS event_id, state.4 AS type, '' AS actor_id, '' AS actor_name, 0 AS fresh
                FROM (
                    SELECT workspace_id, contact, argMax((last_ts, last_event_id, closer_ts, closer_event_id, toString(closer_type), first_request), version) AS open
                    FROM control_open
                    WHERE (workspace_id, contact) IN (SELECT workspace_id, contact FROM new_control_events)
                    GROUP BY workspace_id, contact
                    HAVING (open.1, open.2) < block_start
                )
                ARRAY JOIN arrayConcat(
                    if(open.5 != '', [(0, open.3, open.4, open.5)], []),
                    if(open.6 IS NOT NULL, [(1, assumeNotNull(open.6), '', 'intervention.requested')], [])) AS state
                UNION ALL
                SELECT workspace_id, contact, 2 AS seq, ts, event_id, toString(type) AS type, actor_id, actor_name, 1 AS fresh
                FROM control_events
                WHERE (workspace_id, contact) IN (
                    SELECT workspace_id, contact
                    FROM control_open
                    WHERE (workspace_id, contact) IN (SELECT workspace_id, contact FROM new_control_events)
                    GROUP BY workspace_id, contact
                    HAVING argMax((last_ts, last_event_id), version) >= block_start)
            )
            GROUP BY workspace_id, contact, seq, ts, event_id
        )
    )
    GROUP BY workspace_id, contact, segment
    WINDOW
        chat AS (PARTITION BY workspace_id, contact ORDER BY segment ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
        whole_chat AS (PARTITION BY workspace_id, contact)
)
WHERE (closer != '' AND closer_fresh = 1) OR segment = last_segment;

CREATE MATERIALIZED VIEW IF NOT EXISTS new_control_events_mv ${ON_CLUSTER} TO new_control_events AS
SELECT workspace_id, contact, ts, event_id, type, actor_id, JSONExtractString(payload, 'actor', 'name') AS actor_name
FROM events
WHERE type IN ('intervention.requested', 'agent.intervened', 'chat.resolved') AND contact != '';
