import { CONVERTED_CONTACTS_SQL } from "./conversions";

/**
 * What the campaign report modules share: one row per campaign recipient with
 * ticks that never go backwards, the stages a drill-down can open, and the
 * time conversions.
 *
 * `recipients` (0011) keeps one row per (campaign, contact): the first time
 * of each tick as recorded (`read` already counted as delivered) and the
 * effective ticks under the default reply window, refreshed as events arrive.
 *
 * Replies: a reply WhatsApp ties to the campaign message through its context
 * (context.id, a quick-reply button, an interactive reply) is
 * `context_replied_at`. Failing that, the contact's first inbound message at
 * or after the send and within the report's reply window counts, as long as
 * the message was delivered: a message that never arrived prompted nothing.
 *
 * The report adds one more rule so the funnel is a funnel: a reply proves
 * the message was read, even when the contact turned read receipts off. So
 * replied ⊂ read ⊂ delivered ⊂ sent. A failure after a delivery does not
 * undo it: "failed" means failed and never delivered.
 *
 * The segment builder's campaign conditions read the same columns, so a
 * segment "ignored campaign X" and X's drill-down for Ignored have the same
 * contacts.
 */

/** The reply window of a report, in hours: the default, and the bounds a person may pick. */
export const DEFAULT_REPLY_WINDOW_HOURS = 72;
export const MIN_REPLY_WINDOW_HOURS = 1;
export const MAX_REPLY_WINDOW_HOURS = 720;

/**
 * The effective ticks of a recipient, as a select list over its recorded
 * ticks (the columns of `recipients`: sent_at, delivered_at, read_at,
 * context_replied_at, failed_at, error_code, error_title, send_time) and
 * `inbound_at`, the contact's first window candidate at or after the send.
 * `window` is an SQL expression of hours. The aliases are the columns of
 * `recipients` that hold the same values under the default window, so the
 * stage predicates below read either.
 */
export function effectiveTicksSql(window: string): string {
  return `
    if(context_replied_at IS NOT NULL, context_replied_at,
       if(delivered_at IS NOT NULL AND inbound_at >= send_time AND inbound_at <= send_time + toIntervalHour(${window}),
          inbound_at, NULL)) AS replied_at,
    context_replied_at IS NULL AND replied_at IS NOT NULL AS replied_in_window,
    if(read_at IS NULL OR (replied_at IS NOT NULL AND replied_at < read_at), replied_at, read_at) AS read_eff,
    if(delivered_at IS NULL OR (read_eff IS NOT NULL AND read_eff < delivered_at), read_eff, delivered_at) AS delivered_eff,
    if(sent_at IS NULL, coalesce(delivered_eff, failed_at, replied_at), sent_at) AS sent_eff,
    if(delivered_eff IS NULL, failed_at, NULL) AS failed_eff,
    if(failed_eff IS NULL, 0, error_code) AS failed_code,
    if(failed_eff IS NULL, '', error_title) AS failed_title`;
}

/** The columns a recipients statement yields: the effective ticks, whatever the window, and the read receipt as recorded. */
const TICK_COLUMNS =
  "campaign_id, contact, read_at, opted_out_at, replied_at, replied_in_window, read_eff, delivered_eff, sent_eff, failed_eff, failed_code, failed_title";

/** Scopes over `recipients`, each a predicate from code with its placeholders. */
export const ONE_CAMPAIGN = "campaign_id = {campaignId:String}";
export const SOME_CAMPAIGNS = "campaign_id IN {campaignIds:Array(String)}";
export const ALL_CAMPAIGNS = "1";

/**
 * Recipients of a scope with their effective ticks (TICK_COLUMNS). `scope` is
 * a predicate over the columns of `recipients`, built from code and
 * placeholders, never from input; the statement needs `{workspaceId:String}`.
 *
 * Under the default window the ticks are columns of `recipients`, kept as
 * events arrive (read-models.ts). Another window re-derives them by the same
 * rules from the recorded ticks and the recipient's reply candidate (its
 * contact's first inbound message at or after the send, kept beside them).
 */
export function recipientsSql(scope: string, windowHours: number = DEFAULT_REPLY_WINDOW_HOURS): string {
  if (windowHours === DEFAULT_REPLY_WINDOW_HOURS) {
    return `
      SELECT ${TICK_COLUMNS}
      FROM recipients FINAL
      WHERE workspace_id = {workspaceId:String} AND ${scope}`;
  }
  return `
      SELECT campaign_id, contact, read_at, opted_out_at, ${effectiveTicksSql("{replyWindowHours:UInt16}")}
      FROM (
        SELECT campaign_id, contact, sent_at, delivered_at, read_at, context_replied_at, failed_at, error_code, error_title,
               send_time, reply_candidate_at AS inbound_at, opted_out_at
        FROM recipients FINAL
        WHERE workspace_id = {workspaceId:String} AND ${scope}
      )`;
}

/** Name, template and times of every campaign that has a created or sent event. */
export const CAMPAIGN_META_SQL = `
  SELECT campaign_id, argMaxMerge(name) AS name, argMaxMerge(template) AS template,
         min(sent_at) AS meta_sent_at, min(created_at) AS created_at
  FROM campaigns
  WHERE workspace_id = {workspaceId:String}
  GROUP BY campaign_id`;

/**
 * Each campaign's recipients counted by effective tick (default window) and
 * its first send, summed from campaign_stats' delivery buckets (0011).
 */
export const CAMPAIGN_COUNTS_SQL = `
  SELECT campaign_id, sum(recipients) AS recipients, sum(delivered) AS delivered, sum(read) AS read,
         sum(replied) AS replied, sum(failed) AS failed, min(first_sent) AS first_sent
  FROM campaign_stats
  WHERE workspace_id = {workspaceId:String}
  GROUP BY campaign_id`;

/** The stages of the funnel a list of contacts can be opened for. */
export const STAGES = ["sent", "delivered", "read", "replied", "converted", "ignored", "failed", "optedOut"] as const;
export type Stage = (typeof STAGES)[number];

/** A stage as a predicate over the columns of TICKS: a whitelist, never text from the client. */
export const STAGE_SQL: Record<Stage, string> = {
  sent: "1",
  delivered: "delivered_eff IS NOT NULL",
  read: "read_eff IS NOT NULL",
  replied: "replied_at IS NOT NULL",
  // Converted within the report's attribution window (conversions.ts): needs {campaignId} and {attributionDays}.
  converted: `contact IN (${CONVERTED_CONTACTS_SQL})`,
  ignored: "delivered_eff IS NOT NULL AND read_eff IS NULL",
  failed: "failed_eff IS NOT NULL",
  // Kept on the row as opt-outs and deliveries arrive (read-models.ts, README "Opt-outs"); the
  // delivery is the same under any reply window (a window reply needs one).
  optedOut: "opted_out_at IS NOT NULL",
};

/** A stage, narrowed to one error code when it is `failed` and a code is given. */
export function stagePredicate(stage: Stage, errorCode: number | undefined): string {
  const base = STAGE_SQL[stage];
  return stage === "failed" && errorCode !== undefined ? `${base} AND failed_code = {errorCode:Int32}` : base;
}

/** ClickHouse DateTime64 text (UTC, '2026-03-02 10:00:00.000') as ISO-8601, or null. */
export function isoTime(v: unknown): string | null {
  if (v === null || v === undefined || v === "") return null;
  return `${String(v).replace(" ", "T")}Z`;
}

/** A ratio, or null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
