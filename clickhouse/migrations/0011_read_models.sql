-- Read models: derived state as plain columns, so a screen filters and sorts
-- values that are already final instead of merging aggregate states.
--
-- The aggregate tables of 0003 stay the write-side truth: their views keep
-- them exact whatever order events arrive in. After each ingestion round the
-- pipeline rewrites, from that truth, the rows of these tables whose inputs
-- the round touched (clickhouse/queries/read-models.ts holds the one SELECT
-- per table, used for a round and for a whole rebuild alike). Rows carry a
-- `version` and the newest wins; readers use FINAL, which on these
-- plain-column tables is a cheap merge of sorted runs, mostly already merged.
--
-- The backfill of a store written by an earlier version is not in this file:
-- migrate.ts runs the same rebuild (rebuildReadModels) once after these
-- statements, so the backfill and the incremental refresh are one SELECT.

-- One row per contact: the chat profile's parameters, its tags, its attributes.
CREATE TABLE IF NOT EXISTS contacts ${ON_CLUSTER}
(
    workspace_id       LowCardinality(String),
    contact            String,
    name               String,
    first_seen         DateTime64(3, 'UTC'),
    last_active        Nullable(DateTime64(3, 'UTC')),
    last_message       Nullable(DateTime64(3, 'UTC')),
    template_messages  UInt32,
    session_messages   UInt32,
    unresolved_queries UInt32,
    last_control       LowCardinality(String),
    last_control_at    Nullable(DateTime64(3, 'UTC')),
    source             LowCardinality(String),
    source_detail      String,
    first_message_tag  LowCardinality(String),
    -- Present tags, sorted, and each one's kind (automated | manual), aligned.
    tags               Array(String),
    tag_kinds          Array(LowCardinality(String)),
    -- Current attribute values ('' = not set is never stored).
    attributes         Map(String, String),
    -- What a search looks in, lower case: the name, then each attribute
    -- value, NUL between them (a search never spans two). One narrow column
    -- scans a million contacts in ~20 ms, where reading every map took 200.
    search_text        String,
    -- An open chat (control_state, 0008): the control event that keeps it
    -- open (intervention.requested | agent.intervened; '' when none) and when,
    -- the first request no agent answered and how many since, and who took it.
    open_control       LowCardinality(String),
    open_control_at    Nullable(DateTime64(3, 'UTC')),
    waiting_since      Nullable(DateTime64(3, 'UTC')),
    waiting_requests   UInt32,
    agent_id           String,
    agent_name         String,
    -- Every campaign the contact received (recipients, below): its effective
    -- send and whether it was read, aligned, so "received at least N
    -- campaigns in D days and read none" is a filter on the row.
    campaign_sent      Array(DateTime64(3, 'UTC')),
    campaign_read      Array(UInt8),
    version            UInt64
)
ENGINE = ${REPLICATED}ReplacingMergeTree(version)
ORDER BY (workspace_id, contact);

-- One row per campaign recipient: the ticks as recorded (for reports with
-- another reply window) and the effective ticks under the default 72-hour
-- window (campaign-common.ts explains the rules), so the list, the funnel,
-- the drill-downs and the segment rules filter columns.
CREATE TABLE IF NOT EXISTS recipients ${ON_CLUSTER}
(
    workspace_id       LowCardinality(String),
    campaign_id        String,
    contact            String,
    -- As recorded (campaign_recipients, merged).
    sent_at            Nullable(DateTime64(3, 'UTC')),
    delivered_at       Nullable(DateTime64(3, 'UTC')),
    read_at            Nullable(DateTime64(3, 'UTC')),
    context_replied_at Nullable(DateTime64(3, 'UTC')),
    failed_at          Nullable(DateTime64(3, 'UTC')),
    error_code         Int32,
    error_title        String,
    send_time          DateTime64(3, 'UTC'),
    -- Effective, under the default reply window.
    replied_at         Nullable(DateTime64(3, 'UTC')),
    replied_in_window  UInt8,
    read_eff           Nullable(DateTime64(3, 'UTC')),
    delivered_eff      Nullable(DateTime64(3, 'UTC')),
    sent_eff           Nullable(DateTime64(3, 'UTC')),
    failed_eff         Nullable(DateTime64(3, 'UTC')),
    failed_code        Int32,
    failed_title       String,
    version            UInt64,
    -- A round's rows, for recounting the campaigns it touched (read-models.ts).
    INDEX version_minmax version TYPE minmax GRANULARITY 1,
    -- A contact's campaigns (the profile, a contact's recipients for a refresh).
    PROJECTION by_contact (SELECT * ORDER BY workspace_id, contact, campaign_id)
)
ENGINE = ${REPLICATED}ReplacingMergeTree(version)
ORDER BY (workspace_id, campaign_id, contact)
SETTINGS deduplicate_merge_projection_mode = 'rebuild';

-- Per campaign and 15-minute bucket of the effective delivery (1970-01-01:
-- not delivered), its recipients counted by effective tick under the default
-- window. A round adds the difference it makes (its recipients' new rows
-- +1, their previous rows -1), so the counts follow a campaign of a million
-- recipients without recounting it; readers sum. 15 minutes cut days and
-- hours exactly in every IANA zone, for the list, the totals and "when it works".
CREATE TABLE IF NOT EXISTS campaign_stats ${ON_CLUSTER}
(
    workspace_id LowCardinality(String),
    campaign_id  String,
    bucket       DateTime('UTC'),
    recipients   SimpleAggregateFunction(sum, Int64),
    delivered    SimpleAggregateFunction(sum, Int64),
    read         SimpleAggregateFunction(sum, Int64),
    replied      SimpleAggregateFunction(sum, Int64),
    failed       SimpleAggregateFunction(sum, Int64),
    -- The earliest effective send among the recipients added.
    first_sent   SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC')))
)
ENGINE = ${REPLICATED}AggregatingMergeTree
ORDER BY (workspace_id, campaign_id, bucket);

-- A round of ingestion reads the reply-window candidates of a few contacts;
-- inbound_times (0010) is sorted by time for the reports, so a projection
-- sorted by contact serves the rounds.
ALTER TABLE inbound_times ${ON_CLUSTER}
    MODIFY SETTING deduplicate_merge_projection_mode = 'rebuild';

ALTER TABLE inbound_times ${ON_CLUSTER}
    ADD PROJECTION IF NOT EXISTS by_contact (SELECT * ORDER BY workspace_id, contact, ts);

ALTER TABLE inbound_times ${ON_CLUSTER}
    MATERIALIZE PROJECTION by_contact;
