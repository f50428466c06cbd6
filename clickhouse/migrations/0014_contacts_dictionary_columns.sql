-- Segment rules on tags and attributes read these two columns for every
-- contact of the workspace. Measured on the large demo (1M contacts), merged:
-- tags as Array(String) are 207 MiB uncompressed (broadcast tags are long and
-- repeat on hundreds of thousands of rows) and 14 MiB as dictionary codes; a
-- tag + attribute count fell from 108–180 ms to 60 ms. Attribute keys repeat
-- on every row the same way, and `with_buckets` lets attributes['plan'] read
-- the bucket holding that key instead of every key of every row. The type
-- change is a mutation that rewrites the two columns of existing parts.

ALTER TABLE contacts ${ON_CLUSTER}
    MODIFY COLUMN tags Array(LowCardinality(String)),
    MODIFY COLUMN attributes Map(LowCardinality(String), String);

ALTER TABLE contacts ${ON_CLUSTER}
    MODIFY SETTING map_serialization_version = 'with_buckets'
