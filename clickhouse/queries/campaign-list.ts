import type { Store } from "../client";
import { CAMPAIGN_COUNTS_SQL, CAMPAIGN_META_SQL, isoTime, ratio } from "./campaign-common";
import { rangeParams, type DayRange } from "./day-range";
import { LIST_CONVERSIONS_SQL } from "./conversions";
import { DEFAULT_ATTRIBUTION_DAYS } from "@/clickhouse/vocabulary/attribution";

/**
 * The campaign list of a date range, and its totals and read rate per day.
 *
 * A campaign belongs to the day it was sent, in the workspace's time zone: its
 * campaign.sent event, else its first recipient's send, else (never sent) the
 * day it was created. Campaigns
 * that reached people without a campaign.created event are listed too, under
 * their id. Rates divide by delivered, the people who could have read it.
 * Replies use the default reply window: the list compares campaigns, so they
 * all get the same one.
 */

export interface CampaignRow {
  campaignId: string;
  name: string;
  template: string;
  sentAt: string | null;
  recipients: number;
  delivered: number;
  read: number;
  replied: number;
  failed: number;
  /** read ÷ delivered */
  readRate: number | null;
  /** (delivered − read) ÷ delivered */
  ignoredRate: number | null;
  /** replied ÷ delivered */
  replyRate: number | null;
  /** Attributed conversions under the list's window (conversions.ts), and the contacts behind them. */
  conversions: number;
  converted: number;
}

/** Sort keys of the list: the client picks a key, the SQL comes from here. */
export const CAMPAIGN_SORTS = {
  // Case-insensitive, as people read a list of names.
  name: "lowerUTF8(name)",
  sentAt: "sent_at",
  recipients: "recipients",
  delivered: "delivered",
  read: "read",
  replied: "replied",
  failed: "failed",
  readRate: "read_rate",
  ignoredRate: "ignored_rate",
  replyRate: "reply_rate",
  conversions: "conversions",
  conversionRate: "conversion_rate",
  // Revenue in the list's main currency (conversions.ts, mainCurrency): currencies are never added up.
  revenue: "main_revenue",
  revenuePerRecipient: "revenue_per_recipient",
} as const;
export type CampaignSort = keyof typeof CAMPAIGN_SORTS;

/**
 * One row per campaign dated in the range, with its recipients' ticks counted:
 * campaign_stats (0011) keeps the counts per campaign and delivery bucket as
 * events arrive, so the list sums a few rows per campaign whatever the number
 * of recipients.
 */
export const CAMPAIGNS_IN_RANGE_SQL = `
  SELECT
    campaign_id,
    if(m.name = '', campaign_id, m.name) AS name,
    m.template AS template,
    coalesce(m.meta_sent_at, p.first_sent) AS sent_at,
    toDate(coalesce(m.meta_sent_at, p.first_sent, m.created_at), {timeZone:String}) AS day,
    p.recipients AS recipients,
    p.delivered AS delivered,
    p.read AS read,
    p.replied AS replied,
    p.failed AS failed,
    if(p.delivered = 0, NULL, p.read / p.delivered) AS read_rate,
    if(p.delivered = 0, NULL, (p.delivered - p.read) / p.delivered) AS ignored_rate,
    if(p.delivered = 0, NULL, p.replied / p.delivered) AS reply_rate
  FROM (${CAMPAIGN_META_SQL}) AS m
  FULL OUTER JOIN (${CAMPAIGN_COUNTS_SQL}) AS p USING (campaign_id)
  WHERE day BETWEEN {from:Date} AND {to:Date}`;

type Raw = Record<string, string | number | null>;

function toRow(r: Raw): CampaignRow {
  const n = (v: unknown) => Number(v ?? 0);
  const delivered = n(r.delivered);
  const read = n(r.read);
  const replied = n(r.replied);
  return {
    campaignId: String(r.campaign_id),
    name: String(r.name ?? ""),
    template: String(r.template ?? ""),
    sentAt: isoTime(r.sent_at),
    recipients: n(r.recipients),
    delivered,
    read,
    replied,
    failed: n(r.failed),
    readRate: ratio(read, delivered),
    ignoredRate: ratio(delivered - read, delivered),
    replyRate: ratio(replied, delivered),
    conversions: n(r.conversions),
    converted: n(r.converted),
  };
}

/** The range's campaigns with their conversions under the window and revenue in the main currency, to sort on. */
const LISTED_SQL = `
  SELECT c.*, v.conversions AS conversions, v.converted AS converted, v.main_revenue AS main_revenue,
         if(c.delivered = 0, NULL, v.converted / c.delivered) AS conversion_rate,
         if(c.recipients = 0, NULL, v.main_revenue / c.recipients) AS revenue_per_recipient
  FROM (${CAMPAIGNS_IN_RANGE_SQL}) AS c
  LEFT JOIN (${LIST_CONVERSIONS_SQL}) AS v ON v.campaign_id = c.campaign_id`;

/** A page of the list, searched by name (case-insensitive) and sorted by a whitelisted key. */
export async function listCampaigns(
  store: Store,
  workspaceId: string,
  range: DayRange,
  opts: {
    search: string;
    sort: CampaignSort;
    direction: "asc" | "desc";
    limit: number;
    offset: number;
    /** The attribution window (days; default 7) and the currency revenue sorts on ('' or left out: none). */
    attributionDays?: number;
    currency?: string;
  },
): Promise<{ rows: CampaignRow[]; total: number }> {
  const column = CAMPAIGN_SORTS[opts.sort];
  const direction = opts.direction === "asc" ? "ASC" : "DESC";
  // Rates are NULL without deliveries: those go last either way. The id breaks ties so pages never overlap.
  const rows = await store.query<Raw & { total: string }>(
    `SELECT *, count() OVER () AS total
     FROM (${LISTED_SQL})
     WHERE {search:String} = '' OR positionCaseInsensitiveUTF8(name, {search:String}) > 0
     ORDER BY ${column} ${direction} NULLS LAST, campaign_id ${direction}
     LIMIT {limit:UInt32} OFFSET {offset:UInt32}
     SETTINGS join_use_nulls = 0`,
    {
      workspaceId,
      ...rangeParams(range),
      search: opts.search,
      limit: opts.limit,
      offset: opts.offset,
      attributionDays: opts.attributionDays ?? DEFAULT_ATTRIBUTION_DAYS,
      currency: opts.currency ?? "",
    },
    { report: "campaign-list:page" },
  );
  if (rows.length === 0 && opts.offset > 0) {
    // Past the last page: the total still says how many there are.
    const [count] = await store.query<{ total: string }>(
      `SELECT count() AS total FROM (${CAMPAIGNS_IN_RANGE_SQL})
       WHERE {search:String} = '' OR positionCaseInsensitiveUTF8(name, {search:String}) > 0
       SETTINGS join_use_nulls = 0`,
      { workspaceId, ...rangeParams(range), search: opts.search },
      { report: "campaign-list:count" },
    );
    return { rows: [], total: Number(count?.total ?? 0) };
  }
  return { rows: rows.map(toRow), total: Number(rows[0]?.total ?? 0) };
}

export interface CampaignDay {
  day: string;
  campaigns: number;
  recipients: number;
  delivered: number;
  read: number;
  replied: number;
  failed: number;
  /** read ÷ delivered of the campaigns sent that day; null on a day without deliveries. */
  readRate: number | null;
  /** The names of the campaigns sent that day, most recipients first. */
  names: string[];
}

/** Campaigns of the range grouped by the day (of the zone) they were sent; every day present. */
export async function campaignDays(store: Store, workspaceId: string, range: DayRange): Promise<CampaignDay[]> {
  const rows = await store.query<Raw>(
    `SELECT day, count() AS campaigns, sum(recipients) AS recipients, sum(delivered) AS delivered,
            sum(read) AS read, sum(replied) AS replied, sum(failed) AS failed,
            arrayMap(x -> x.2, arrayReverseSort(groupArray((c.recipients, c.name)))) AS names
     FROM (${CAMPAIGNS_IN_RANGE_SQL}) AS c
     GROUP BY day
     ORDER BY day WITH FILL FROM {from:Date} TO {to:Date} + 1
     SETTINGS join_use_nulls = 0`,
    { workspaceId, ...rangeParams(range) },
    { report: "campaign-list:days" },
  );
  return rows.map((r) => {
    const delivered = Number(r.delivered);
    const read = Number(r.read);
    return {
      day: String(r.day),
      campaigns: Number(r.campaigns),
      recipients: Number(r.recipients),
      delivered,
      read,
      replied: Number(r.replied),
      failed: Number(r.failed),
      readRate: ratio(read, delivered),
      names: (r.names as unknown as string[] | null) ?? [],
    };
  });
}
