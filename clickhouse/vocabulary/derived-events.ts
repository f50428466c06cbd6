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

export const optEventId = (causeId: string, optedOut: boolean) => `${causeId}:${optedOut ? "opt-out" : "opt-in"}`;

/** Whether the row's `event_id` is one of the ids above. */
export const DERIVED_EVENT_ID_SQL =
  "(startsWith(event_id, 'broadcast-tag:') OR endsWith(event_id, ':first-message-tag') OR endsWith(event_id, ':opt-out') OR endsWith(event_id, ':opt-in'))";
