/**
 * What the campaign report modules share: one row per campaign recipient with
 * ticks that never go backwards, the stages a drill-down can open, and the
 * time conversions.
 *
 * campaign_recipients (0003) keeps the first time of each tick per
 * (campaign, contact), with `read` already counted as delivered.
 *
 * Replies: a reply WhatsApp ties to the campaign message through its context
 * (context.id, a quick-reply button, an interactive reply) is in
 * campaign_recipients.replied_at. Failing that, the contact's first inbound
 * message at or after the send and within the report's reply window
 * (`{replyWindowHours:UInt16}`, every query passes it) counts, as long as the
 * message was delivered: a message that never arrived prompted nothing. The
 * candidates come from inbound_times (0010), read only over the scope's time
 * span, and an ASOF JOIN picks each recipient's first one after the send.
 *
 * The report adds one more rule so the funnel is a funnel: a reply proves
 * the message was read, even when the contact turned read receipts off. So
 * replied ⊂ read ⊂ delivered ⊂ sent. A failure after a delivery does not
 * undo it: "failed" means failed and never delivered.
 *
 * The segment builder's campaign conditions read the same rows with the
 * default window (recipientContactsSql below), so a segment "ignored
 * campaign X" and X's drill-down for Ignored have the same contacts.
 *
 * FINAL merges the sorted parts into one row per (campaign, contact), which is
 * cheaper than hashing every pair with GROUP BY; the argMax states are
 * finalised per row.
 */

/** The reply window of a report, in hours: the default, and the bounds a person may pick. */
export const DEFAULT_REPLY_WINDOW_HOURS = 72;
export const MIN_REPLY_WINDOW_HOURS = 1;
export const MAX_REPLY_WINDOW_HOURS = 720;

/** When a recipient's message went out: the sent tick, else the first tick there is. */
const SEND_TIME = "coalesce(sent_at, delivered_at, replied_at, failed_at)";

/**
 * The effective ticks of a recipient, over the columns of a FINAL row of
 * campaign_recipients plus `send_time` and `inbound_at` (the contact's first
 * window candidate at or after the send; the epoch when there is none).
 */
const TICKS = `
  campaign_id,
  contact,
  if(context_replied_at IS NOT NULL, context_replied_at,
     if(delivered_at IS NOT NULL AND inbound_at >= send_time AND inbound_at <= send_time + toIntervalHour({replyWindowHours:UInt16}),
        inbound_at, NULL)) AS replied_at,
  context_replied_at IS NULL AND replied_at IS NOT NULL AS replied_in_window,
  if(read_at IS NULL OR (replied_at IS NOT NULL AND replied_at < read_at), replied_at, read_at) AS read_eff,
  if(delivered_at IS NULL OR (read_eff IS NOT NULL AND read_eff < delivered_at), read_eff, delivered_at) AS delivered_eff,
  if(sent_at IS NULL, coalesce(delivered_eff, failed_at, replied_at), sent_at) AS sent_eff,
  if(delivered_eff IS NULL, failed_at, NULL) AS failed_eff,
  if(failed_eff IS NULL, 0, finalizeAggregation(error_code)) AS failed_code,
  if(failed_eff IS NULL, '', finalizeAggregation(error_title)) AS failed_title`;

/*
 * Recipients of a scope (a predicate over campaign_recipients, from this
 * module, never from the client) with their effective ticks, assembled from
 * the pieces below so each statement spells out its tenant predicate. The
 * window candidates are read from the scope's first send to its last send
 * plus the window; the bounds are scalar subqueries, so they prune
 * inbound_times by its sort key (time) before the ASOF JOIN hashes them.
 */
const ROWS = `
  SELECT ${TICKS}
  FROM (
    SELECT r.campaign_id AS campaign_id, r.contact AS contact, r.sent_at AS sent_at, r.delivered_at AS delivered_at,
           r.read_at AS read_at, r.replied_at AS context_replied_at, r.failed_at AS failed_at,
           r.error_code AS error_code, r.error_title AS error_title, r.send_time AS send_time, w.ts AS inbound_at
    FROM (
      SELECT campaign_id, contact, sent_at, delivered_at, read_at, replied_at, failed_at, error_code, error_title,
             ifNull(${SEND_TIME}, toDateTime64(0, 3, 'UTC')) AS send_time
      FROM campaign_recipients FINAL
      WHERE workspace_id = {workspaceId:String} AND `;
const CANDIDATES = `
    ) AS r
    ASOF LEFT JOIN (
      SELECT contact, ts FROM inbound_times
      WHERE workspace_id = {workspaceId:String} AND `;
const FIRST_SEND = `(SELECT min(${SEND_TIME}) FROM campaign_recipients WHERE workspace_id = {workspaceId:String} AND `;
const LAST_SEND = `(SELECT max(${SEND_TIME}) FROM campaign_recipients WHERE workspace_id = {workspaceId:String} AND `;
const WINDOW_END = " + toIntervalHour({replyWindowHours:UInt16})";
const CLOSE = `
    ) AS w ON r.contact = w.contact AND w.ts >= r.send_time
  )`;

const ONE = "campaign_id = {campaignId:String}";
const SOME = "campaign_id IN {campaignIds:Array(String)}";
const ALL = "1";

/** Every recipient of one campaign (`{campaignId:String}`). */
export const CAMPAIGN_RECIPIENTS_SQL = `${ROWS}${ONE}${CANDIDATES}ts >= ${FIRST_SEND}${ONE}) AND ts <= ${LAST_SEND}${ONE})${WINDOW_END}${CLOSE}`;

/** Every recipient of a few campaigns (`{campaignIds:Array(String)}`), for comparing them. */
export const SOME_CAMPAIGNS_RECIPIENTS_SQL = `${ROWS}${SOME}${CANDIDATES}ts >= ${FIRST_SEND}${SOME}) AND ts <= ${LAST_SEND}${SOME})${WINDOW_END}${CLOSE}`;

/**
 * Every recipient of every campaign of the workspace, for the list of a range
 * starting `{from:Date}`: its campaigns were sent on or after that day, so
 * the candidates start there rather than at the workspace's first campaign.
 */
export const WORKSPACE_RECIPIENTS_SQL = `${ROWS}${ALL}${CANDIDATES}ts >= toDateTime64({from:Date}, 3, 'UTC') AND ts <= ${LAST_SEND}${ALL})${WINDOW_END}${CLOSE}`;

/** How the candidates of window replies are read for `recipientTicksSql` and `recipientContactsSql`. */
export interface TicksOptions {
  /**
   * The earliest candidate, an SQL expression of this module's or the
   * caller's (placeholders only): by default the scope's first send. A caller
   * that only keeps recipients sent after a known time passes that time, which
   * reads fewer days of inbound_times.
   */
  from?: string;
  /**
   * `scope` (default): every contact's candidates in the time span; `contact`:
   * only `{contact:String}`'s, for one contact's ticks; `none`: no candidates,
   * for the stages no window reply can change (WINDOW_FREE_STAGES).
   */
  candidates?: "scope" | "contact" | "none";
}

/**
 * The stages a window reply cannot change, so they need no candidates: every
 * recipient counts as sent, and a window reply needs a delivery, which
 * already rules out `failed`.
 */
export const WINDOW_FREE_STAGES: ReadonlySet<Stage> = new Set<Stage>(["sent", "failed"]);

/** What follows ROWS for a scope: the scope, then its window candidates (none at all: `0`, nothing read). */
function scoped(scope: string, options: TicksOptions): string {
  const candidates = options.candidates ?? "scope";
  const from = options.from ?? `${FIRST_SEND}${scope})`;
  const contact = candidates === "contact" ? "contact = {contact:String} AND " : "";
  const span = candidates === "none" ? "0" : `${contact}ts >= ${from} AND ts <= ${LAST_SEND}${scope})${WINDOW_END}`;
  return `${scope}${CANDIDATES}${span}${CLOSE}`;
}

/**
 * Recipients of a scope with their effective ticks (the columns of TICKS),
 * like CAMPAIGN_RECIPIENTS_SQL for any scope: `scope` is a predicate over
 * campaign_recipients built by the caller from code and placeholders, never
 * from input. Needs `{workspaceId:String}` and `{replyWindowHours:UInt16}`.
 */
export function recipientTicksSql(scope: string, options: TicksOptions = {}): string {
  return `${ROWS}${scoped(scope, options)}`;
}

/**
 * The contacts of a scope's recipients: `SELECT contact FROM (recipients with
 * effective ticks) <tail>`, where `tail` is a WHERE (and GROUP BY / HAVING)
 * over the TICKS columns, e.g. `WHERE ${STAGE_SQL.ignored}`. The segment
 * builder reads campaign behaviour through this, so a segment and a
 * campaign's drill-down apply the same tick rules.
 */
export function recipientContactsSql(scope: string, tail: string, options: TicksOptions = {}): string {
  return `SELECT contact FROM (${ROWS}${scoped(scope, options)}) ${tail}`;
}

/** Name, template and times of every campaign that has a created or sent event. */
export const CAMPAIGN_META_SQL = `
  SELECT campaign_id, argMaxMerge(name) AS name, argMaxMerge(template) AS template,
         min(sent_at) AS meta_sent_at, min(created_at) AS created_at
  FROM campaigns
  WHERE workspace_id = {workspaceId:String}
  GROUP BY campaign_id`;

/** The stages of the funnel a list of contacts can be opened for. */
export const STAGES = ["sent", "delivered", "read", "replied", "ignored", "failed"] as const;
export type Stage = (typeof STAGES)[number];

/** A stage as a predicate over the columns of TICKS: a whitelist, never text from the client. */
export const STAGE_SQL: Record<Stage, string> = {
  sent: "1",
  delivered: "delivered_eff IS NOT NULL",
  read: "read_eff IS NOT NULL",
  replied: "replied_at IS NOT NULL",
  ignored: "delivered_eff IS NOT NULL AND read_eff IS NULL",
  failed: "failed_eff IS NOT NULL",
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
