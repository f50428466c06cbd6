-- Two projections keep only the columns their readers ask for. A projection
-- is a second copy of its table in another order; a statement is served by
-- it only when the projection holds every column the statement reads, so
-- these lists name what those statements read, and a new statement that
-- reads the table in that order must find its columns here (or add them).
--
-- recipients.by_contact (0011), by contact: the rounds' scopes
-- (read-models.ts: windowRecipients, optOutRecipients, the contacts' received
-- campaigns; recipients-opt-outs-backfill.ts), the conversions' last touch
-- (conversion-attribution.ts) and "why is this contact here?"
-- (segments/contact-facts.ts). They read the effective ticks, the send time,
-- the reply candidate and the version, never the ticks as recorded, the
-- errors nor the opt-out time: 11 of the table's 23 columns.
--
-- control_events.by_time (0008), by time: Unresolved's list of requests and
-- its repeaters (unresolved-asked.ts). They read no actor.
--
-- Measured on the 200,000-contact demo after 0029: recipients.by_contact
-- 40 -> 26 MiB, control_events.by_time 10.5 -> 7.6 MiB (1.6 of the 45.3
-- bytes per event). A _part_offset projection (only the order and each row's
-- place in the table, 10 MiB) was measured too and left: a round's contacts
-- sit in nearly every granule of a table sorted by campaign, so each round
-- would read the table's columns whole.
--
-- Each projection is dropped and built again from the stored parts, waiting
-- until it is done (mutations_sync); meanwhile the statements read the table.

ALTER TABLE recipients ${ON_CLUSTER} DROP PROJECTION IF EXISTS by_contact;

ALTER TABLE recipients ${ON_CLUSTER}
    ADD PROJECTION IF NOT EXISTS by_contact
    (
        SELECT workspace_id, contact, campaign_id, version, send_time, reply_candidate_at,
               sent_eff, delivered_eff, read_eff, replied_at, failed_eff
        ORDER BY workspace_id, contact, campaign_id
    );

ALTER TABLE recipients ${ON_CLUSTER} MATERIALIZE PROJECTION by_contact SETTINGS mutations_sync = 2;

ALTER TABLE control_events ${ON_CLUSTER} DROP PROJECTION IF EXISTS by_time;

ALTER TABLE control_events ${ON_CLUSTER}
    ADD PROJECTION IF NOT EXISTS by_time
    (
        SELECT workspace_id, contact, ts, event_id, type, text
        ORDER BY workspace_id, ts, event_id
    );

ALTER TABLE control_events ${ON_CLUSTER} MATERIALIZE PROJECTION by_time SETTINGS mutations_sync = 2
