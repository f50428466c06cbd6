-- ZSTD for the tables that ingestion writes and only reads back by key (a
-- batch's ids, a round's contacts, a status's message), and a narrower copy
-- of recipients sorted by contact.
--
-- Measured on the large demo (1,000,000 contacts, 57.2M event rows, 3,572 MiB
-- = 65.4 bytes per event): these tables took 1,364 MiB with the default LZ4
-- and take 745 MiB with ZSTD(1), and recipients' by_contact copy 273 MiB with
-- every column and 180 with the ones its readers take: 2,952 MiB in all,
-- 54.1 bytes per event; with contact_tags' states and contact_attributes
-- below, 97 MiB less again (52.5). No screen reads these tables but
-- through the event log's journey (already ZSTD but for the columns below),
-- and the 58 reports of the bench answer as fast as before.
--
-- The tables the screens scan (contacts, recipients, control_events…) keep
-- LZ4: with ZSTD(1) they were 30% smaller and the Contacts landing page, a
-- status filter and a nested segment took 2-3x as long, Unresolved's
-- repeaters 1.2-1.6x (LZ4 decompresses several times faster).
--
-- A codec applies to the parts written after it; OPTIMIZE … FINAL rewrites a
-- store's existing parts with it (about 100 s and 0.85 GiB of RSS for the large demo), once.

ALTER TABLE events ${ON_CLUSTER}
    MODIFY COLUMN workspace_id CODEC(ZSTD(1)),
    MODIFY COLUMN type CODEC(ZSTD(1)),
    MODIFY COLUMN actor_kind CODEC(ZSTD(1)),
    MODIFY COLUMN message_kind CODEC(ZSTD(1)),
    MODIFY COLUMN status CODEC(ZSTD(1)),
    MODIFY COLUMN error_code CODEC(ZSTD(1)),
    MODIFY COLUMN tag_kind CODEC(ZSTD(1)),
    MODIFY COLUMN tag_origin CODEC(ZSTD(1)),
    MODIFY COLUMN source CODEC(ZSTD(1)),
    MODIFY COLUMN pricing_category CODEC(ZSTD(1));

-- Sorted ids share their prefixes: 315 MiB with LZ4, 123 with ZSTD(1).
ALTER TABLE event_ids ${ON_CLUSTER}
    MODIFY COLUMN workspace_id CODEC(ZSTD(1)),
    MODIFY COLUMN event_id CODEC(ZSTD(1));

ALTER TABLE inbound_times ${ON_CLUSTER}
    MODIFY COLUMN workspace_id CODEC(ZSTD(1)),
    MODIFY COLUMN ts CODEC(ZSTD(1)),
    MODIFY COLUMN contact CODEC(ZSTD(1));

ALTER TABLE outbound_messages ${ON_CLUSTER}
    MODIFY COLUMN workspace_id CODEC(ZSTD(1)),
    MODIFY COLUMN wamid CODEC(ZSTD(1)),
    MODIFY COLUMN contact CODEC(ZSTD(1)),
    MODIFY COLUMN campaign_id CODEC(ZSTD(1)),
    MODIFY COLUMN ts CODEC(ZSTD(1));

ALTER TABLE campaign_recipients ${ON_CLUSTER}
    MODIFY COLUMN workspace_id CODEC(ZSTD(1)),
    MODIFY COLUMN campaign_id CODEC(ZSTD(1)),
    MODIFY COLUMN contact CODEC(ZSTD(1)),
    MODIFY COLUMN sent_at CODEC(ZSTD(1)),
    MODIFY COLUMN delivered_at CODEC(ZSTD(1)),
    MODIFY COLUMN read_at CODEC(ZSTD(1)),
    MODIFY COLUMN replied_at CODEC(ZSTD(1)),
    MODIFY COLUMN failed_at CODEC(ZSTD(1)),
    MODIFY COLUMN error_code CODEC(ZSTD(1)),
    MODIFY COLUMN error_title CODEC(ZSTD(1));

ALTER TABLE contact_state ${ON_CLUSTER}
    MODIFY COLUMN workspace_id CODEC(ZSTD(1)),
    MODIFY COLUMN contact CODEC(ZSTD(1)),
    MODIFY COLUMN first_seen CODEC(ZSTD(1)),
    MODIFY COLUMN last_active CODEC(ZSTD(1)),
    MODIFY COLUMN last_message CODEC(ZSTD(1)),
    MODIFY COLUMN template_messages CODEC(ZSTD(1)),
    MODIFY COLUMN session_messages CODEC(ZSTD(1)),
    MODIFY COLUMN unresolved_queries CODEC(ZSTD(1)),
    MODIFY COLUMN last_control CODEC(ZSTD(1)),
    MODIFY COLUMN last_control_at CODEC(ZSTD(1)),
    MODIFY COLUMN source CODEC(ZSTD(1)),
    MODIFY COLUMN source_detail CODEC(ZSTD(1)),
    MODIFY COLUMN name CODEC(ZSTD(1)),
    MODIFY COLUMN first_message_tag CODEC(ZSTD(1));

ALTER TABLE control_state ${ON_CLUSTER}
    MODIFY COLUMN workspace_id CODEC(ZSTD(1)),
    MODIFY COLUMN contact CODEC(ZSTD(1)),
    MODIFY COLUMN latest CODEC(ZSTD(1)),
    MODIFY COLUMN last_taken_at CODEC(ZSTD(1)),
    MODIFY COLUMN last_agent CODEC(ZSTD(1)),
    MODIFY COLUMN last_agent_name CODEC(ZSTD(1)),
    MODIFY COLUMN requests CODEC(ZSTD(1));

ALTER TABLE control_waits ${ON_CLUSTER}
    MODIFY COLUMN workspace_id CODEC(ZSTD(1)),
    MODIFY COLUMN closed_at CODEC(ZSTD(1)),
    MODIFY COLUMN event_id CODEC(ZSTD(1)),
    MODIFY COLUMN contact CODEC(ZSTD(1)),
    MODIFY COLUMN kind CODEC(ZSTD(1)),
    MODIFY COLUMN agent_id CODEC(ZSTD(1)),
    MODIFY COLUMN agent_name CODEC(ZSTD(1)),
    MODIFY COLUMN wait_ms CODEC(ZSTD(1)),
    MODIFY COLUMN version CODEC(ZSTD(1));

ALTER TABLE contact_buckets ${ON_CLUSTER}
    MODIFY COLUMN workspace_id CODEC(ZSTD(1)),
    MODIFY COLUMN contact CODEC(ZSTD(1)),
    MODIFY COLUMN kind CODEC(ZSTD(1)),
    MODIFY COLUMN bucket CODEC(ZSTD(1)),
    MODIFY COLUMN counted CODEC(ZSTD(1));

ALTER TABLE billable_messages ${ON_CLUSTER}
    MODIFY COLUMN workspace_id CODEC(ZSTD(1)),
    MODIFY COLUMN campaign_id CODEC(ZSTD(1)),
    MODIFY COLUMN category CODEC(ZSTD(1));

-- A contact's tags and attributes as states are read by contact (the rounds'
-- refresh, the profile, the export); the segment builder's tag list reads
-- every tag of a workspace, so `tag` and `contact` stay LZ4 (279 → 222 MiB).
ALTER TABLE contact_tags ${ON_CLUSTER}
    MODIFY COLUMN present CODEC(ZSTD(1)),
    MODIFY COLUMN kind CODEC(ZSTD(1)),
    MODIFY COLUMN origin CODEC(ZSTD(1)),
    MODIFY COLUMN added_by CODEC(ZSTD(1)),
    MODIFY COLUMN added_at CODEC(ZSTD(1));

-- Attributes are counted from the contacts read model; this is read by contact (109 → 69 MiB).
ALTER TABLE contact_attributes ${ON_CLUSTER}
    MODIFY COLUMN workspace_id CODEC(ZSTD(1)),
    MODIFY COLUMN contact CODEC(ZSTD(1)),
    MODIFY COLUMN attribute CODEC(ZSTD(1)),
    MODIFY COLUMN value CODEC(ZSTD(1)),
    MODIFY COLUMN set_by CODEC(ZSTD(1)),
    MODIFY COLUMN set_at CODEC(ZSTD(1));

-- recipients' copy sorted by contact serves the reads of one contact's
-- campaigns (the profile's segment facts, a round's refresh of contacts,
-- reply windows, opt-outs and conversions): the columns those read, not all.
-- A projection takes no column codec, so this copy stays LZ4.
ALTER TABLE recipients ${ON_CLUSTER} DROP PROJECTION IF EXISTS by_contact;

ALTER TABLE recipients ${ON_CLUSTER}
    ADD PROJECTION IF NOT EXISTS by_contact (
        SELECT workspace_id, contact, campaign_id, version, send_time, reply_candidate_at,
               sent_eff, delivered_eff, read_eff, replied_at, failed_eff
        ORDER BY workspace_id, contact, campaign_id
    );

ALTER TABLE recipients ${ON_CLUSTER} MATERIALIZE PROJECTION by_contact SETTINGS mutations_sync = 2;

OPTIMIZE TABLE events ${ON_CLUSTER} FINAL;

OPTIMIZE TABLE event_ids ${ON_CLUSTER} FINAL;

OPTIMIZE TABLE inbound_times ${ON_CLUSTER} FINAL;

OPTIMIZE TABLE outbound_messages ${ON_CLUSTER} FINAL;

OPTIMIZE TABLE campaign_recipients ${ON_CLUSTER} FINAL;

OPTIMIZE TABLE contact_state ${ON_CLUSTER} FINAL;

OPTIMIZE TABLE control_state ${ON_CLUSTER} FINAL;

OPTIMIZE TABLE control_waits ${ON_CLUSTER} FINAL;

OPTIMIZE TABLE contact_buckets ${ON_CLUSTER} FINAL;

OPTIMIZE TABLE billable_messages ${ON_CLUSTER} FINAL;

OPTIMIZE TABLE contact_tags ${ON_CLUSTER} FINAL;

OPTIMIZE TABLE contact_attributes ${ON_CLUSTER} FINAL
