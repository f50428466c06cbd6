/**
 * What the campaign report modules share: one row per campaign recipient with
 * ticks that never go backwards, the stages a drill-down can open, and the
 * time conversions.
 *
 * campaign_recipients (0003) keeps the first time of each tick per
 * (campaign, contact), with `read` already counted as delivered. The report
 * adds one more rule so the funnel is a funnel: a reply (tied to the campaign
 * message through its context) proves the message was read, even when the
 * contact turned read receipts off. So replied ⊂ read ⊂ delivered ⊂ sent.
 * A failure after a delivery does not undo it: "failed" means failed and
 * never delivered.
 *
 * FINAL merges the sorted parts into one row per (campaign, contact), which is
 * cheaper than hashing every pair with GROUP BY; the argMax states are
 * finalised per row.
 */

/** The effective ticks of a recipient, from a FINAL row of campaign_recipients. */
const TICKS = `
  campaign_id,
  contact,
  replied_at,
  if(read_at IS NULL OR (replied_at IS NOT NULL AND replied_at < read_at), replied_at, read_at) AS read_eff,
  if(delivered_at IS NULL OR (read_eff IS NOT NULL AND read_eff < delivered_at), read_eff, delivered_at) AS delivered_eff,
  if(sent_at IS NULL, coalesce(delivered_eff, failed_at, replied_at), sent_at) AS sent_eff,
  if(delivered_eff IS NULL, failed_at, NULL) AS failed_eff,
  if(failed_eff IS NULL, 0, finalizeAggregation(error_code)) AS failed_code,
  if(failed_eff IS NULL, '', finalizeAggregation(error_title)) AS failed_title`;

/** Every recipient of one campaign (`{campaignId:String}`). */
export const CAMPAIGN_RECIPIENTS_SQL = `
  SELECT ${TICKS}
  FROM campaign_recipients FINAL
  WHERE workspace_id = {workspaceId:String} AND campaign_id = {campaignId:String}`;

/** Every recipient of a few campaigns (`{campaignIds:Array(String)}`), for comparing them. */
export const SOME_CAMPAIGNS_RECIPIENTS_SQL = `
  SELECT ${TICKS}
  FROM campaign_recipients FINAL
  WHERE workspace_id = {workspaceId:String} AND campaign_id IN {campaignIds:Array(String)}`;

/** Every recipient of every campaign of the workspace. */
export const WORKSPACE_RECIPIENTS_SQL = `
  SELECT ${TICKS}
  FROM campaign_recipients FINAL
  WHERE workspace_id = {workspaceId:String}`;

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
