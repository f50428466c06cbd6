-- The projections of 0009 sorted contact_tags by tag and contact_attributes by
-- attribute for the segment rules; since 0011 those rules read the contacts
-- read model, and no statement reads either table by name any more (the
-- export and the read models' refresh read them by contact, the builder's tag
-- list and the attribute counts read a workspace whole). They held a second
-- copy of both tables: 356 MiB of the large demo's 4 GiB (6.6 bytes per
-- event), rebuilt by every merge.

ALTER TABLE contact_tags ${ON_CLUSTER} DROP PROJECTION IF EXISTS by_tag;

ALTER TABLE contact_attributes ${ON_CLUSTER} DROP PROJECTION IF EXISTS by_attribute
