-- Codecs of the event log, chosen by measurement: the same 866,146 events of
-- the demo (200,000 contacts) in two copies, merged to one part, took 72.4 MB
-- with the default LZ4 and 40.2 MB with ZSTD(1) on the text columns and
-- Delta + ZSTD(1) on the times (sorted by contact, then time). ZSTD costs
-- more CPU than LZ4 to write (inserts and merges); the bench's generate part
-- shows the insert's share. New parts use them at once; older parts as merges
-- rewrite them.

ALTER TABLE events ${ON_CLUSTER}
    MODIFY COLUMN contact String CODEC(ZSTD(1)),
    MODIFY COLUMN ts DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    MODIFY COLUMN event_id String CODEC(ZSTD(1)),
    MODIFY COLUMN actor_id String CODEC(ZSTD(1)),
    MODIFY COLUMN wamid String CODEC(ZSTD(1)),
    MODIFY COLUMN campaign_id String CODEC(ZSTD(1)),
    MODIFY COLUMN text String CODEC(ZSTD(1)),
    MODIFY COLUMN error_title String CODEC(ZSTD(1)),
    MODIFY COLUMN tag String CODEC(ZSTD(1)),
    MODIFY COLUMN attribute String CODEC(ZSTD(1)),
    MODIFY COLUMN value String CODEC(ZSTD(1)),
    MODIFY COLUMN source_detail String CODEC(ZSTD(1)),
    MODIFY COLUMN name String CODEC(ZSTD(1)),
    MODIFY COLUMN payload String CODEC(ZSTD(1)),
    MODIFY COLUMN ingested_at DateTime64(3, 'UTC') DEFAULT now64(3) CODEC(Delta, ZSTD(1));
