import { HISTORY_AFTER_MS } from "../vocabulary/chat-profile";

/**
 * SQL for the status machine of server/domain/chat-profile.ts, over the columns
 * of contacts (0011). Kept beside the queries that use it; the
 * agreement test in test/integration checks it against deriveStatus().
 */
export const STATUS_SQL = `multiIf(
    last_control = 'intervention.requested', 'requesting',
    last_control = 'agent.intervened', 'intervened',
    last_control = 'chat.resolved' AND NOT (last_active IS NOT NULL AND last_active > last_control_at), 'closed',
    'active')`;

/** Needs the `{now:DateTime64(3)}` parameter. */
export const IN_HISTORY_SQL = `(last_message IS NULL OR dateDiff('millisecond', last_message, {now:DateTime64(3)}) > ${HISTORY_AFTER_MS})`;
