/** Constants of the chat profile's rules that the SQL and the domain code share (server/domain/chat-profile.ts). */

/** A chat with no message either way for this long is in history. */
export const HISTORY_AFTER_MS = 24 * 60 * 60 * 1000;
