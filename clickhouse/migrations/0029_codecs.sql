-- Codecs of every table, chosen by measurement (issue 11: at most 40 bytes
-- per event on disk, everything included). Each choice was measured on the
-- 200,000-contact demo (11.5M events, 727 MiB = 66 bytes per event): the
-- table copied with every candidate codec of every column side by side,
-- merged to one part, compressed bytes compared. The rules that came out:
--
--   * ZSTD instead of the default LZ4 everywhere: 25-60 % smaller on strings
--     (event_ids' sorted ids 55 -> 18 MiB, outbound_messages' wamids
--     21 -> 11), 15-30 % on aggregate states and dictionary codes. Level 3 on
--     the tables the read models write (a round writes few rows there) and
--     on the log's ids, phones, actors and payloads; level 1 on the rest of
--     the log, whose inserts carry every event (text and wamids gain < 5 %
--     from higher levels, at 2-4x the CPU per insert and per merge).
--     `default_compression_codec` covers every column without a codec of its
--     own, the projections' copies included (column codecs do not reach them).
--   * Times: T64 (per 64 values, only the bits that vary) before ZSTD for
--     the dense send and delivery times, sorted by campaign: 20-35 % under
--     ZSTD alone; Delta for a time that leads the sort key of its table
--     (inbound_times 8.7 -> 3.2 MiB). The log's time is better plain:
--     Delta of 0012 turned each contact's first event into a jump
--     (34.7 MiB with Delta, 31.4 without).
--
--   * contacts keeps LZ4: ZSTD took it from 50 to 36 MiB, but its screens
--     (the list, a status filter, a name search) read its columns for every
--     contact, and ZSTD decompresses at a third of LZ4's speed: +10-30 % CPU
--     on those reads, measured with the bench's queries.
--   * Campaign ids, a few hundred per workspace, as dictionary codes
--     (LowCardinality) in the log and in outbound_messages: 8.1 -> 2.2 and
--     5.7 -> 0.5 MiB. The other strings keep their type: an actor, a tag or
--     a source of the log feeds aggregate states of its views whose type
--     would change with it.
--
-- Every value reads back the same, so every answer is the same. A codec
-- names only how new parts are written; REWRITE PARTS
-- (ClickHouse 25.10 or later) rewrites the parts stored before, waiting until
-- they are done (mutations_sync). It keeps each part's rows as they are (no
-- merge), so the ReplacingMergeTree and AggregatingMergeTree tables keep the
-- versions and states their readers merge.

ALTER TABLE events ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(1)';

ALTER TABLE events ${ON_CLUSTER}
    MODIFY COLUMN contact CODEC(ZSTD(3)),
    MODIFY COLUMN ts CODEC(ZSTD(1)),
    MODIFY COLUMN event_id CODEC(ZSTD(3)),
    MODIFY COLUMN actor_id CODEC(ZSTD(3)),
    MODIFY COLUMN payload CODEC(ZSTD(3));

ALTER TABLE events ${ON_CLUSTER} MODIFY COLUMN campaign_id LowCardinality(String) CODEC(ZSTD(1));

ALTER TABLE event_ids ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

ALTER TABLE recipients ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

ALTER TABLE recipients ${ON_CLUSTER}
    MODIFY COLUMN sent_at CODEC(T64, ZSTD(1)),
    MODIFY COLUMN delivered_at CODEC(T64, ZSTD(1)),
    MODIFY COLUMN send_time CODEC(T64, ZSTD(1)),
    MODIFY COLUMN sent_eff CODEC(T64, ZSTD(1)),
    MODIFY COLUMN delivered_eff CODEC(T64, ZSTD(1));

ALTER TABLE campaign_recipients ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

ALTER TABLE campaign_recipients ${ON_CLUSTER}
    MODIFY COLUMN sent_at CODEC(T64, ZSTD(1)),
    MODIFY COLUMN delivered_at CODEC(T64, ZSTD(1));

ALTER TABLE contact_tags ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

ALTER TABLE contact_tags ${ON_CLUSTER} MODIFY COLUMN added_at CODEC(T64, ZSTD(1));

ALTER TABLE inbound_times ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

ALTER TABLE inbound_times ${ON_CLUSTER} MODIFY COLUMN ts CODEC(Delta, ZSTD(1));

ALTER TABLE outbound_messages ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

ALTER TABLE outbound_messages ${ON_CLUSTER}
    MODIFY COLUMN ts CODEC(T64, ZSTD(1)),
    MODIFY COLUMN campaign_id LowCardinality(String);

ALTER TABLE contact_buckets ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

ALTER TABLE contact_buckets ${ON_CLUSTER} MODIFY COLUMN bucket CODEC(Delta, ZSTD(1));

ALTER TABLE control_events ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

ALTER TABLE contact_attributes ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

ALTER TABLE contact_state ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

ALTER TABLE control_waits ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

ALTER TABLE control_state ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

ALTER TABLE billable_messages ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

ALTER TABLE request_term_buckets ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

ALTER TABLE wait_buckets ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

ALTER TABLE conversation_gaps ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

ALTER TABLE destination_members ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

ALTER TABLE destination_changes ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

ALTER TABLE campaign_stats ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

ALTER TABLE event_buckets ${ON_CLUSTER} MODIFY SETTING default_compression_codec = 'ZSTD(3)';

-- The parts stored before, rewritten with the codecs above, the largest tables last.
ALTER TABLE event_buckets ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE campaign_stats ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE destination_changes ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE destination_members ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE conversation_gaps ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE wait_buckets ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE request_term_buckets ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE billable_messages ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE control_state ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE control_waits ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE contact_state ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE contact_attributes ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE control_events ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE contact_buckets ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE outbound_messages ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE inbound_times ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE contact_tags ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE campaign_recipients ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE recipients ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE event_ids ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2;

ALTER TABLE events ${ON_CLUSTER} REWRITE PARTS SETTINGS mutations_sync = 2
