import type { Store } from "../client";
import { CAMPAIGN_COUNTS_SQL, CAMPAIGN_META_SQL, ONE_CAMPAIGN, recipientsSql, DEFAULT_REPLY_WINDOW_HOURS, STAGE_SQL, isoTime } from "./campaign-common";

/**
 * One campaign's report: who it is, its funnel (sent → delivered → read →
 * replied, with ignored and failed beside it), failures by error, and how
 * fast people read it. Every figure comes from the same recipient rows
 * (campaign-common), so the numbers add up across sections.
 */

export interface CampaignInfo {
  campaignId: string;
  name: string;
  template: string;
  createdAt: string | null;
  sentAt: string | null;
}

export interface FunnelCounts {
  sent: number;
  delivered: number;
  read: number;
  /** Of `read`, the ones with a read receipt; the others count as read because they replied (a reply proves the read). */
  readReceipts: number;
  replied: number;
  ignored: number;
  failed: number;
  /** Sent, neither delivered nor failed yet. */
  pending: number;
  /** Delivered, and opted out of marketing within 72 hours after the delivery. */
  optedOut: number;
}

export interface FailureGroup {
  errorCode: number;
  errorTitle: string;
  contacts: number;
}

/** Time from delivered to read: the buckets' labels and upper bounds in seconds (the last has none). */
export const READ_DELAY_BUCKETS: ReadonlyArray<readonly [label: string, upToSeconds: number]> = [
  ["< 1 min", 60],
  ["1–5 min", 300],
  ["5–15 min", 900],
  ["15–60 min", 3600],
  ["1–6 h", 6 * 3600],
  ["6–24 h", 24 * 3600],
  ["> 24 h", Infinity],
];

/** The cumulative curve runs from 0 to this many hours after sending. */
export const CURVE_HOURS = 72;

/** The campaign's name and times; null when the workspace knows no such campaign. */
export async function campaignInfo(store: Store, workspaceId: string, campaignId: string): Promise<CampaignInfo | null> {
  const rows = await store.query<Record<string, string | null>>(
    `SELECT campaign_id, name, template, created_at, coalesce(meta_sent_at, first_sent) AS sent_at
     FROM (${CAMPAIGN_META_SQL}) AS m
     FULL OUTER JOIN (${CAMPAIGN_COUNTS_SQL}) AS p USING (campaign_id)
     WHERE campaign_id = {campaignId:String} AND (m.campaign_id != '' OR p.recipients > 0)
     SETTINGS join_use_nulls = 0`,
    { workspaceId, campaignId },
    { report: "campaign-funnel:info" },
  );
  const r = rows[0];
  if (!r) return null;
  return {
    campaignId,
    name: r.name || campaignId,
    template: String(r.template ?? ""),
    createdAt: isoTime(r.created_at),
    sentAt: isoTime(r.sent_at),
  };
}

/** Counts of each stage, and the delivered-to-read histogram, in one pass over the recipients. */
export async function campaignFunnel(
  store: Store,
  workspaceId: string,
  campaignId: string,
  replyWindowHours = DEFAULT_REPLY_WINDOW_HOURS,
): Promise<{ counts: FunnelCounts; readDelay: number[] }> {
  // Per finite upper bound, how many reads took at least that long: the
  // histogram as differences of these, counted in the engine rather than one
  // bucket per read sent to the app (643,000 reads for the biggest campaign).
  const bounds = READ_DELAY_BUCKETS.filter(([, s]) => Number.isFinite(s)).map(([, s]) => s);
  const [row] = await store.query<Record<string, string | string[] | number[]>>(
    `SELECT
       count() AS sent,
       countIf(delivered_eff IS NOT NULL) AS delivered,
       countIf(read_eff IS NOT NULL) AS read,
       countIf(read_eff IS NOT NULL AND read_at IS NOT NULL) AS read_receipts,
       countIf(replied_at IS NOT NULL) AS replied,
       countIf(delivered_eff IS NOT NULL AND read_eff IS NULL) AS ignored,
       countIf(failed_eff IS NOT NULL) AS failed,
       countIf(delivered_eff IS NULL AND failed_eff IS NULL) AS pending,
       countIf(${STAGE_SQL.optedOut}) AS opted_out,
       sumForEachIf(
         arrayMap(b -> toUInt64(dateDiff('millisecond', delivered_eff, read_eff) >= b * 1000), {bounds:Array(UInt32)}),
         read_eff IS NOT NULL
       ) AS at_least
     FROM (${recipientsSql(ONE_CAMPAIGN, replyWindowHours)})`,
    { workspaceId, campaignId, bounds, replyWindowHours },
    { report: "campaign-funnel" },
  );
  const n = (k: string) => Number(row[k] ?? 0);
  // Reads at least as slow as each bucket's lower bound: all reads, then each bound's count.
  // (An empty array when nothing was read.)
  const atLeast = [n("read"), ...bounds.map((_, i) => Number((row.at_least as Array<number | string>)[i] ?? 0))];
  const readDelay = READ_DELAY_BUCKETS.map((_, i) => atLeast[i] - (atLeast[i + 1] ?? 0));
  return {
    counts: {
      sent: n("sent"),
      delivered: n("delivered"),
      read: n("read"),
      readReceipts: n("read_receipts"),
      replied: n("replied"),
      ignored: n("ignored"),
      failed: n("failed"),
      pending: n("pending"),
      optedOut: n("opted_out"),
    },
    readDelay,
  };
}

/** Failed recipients (never delivered) by the error of their last failure, most common first. */
export async function campaignFailures(
  store: Store,
  workspaceId: string,
  campaignId: string,
  replyWindowHours = DEFAULT_REPLY_WINDOW_HOURS,
): Promise<FailureGroup[]> {
  const rows = await store.query<{ failed_code: number | string; failed_title: string; contacts: string }>(
    `SELECT failed_code, failed_title, count() AS contacts
     FROM (${recipientsSql(ONE_CAMPAIGN, replyWindowHours)})
     WHERE failed_eff IS NOT NULL
     GROUP BY failed_code, failed_title
     ORDER BY contacts DESC, failed_code, failed_title`,
    { workspaceId, campaignId, replyWindowHours },
    { report: "campaign-funnel:failures" },
  );
  return rows.map((r) => ({ errorCode: Number(r.failed_code), errorTitle: r.failed_title, contacts: Number(r.contacts) }));
}

/**
 * Reads by whole hours since the recipient's send: `readsWithin[h]` is how
 * many had read within h hours (h = 0…CURVE_HOURS). A read stamped before the
 * send (clocks disagree) counts at hour 0.
 */
export async function campaignReadCurve(
  store: Store,
  workspaceId: string,
  campaignId: string,
  replyWindowHours = DEFAULT_REPLY_WINDOW_HOURS,
): Promise<number[]> {
  const rows = await store.query<{ hour: string; reads: string }>(
    `SELECT greatest(0, toInt64(ceil(dateDiff('millisecond', sent_eff, read_eff) / 3600000))) AS hour, count() AS reads
     FROM (${recipientsSql(ONE_CAMPAIGN, replyWindowHours)})
     WHERE read_eff IS NOT NULL
     GROUP BY hour
     HAVING hour <= {hours:UInt32}
     ORDER BY hour`,
    { workspaceId, campaignId, hours: CURVE_HOURS, replyWindowHours },
    { report: "campaign-funnel:read-curve" },
  );
  const perHour = Array.from({ length: CURVE_HOURS + 1 }, () => 0);
  for (const r of rows) perHour[Number(r.hour)] += Number(r.reads);
  let running = 0;
  return perHour.map((n) => (running += n));
}
