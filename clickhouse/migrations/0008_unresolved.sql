-- The unresolved-query report reads these instead of the event log, whose sort
-- key (workspace, contact, ts) makes any "over the last 90 days" question a
-- scan of every contact. All five are filled by views in the same insert as
-- the event, and backfilled once from the log for data that predates them
-- (each backfill runs only while its table is empty, so a re-run adds nothing):
--   control_events       every request, take and resolve, narrow
--   control_state        where each chat stands now (the backlog)
--   daily_conversations  conversations and requests per day (volume, share)
--   control_waits        every take and resolve with the wait it ended (speed, agents)
--   request_terms        words and phrases of the requests per day (top reasons)

-- Every control event (a request for a human, an agent taking the chat, a
-- resolve), narrow. Sorted by contact so one chat's requests, takes and
-- resolves can be paired in order, the `by_time` projection serves the
-- range scans (requests per day, the searchable list, top words).
CREATE TABLE IF NOT EXISTS control_events ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    contact      String,
    ts           DateTime64(3, 'UTC'),
    event_id     String,
    type         LowCardinality(String),  -- intervention.requested | agent.intervened | chat.resolved
    actor_id     String,                  -- the agent for takes and resolves
    actor_name   String,
    text         String,                  -- what the user asked, on a request
    PROJECTION by_time
    (
        SELECT workspace_id, contact, ts, event_id, type, actor_id, actor_name, text
        ORDER BY workspace_id, ts, event_id
    )
)
ENGINE = ${REPLICATED}MergeTree
PARTITION BY toYYYYMM(ts)
ORDER BY (workspace_id, contact, ts, event_id);

INSERT INTO control_events
SELECT workspace_id, contact, ts, event_id, type, actor_id, JSONExtractString(payload, 'actor', 'name'), text
FROM events
WHERE type IN ('intervention.requested', 'agent.intervened', 'chat.resolved') AND contact != ''
  AND (SELECT count() FROM control_events) = 0;

CREATE MATERIALIZED VIEW IF NOT EXISTS control_events_mv ${ON_CLUSTER} TO control_events AS
SELECT workspace_id, contact, ts, event_id, type, actor_id, JSONExtractString(payload, 'actor', 'name') AS actor_name, text
FROM events
WHERE type IN ('intervention.requested', 'agent.intervened', 'chat.resolved') AND contact != '';

-- One row per contact that ever had a control event: where the chat stands
-- now (the latest control event wins, as in contact_state) and who took it
-- last. Far fewer rows than contact_state.
CREATE TABLE IF NOT EXISTS control_state ${ON_CLUSTER}
(
    workspace_id    LowCardinality(String),
    contact         String,
    -- (time, type) of the latest control event: a plain max, so a reader can
    -- find the open chats with a filter before merging anything.
    latest          SimpleAggregateFunction(max, Tuple(DateTime64(3, 'UTC'), String)),
    last_taken_at   SimpleAggregateFunction(max, Nullable(DateTime64(3, 'UTC'))),  -- latest take or resolve
    last_agent      AggregateFunction(argMax, String, DateTime64(3, 'UTC')),         -- who took the chat last
    last_agent_name AggregateFunction(argMax, String, DateTime64(3, 'UTC')),
    -- Every request's time: the ones after last_taken_at are the open wait, and
    -- the first of them is when the user started waiting.
    requests        AggregateFunction(groupUniqArray, DateTime64(3, 'UTC'))
)
ENGINE = ${REPLICATED}AggregatingMergeTree
ORDER BY (workspace_id, contact);

INSERT INTO control_state
SELECT
    workspace_id,
    contact,
    max((ts, toString(type))),
    maxIf(toNullable(ts), type != 'intervention.requested'),
    argMaxStateIf(actor_id, ts, type = 'agent.intervened'),
    argMaxStateIf(actor_name, ts, type = 'agent.intervened'),
    groupUniqArrayStateIf(ts, type = 'intervention.requested')
FROM control_events
WHERE (SELECT count() FROM control_state) = 0
GROUP BY workspace_id, contact;

CREATE MATERIALIZED VIEW IF NOT EXISTS control_state_mv ${ON_CLUSTER} TO control_state AS
SELECT
    workspace_id,
    contact,
    max((ts, toString(type))) AS latest,
    maxIf(toNullable(ts), type != 'intervention.requested') AS last_taken_at,
    argMaxStateIf(actor_id, ts, type = 'agent.intervened') AS last_agent,
    argMaxStateIf(JSONExtractString(payload, 'actor', 'name'), ts, type = 'agent.intervened') AS last_agent_name,
    groupUniqArrayStateIf(ts, type = 'intervention.requested') AS requests
FROM events
WHERE type IN ('intervention.requested', 'agent.intervened', 'chat.resolved') AND contact != ''
GROUP BY workspace_id, contact;

-- Per day: conversations (a contact who wrote to you, or asked for a human,
-- that day), the ones among them that asked for a human, and the requests.
-- The denominator of "share of conversations" without scanning messages.
-- uniqCombined64(13) is exact for small days and within about 1 % on busy
-- ones: a few kilobytes a day to merge for a share, where an exact set would
-- cost a hash of every contact-day on each read.
CREATE TABLE IF NOT EXISTS daily_conversations ${ON_CLUSTER}
(
    workspace_id  LowCardinality(String),
    day           Date,
    conversations AggregateFunction(uniqCombined64(13), String),
    escalated     AggregateFunction(uniqCombined64(13), String),
    requests      SimpleAggregateFunction(sum, UInt64)
)
ENGINE = ${REPLICATED}AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (workspace_id, day);

INSERT INTO daily_conversations
SELECT
    workspace_id,
    toDate(ts) AS day,
    uniqCombined64State(13)(contact),
    uniqCombined64StateIf(13)(contact, type = 'intervention.requested'),
    countIf(type = 'intervention.requested')
FROM events
WHERE type IN ('message.inbound', 'intervention.requested') AND contact != ''
  AND (SELECT count() FROM daily_conversations) = 0
GROUP BY workspace_id, day;

CREATE MATERIALIZED VIEW IF NOT EXISTS daily_conversations_mv ${ON_CLUSTER} TO daily_conversations AS
SELECT
    workspace_id,
    toDate(ts) AS day,
    uniqCombined64State(13)(contact) AS conversations,
    uniqCombined64StateIf(13)(contact, type = 'intervention.requested') AS escalated,
    countIf(type = 'intervention.requested') AS requests
FROM events
WHERE type IN ('message.inbound', 'intervention.requested') AND contact != ''
GROUP BY workspace_id, day;

-- Every take and resolve with the wait it ended, for the report's speed and
-- agent figures. A chat's control events are cut into segments at each take
-- or resolve (the "closer"): the requests since the previous closer, then the
-- closer. Time to intervene = a take − the first request of its segment (a
-- user's repeated requests while waiting do not restart the clock), time to
-- resolve = a resolve − the take just before it. A resolve straight from the
-- queue, or a take nobody asked for, has no wait (NULL).
--
-- A wait depends on the chat's earlier events, which a view cannot see in
-- order, so the view recomputes every closer of each chat an insert touches
-- from its whole stored history, and a newer `version` replaces the old rows:
-- a late event (an earlier request arriving after the take) corrects the
-- waits it changes. Ingestion writes one workspace at a time, so two inserts
-- never race on one chat. Readers use FINAL.
CREATE TABLE IF NOT EXISTS control_waits ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    closed_at    DateTime64(3, 'UTC'),
    event_id     String,
    contact      String,
    kind         LowCardinality(String),  -- intervene | resolve
    agent_id     String,
    agent_name   String,
    wait_ms      Nullable(Float64),
    version      DateTime64(6, 'UTC') DEFAULT now64(6)
)
ENGINE = ${REPLICATED}ReplacingMergeTree(version)
PARTITION BY toYYYYMM(closed_at)
ORDER BY (workspace_id, closed_at, event_id);

INSERT INTO control_waits (workspace_id, closed_at, event_id, contact, kind, agent_id, agent_name, wait_ms)
SELECT workspace_id, closed_at, event_id, contact, kind, agent_id, agent_name, wait_ms
FROM (
    SELECT
        workspace_id,
        contact,
        segment,
        minIf(toNullable(ts), type = 'intervention.requested') AS first_request,
        anyIf(type, type != 'intervention.requested') AS closer,
        anyIf(ts, type != 'intervention.requested') AS closed_at,
        anyIf(event_id, type != 'intervention.requested') AS event_id,
        anyIf(actor_id, type != 'intervention.requested') AS agent_id,
        anyIf(actor_name, type != 'intervention.requested') AS agent_name,
        lagInFrame(closer) OVER chat AS previous_closer,
        lagInFrame(closed_at) OVER chat AS previous_closed_at,
        if(closer = 'agent.intervened', 'intervene', 'resolve') AS kind,
        multiIf(
            closer = 'agent.intervened' AND first_request IS NOT NULL, toFloat64(dateDiff('millisecond', first_request, closed_at)),
            closer = 'chat.resolved' AND previous_closer = 'agent.intervened', toFloat64(dateDiff('millisecond', previous_closed_at, closed_at)),
            NULL) AS wait_ms
    FROM (
        SELECT
            workspace_id, contact, ts, event_id, type, actor_id, actor_name,
            sum(type != 'intervention.requested') OVER (
                PARTITION BY workspace_id, contact ORDER BY ts, event_id
                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS segment
        FROM (SELECT workspace_id, contact, ts, event_id, type, actor_id, actor_name FROM control_events
              WHERE (SELECT count() FROM control_waits) = 0)
    )
    GROUP BY workspace_id, contact, segment
    WINDOW chat AS (PARTITION BY workspace_id, contact ORDER BY segment ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
)
WHERE closer != '';

CREATE MATERIALIZED VIEW IF NOT EXISTS control_waits_mv ${ON_CLUSTER} TO control_waits AS
SELECT workspace_id, closed_at, event_id, contact, kind, agent_id, agent_name, wait_ms
FROM (
    SELECT
        workspace_id,
        contact,
        segment,
        minIf(toNullable(ts), type = 'intervention.requested') AS first_request,
        anyIf(type, type != 'intervention.requested') AS closer,
        anyIf(ts, type != 'intervention.requested') AS closed_at,
        anyIf(event_id, type != 'intervention.requested') AS event_id,
        anyIf(actor_id, type != 'intervention.requested') AS agent_id,
        anyIf(actor_name, type != 'intervention.requested') AS agent_name,
        lagInFrame(closer) OVER chat AS previous_closer,
        lagInFrame(closed_at) OVER chat AS previous_closed_at,
        if(closer = 'agent.intervened', 'intervene', 'resolve') AS kind,
        multiIf(
            closer = 'agent.intervened' AND first_request IS NOT NULL, toFloat64(dateDiff('millisecond', first_request, closed_at)),
            closer = 'chat.resolved' AND previous_closer = 'agent.intervened', toFloat64(dateDiff('millisecond', previous_closed_at, closed_at)),
            NULL) AS wait_ms
    FROM (
        SELECT
            workspace_id, contact, ts, event_id, type, actor_id, actor_name,
            sum(type != 'intervention.requested') OVER (
                PARTITION BY workspace_id, contact ORDER BY ts, event_id
                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS segment
        FROM (
            -- The inserted control events, and the stored history of their chats (a
            -- reference to `events` here is the inserted block, control_events is the
            -- whole table, with or without this block yet: duplicates collapse by id).
            SELECT workspace_id, contact, ts, event_id, any(type) AS type, any(actor_id) AS actor_id, any(actor_name) AS actor_name
            FROM (
                SELECT workspace_id, contact, ts, event_id, type, actor_id, JSONExtractString(payload, 'actor', 'name') AS actor_name
                FROM events
                WHERE type IN ('intervention.requested', 'agent.intervened', 'chat.resolved') AND contact != ''
                UNION ALL
                SELECT workspace_id, contact, ts, event_id, type, actor_id, actor_name
                FROM control_events
                WHERE (workspace_id, contact) IN (
                    SELECT workspace_id, contact FROM events
                    WHERE type IN ('intervention.requested', 'agent.intervened', 'chat.resolved') AND contact != '')
            )
            GROUP BY workspace_id, contact, ts, event_id)
    )
    GROUP BY workspace_id, contact, segment
    WINDOW chat AS (PARTITION BY workspace_id, contact ORDER BY segment ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
)
WHERE closer != '';

-- Per day, how many requests contain each word and each two-word phrase
-- (neighbouring words), for the report's top reasons. Tokens are split once
-- here rather than on every read, bare numbers (order ids) and one-letter
-- tokens are dropped, stop words are left to the reader (a list in code).
CREATE TABLE IF NOT EXISTS request_terms ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    day          Date,
    term         String,
    requests     SimpleAggregateFunction(sum, UInt64)
)
ENGINE = ${REPLICATED}AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (workspace_id, day, term);

INSERT INTO request_terms
SELECT workspace_id, day, term, count()
FROM (
    SELECT workspace_id, toDate(ts) AS day, extractAll(lowerUTF8(text), '[\\p{L}\\p{N}]+(?:''[\\p{L}]+)?') AS tokens
    FROM control_events
    WHERE type = 'intervention.requested' AND text != '' AND (SELECT count() FROM request_terms) = 0
)
ARRAY JOIN arrayDistinct(arrayConcat(
    arrayFilter(w -> length(w) > 1 AND NOT match(w, '^[0-9]+$'), tokens),
    arrayFilter(p -> p != '', arrayMap((a, b) -> if(length(a) > 1 AND NOT match(a, '^[0-9]+$') AND length(b) > 1 AND NOT match(b, '^[0-9]+$'), concat(a, ' ', b), ''), arrayPopBack(tokens), arrayPopFront(tokens))))) AS term
GROUP BY workspace_id, day, term;

CREATE MATERIALIZED VIEW IF NOT EXISTS request_terms_mv ${ON_CLUSTER} TO request_terms AS
SELECT workspace_id, day, term, count() AS requests
FROM (
    SELECT workspace_id, toDate(ts) AS day, extractAll(lowerUTF8(text), '[\\p{L}\\p{N}]+(?:''[\\p{L}]+)?') AS tokens
    FROM events
    WHERE type = 'intervention.requested' AND contact != '' AND text != ''
)
ARRAY JOIN arrayDistinct(arrayConcat(
    arrayFilter(w -> length(w) > 1 AND NOT match(w, '^[0-9]+$'), tokens),
    arrayFilter(p -> p != '', arrayMap((a, b) -> if(length(a) > 1 AND NOT match(a, '^[0-9]+$') AND length(b) > 1 AND NOT match(b, '^[0-9]+$'), concat(a, ' ', b), ''), arrayPopBack(tokens), arrayPopFront(tokens))))) AS term
GROUP BY workspace_id, day, term;
