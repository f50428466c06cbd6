-- Each contact's attributes again as JSON, one subcolumn per key, for the
-- rules and reports that read one attribute (attribute-paths.ts): a rule on
-- a map entry read every contact's whole map and searched its keys, 45 ms of
-- the large demo's nested segment, through a path 20. Written by the
-- contacts' refresh, for the rows stored before this by the contacts' rebuild
-- after it (migrate.ts): a mutation would store date-like values as dates.

ALTER TABLE contacts ${ON_CLUSTER}
    ADD COLUMN IF NOT EXISTS attribute_paths JSON AFTER attributes;
