/**
 * What Unresolved's "Where they come from" groups the asking contacts by: the
 * contact's first-message tag, its source, or each of its current tags. The
 * page shows one at a time (`?by=`), and the report counts the one shown.
 */
export const ENTRY_DIMENSIONS = ["firstMessageTag", "source", "tag"] as const;

export type EntryDimension = (typeof ENTRY_DIMENSIONS)[number];
