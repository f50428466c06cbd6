import type { Store } from "../client";

/**
 * What campaigns earned, from the `conversions` read model (0019): each
 * counted conversion carries its last touch (the campaign delivered to the
 * contact last at or before it) and whether the contact replied to that
 * campaign. A report's attribution window (days) is a filter on read, so any
 * window from 1 to 30 days reads the same rows.
 *
 * Revenue is a list per currency, never summed across currencies.
 */

/**
 * The conversions attributed under the report's window, as a predicate over a
 * row of `conversions` (needs `{attributionDays:UInt8}`): within N days of the
 * delivery of its last touch, both ends included.
 */
export const ATTRIBUTED_SQL = "campaign_id != '' AND ts <= delivered_at + toIntervalDay({attributionDays:UInt8})";

/** The contacts who converted after one campaign (`{campaignId:String}`): the funnel's Converted stage. */
export const CONVERTED_CONTACTS_SQL = `
  SELECT contact FROM conversions FINAL
  WHERE workspace_id = {workspaceId:String} AND campaign_id = {campaignId:String} AND ${ATTRIBUTED_SQL}`;

export interface Revenue {
  currency: string;
  amount: number;
}

export interface ConversionCounts {
  /** Conversions attributed (a repeated order id once). */
  conversions: number;
  /** Of them, by contacts who replied to the campaign. */
  engaged: number;
  /** Contacts with at least one: the funnel's Converted stage. */
  converted: number;
  /** Conversions without a value. */
  withoutValue: number;
  /** Per currency, largest first. */
  revenue: Revenue[];
}

/** Per currency as sumMap gives it: (currencies, amounts). */
const REVENUE_SQL = "sumMapIf([currency], [toFloat64(assumeNotNull(value))], value IS NOT NULL AND currency != '')";

type Raw = Record<string, unknown>;

function revenueOf(raw: unknown): Revenue[] {
  const [currencies, amounts] = (raw as [string[], Array<number | string>] | null) ?? [[], []];
  return currencies
    .map((currency, i) => ({ currency, amount: Math.round(Number(amounts[i]) * 1e4) / 1e4 }))
    .sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency));
}

function countsOf(r: Raw | undefined): ConversionCounts {
  return {
    conversions: Number(r?.conversions ?? 0),
    engaged: Number(r?.engaged ?? 0),
    converted: Number(r?.converted ?? 0),
    withoutValue: Number(r?.without_value ?? 0),
    revenue: revenueOf(r?.revenue),
  };
}

const COUNTS_SQL = `count() AS conversions, countIf(engaged = 1) AS engaged, uniqExact(contact) AS converted,
       countIf(value IS NULL) AS without_value, ${REVENUE_SQL} AS revenue`;

/** One campaign's conversions under the window. */
export async function campaignConversions(
  store: Store,
  workspaceId: string,
  campaignId: string,
  attributionDays: number,
): Promise<ConversionCounts> {
  const [row] = await store.query<Raw>(
    `SELECT ${COUNTS_SQL}
     FROM conversions FINAL
     WHERE workspace_id = {workspaceId:String} AND campaign_id = {campaignId:String} AND ${ATTRIBUTED_SQL}`,
    { workspaceId, campaignId, attributionDays },
    { report: "campaign-conversions" },
  );
  return countsOf(row);
}

/** Several campaigns' conversions under the window (a page of the list), by campaign id. */
export async function conversionsOfCampaigns(
  store: Store,
  workspaceId: string,
  campaignIds: readonly string[],
  attributionDays: number,
): Promise<Map<string, ConversionCounts>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await store.query<Raw>(
    `SELECT campaign_id, ${COUNTS_SQL}
     FROM conversions FINAL
     WHERE workspace_id = {workspaceId:String} AND campaign_id IN {campaignIds:Array(String)} AND ${ATTRIBUTED_SQL}
     GROUP BY campaign_id`,
    { workspaceId, campaignIds, attributionDays },
    { report: "campaign-list-conversions" },
  );
  return new Map(rows.map((r) => [String(r.campaign_id), countsOf(r)]));
}

/**
 * Per campaign, what the list sorts on (attributed conversions, converting
 * contacts, revenue in `currency`), as a statement to join by campaign_id.
 * Needs `{attributionDays:UInt8}` and `{currency:String}`.
 */
export const LIST_CONVERSIONS_SQL = `
  SELECT campaign_id, count() AS conversions, uniqExact(contact) AS converted,
         sumIf(toFloat64(assumeNotNull(value)), value IS NOT NULL AND currency = {currency:String}) AS main_revenue
  FROM conversions FINAL
  WHERE workspace_id = {workspaceId:String} AND ${ATTRIBUTED_SQL}
  GROUP BY campaign_id`;

/**
 * The currency the list sorts revenue on: the workspace's price currency when
 * prices are set, else the one its conversions earned most in (by count of
 * valued conversions), else none.
 */
export async function mainCurrency(store: Store, workspaceId: string, priceCurrency: string | null): Promise<string | null> {
  if (priceCurrency) return priceCurrency;
  const [row] = await store.query<{ currency: string }>(
    `SELECT currency FROM conversions FINAL
     WHERE workspace_id = {workspaceId:String} AND currency != '' AND value IS NOT NULL
     GROUP BY currency ORDER BY count() DESC, currency LIMIT 1`,
    { workspaceId },
    { report: "conversions-main-currency" },
  );
  return row?.currency ?? null;
}

/** The conversion names and currencies a workspace has seen, for the segment builder's pickers. */
export async function conversionVocabulary(store: Store, workspaceId: string): Promise<{ conversionNames: string[]; currencies: string[] }> {
  const [row] = await store.query<{ names: string[]; currencies: string[] }>(
    `SELECT arraySort(groupUniqArray(200)(name)) AS names, arraySort(groupUniqArrayIf(50)(currency, currency != '')) AS currencies
     FROM conversion_events
     WHERE workspace_id = {workspaceId:String}`,
    { workspaceId },
    { report: "conversions-vocabulary" },
  );
  return { conversionNames: row?.names ?? [], currencies: row?.currencies ?? [] };
}
