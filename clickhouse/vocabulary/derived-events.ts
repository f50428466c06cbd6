/**
 * The rows the store derives from what it receives and writes into the event
 * log beside it: a campaign's broadcast tag on each recipient, the tag a first
 * message matches, the opt-out or opt-in a keyword reply or error 131050
 * causes. Each id is made from what caused the row, so a replay derives the
 * same id and stores nothing twice; and the ids tell derived rows from
 * received events (the bench's bytes per event count received events only).
 */
export const broadcastTagEventId = (campaignId: string, contact: string) => `broadcast-tag:${campaignId}:${contact}`;

export const firstMessageTagEventId = (messageId: string) => `${messageId}:first-message-tag`;

export const OPT_OUT_ID_SUFFIX = ":opt-out";
export const OPT_IN_ID_SUFFIX = ":opt-in";

export const optEventId = (causeId: string, optedOut: boolean) => `${causeId}${optedOut ? OPT_OUT_ID_SUFFIX : OPT_IN_ID_SUFFIX}`;

/** Whether the row's `event_id` is an opt-out's or an opt-in's (the upgrade that derives them from a stored log reads it too). */
export const IS_OPT_EVENT_ID_SQL = `(endsWith(event_id, '${OPT_OUT_ID_SUFFIX}') OR endsWith(event_id, '${OPT_IN_ID_SUFFIX}'))`;

/** Whether the row's `event_id` is one of the ids above. */
export const DERIVED_EVENT_ID_SQL = `(startsWith(event_id, 'broadcast-tag:') OR endsWith(event_id, ':first-message-tag') OR ${IS_OPT_EVENT_ID_SQL})`;
