/**
 * A catalogue attribute's key: lower-case letters, digits and _, a letter
 * first, at most 40 characters. Manage → Attributes accepts no other
 * (server/domain/catalogue.ts), and such a key is its own JSON path in the
 * contacts' `attribute_paths` (0045, clickhouse/queries/attribute-paths.ts).
 */
export const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,39}$/;
