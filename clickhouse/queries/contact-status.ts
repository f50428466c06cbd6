import { HISTORY_AFTER_MS } from "../vocabulary/chat-profile";

/**
 * SQL for the status machine of server/domain/chat-profile.ts, over the columns
 * of contacts (0011). The read models' refresh writes it into the `status`
 * column (0015), which is what readers filter and show; the agreement test in
 * test/integration checks it against deriveStatus().
 */
export const STATUS_SQL = `multiIf(
    last_control = 'intervention.requested', 'requesting',
    last_control = 'agent.intervened', 'intervened',
    last_control = 'chat.resolved' AND NOT (last_active IS NOT NULL AND last_active > last_control_at), 'closed',
    'active')`;

/**
 * A chat quiet for longer than HISTORY_AFTER_MS. Needs the `{now:DateTime64(3)}`
 * parameter. A plain comparison against a constant: dateDiff per row tripled
 * the cost of a status filter over a million contacts.
 */
export const IN_HISTORY_SQL = `(last_message IS NULL OR last_message < {now:DateTime64(3)} - toIntervalMillisecond(${HISTORY_AFTER_MS}))`;
