import type { Store } from "../client";
import { CAMPAIGN_COUNTS_SQL, CAMPAIGN_META_SQL, DEFAULT_REPLY_WINDOW_HOURS, isoTime, SOME_CAMPAIGNS, recipientsSql } from "./campaign-common";
import { CURVE_HOURS } from "./campaign-funnel";

/**
 * A few campaigns side by side: each one's funnel counts and its cumulative
 * reads by hours since sending, by the same rules as one campaign's report.
 */

export interface ComparedCampaign {
  campaignId: string;
  name: string;
  sentAt: string | null;
  sent: number;
  delivered: number;
  read: number;
  replied: number;
  ignored: number;
  failed: number;
  /** readsWithin[h]: recipients who had read within h hours of their send (h = 0…CURVE_HOURS). */
  readsWithin: number[];
}

export async function compareCampaigns(
  store: Store,
  workspaceId: string,
  campaignIds: string[],
  replyWindowHours = DEFAULT_REPLY_WINDOW_HOURS,
): Promise<ComparedCampaign[]> {
  const params = { workspaceId, campaignIds, hours: CURVE_HOURS, replyWindowHours };
  const [counts, curve, meta] = await Promise.all([
    // Under the default window the counts are the list's, summed from campaign_stats (a read is
    // always delivered, so ignored = delivered - read); another window counts its recipients.
    store.query<Record<string, string | null>>(
      replyWindowHours === DEFAULT_REPLY_WINDOW_HOURS
        ? `SELECT campaign_id, recipients AS sent, delivered, read, replied, delivered - read AS ignored, failed, first_sent
           FROM (${CAMPAIGN_COUNTS_SQL})
           WHERE campaign_id IN {campaignIds:Array(String)}`
        : `SELECT campaign_id, count() AS sent,
                  countIf(delivered_eff IS NOT NULL) AS delivered,
                  countIf(read_eff IS NOT NULL) AS read,
                  countIf(replied_at IS NOT NULL) AS replied,
                  countIf(delivered_eff IS NOT NULL AND read_eff IS NULL) AS ignored,
                  countIf(failed_eff IS NOT NULL) AS failed,
                  min(sent_eff) AS first_sent
           FROM (${recipientsSql(SOME_CAMPAIGNS, replyWindowHours)})
           GROUP BY campaign_id`,
      params,
      { report: "campaign-compare:counts" },
    ),
    store.query<{ campaign_id: string; hour: string; reads: string }>(
      `SELECT campaign_id, greatest(0, toInt64(ceil(dateDiff('millisecond', sent_eff, read_eff) / 3600000))) AS hour, count() AS reads
       FROM (${recipientsSql(SOME_CAMPAIGNS, replyWindowHours)})
       WHERE read_eff IS NOT NULL
       GROUP BY campaign_id, hour
       HAVING hour <= {hours:UInt32}`,
      params,
      { report: "campaign-compare:read-curve" },
    ),
    store.query<{ campaign_id: string; name: string; meta_sent_at: string | null }>(
      `SELECT campaign_id, name, meta_sent_at FROM (${CAMPAIGN_META_SQL}) WHERE campaign_id IN {campaignIds:Array(String)}`,
      params,
      { report: "campaign-compare:names" },
    ),
  ]);
  const byId = new Map(counts.map((c) => [String(c.campaign_id), c]));
  const metaById = new Map(meta.map((m) => [m.campaign_id, m]));
  // Keep the order asked for; a campaign the workspace does not know is left out.
  return campaignIds
    .filter((id) => byId.has(id) || metaById.has(id))
    .map((id) => {
      const c = byId.get(id);
      const m = metaById.get(id);
      const perHour = Array.from({ length: CURVE_HOURS + 1 }, () => 0);
      for (const r of curve) if (r.campaign_id === id) perHour[Number(r.hour)] += Number(r.reads);
      let running = 0;
      const n = (k: string) => Number(c?.[k] ?? 0);
      return {
        campaignId: id,
        name: m?.name || id,
        sentAt: isoTime(m?.meta_sent_at ?? c?.first_sent ?? null),
        sent: n("sent"),
        delivered: n("delivered"),
        read: n("read"),
        replied: n("replied"),
        ignored: n("ignored"),
        failed: n("failed"),
        readsWithin: perHour.map((x) => (running += x)),
      };
    });
}
