-- The tag and attribute catalogues of Manage.
--
-- Events name a tag or an attribute by the text they were first known by
-- (`tag.added.tag`, `attribute.set.attribute`), and the derived state tables
-- group by it. That text is therefore the stable key of a catalogue entry and
-- never changes; a rename writes a display `label` instead, so the history,
-- the contact_tags / contact_attributes state and every saved filter that
-- names the key keep working. An empty label means "shown as the key".

ALTER TABLE tag_definitions ${ON_CLUSTER}
    ADD COLUMN IF NOT EXISTS label String DEFAULT '' AFTER tag;

ALTER TABLE attribute_definitions ${ON_CLUSTER}
    ADD COLUMN IF NOT EXISTS label String DEFAULT '' AFTER name;

-- Archived attributes keep their values on contacts but take no new ones and
-- do not count towards the workspace's limit.
ALTER TABLE attribute_definitions ${ON_CLUSTER}
    ADD COLUMN IF NOT EXISTS archived UInt8 DEFAULT 0 AFTER options;

ALTER TABLE attribute_definitions ${ON_CLUSTER}
    ADD COLUMN IF NOT EXISTS created_by String DEFAULT '' AFTER archived;
