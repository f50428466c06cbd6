-- As 0037 for tags: contact_attributes kept the setter and the time of each
-- attribute's latest value beside the value, 25 of the table's 64 MiB at the
-- large demo, and no reader takes them (the profile reads who set a value and
-- when from the contact's own range of the log, contact-attribute-values.ts).
-- Migrations run before the app takes writes, so no value arrives while the
-- view is away.

DROP VIEW IF EXISTS contact_attributes_mv ${ON_CLUSTER};

ALTER TABLE contact_attributes ${ON_CLUSTER}
    DROP COLUMN IF EXISTS set_by,
    DROP COLUMN IF EXISTS set_at;

CREATE MATERIALIZED VIEW IF NOT EXISTS contact_attributes_mv ${ON_CLUSTER} TO contact_attributes AS
SELECT
    workspace_id,
    contact,
    attribute,
    argMaxState(value, ts) AS value
FROM events
WHERE type = 'attribute.set'
GROUP BY workspace_id, contact, attribute;
