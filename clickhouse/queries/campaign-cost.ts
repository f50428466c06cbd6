import type { Store } from "../client";
import { nextVersion } from "../version";
import type { RefreshScope } from "./read-models";

/**
 * What a campaign cost: its billable messages by WhatsApp pricing category,
 * from the pricing Meta puts on status webhooks (billable_messages, 0028: one
 * row per message however many statuses repeated the pricing) and counted
 * per campaign as ingestion rounds touch it (campaign_billable_counts, 0032), and the
 * workspace's prices per message, set by admins in Manage.
 */

/** The categories Meta prices; a status may name another one, which is counted but has no price here. */
export const PRICED_CATEGORIES = ["marketing", "utility", "authentication", "service"] as const;
export type PricedCategory = (typeof PRICED_CATEGORIES)[number];

export interface WorkspacePrices {
  /** ISO 4217, e.g. USD or INR. */
  currency: string;
  /** Price per message; null when not set. */
  prices: Record<PricedCategory, number | null>;
  updatedBy: string;
  updatedAt: string | null;
}

/** Billable messages of one campaign by category, most first. */
export async function campaignBillable(
  store: Store,
  workspaceId: string,
  campaignId: string,
): Promise<Array<{ category: string; messages: number }>> {
  const categories = (await billableOfCampaigns(store, workspaceId, [campaignId])).get(campaignId) ?? [];
  return categories.sort((a, b) => b.messages - a.messages || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
}

/** Billable messages by category of several campaigns (a page of the list), by campaign id. */
export async function billableOfCampaigns(
  store: Store,
  workspaceId: string,
  campaignIds: readonly string[],
): Promise<Map<string, Array<{ category: string; messages: number }>>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await store.query<{ campaign_id: string; category: string; messages: string }>(
    `SELECT campaign_id, category, n AS messages
     FROM campaign_billable_counts FINAL
     ARRAY JOIN mapKeys(counts) AS category, mapValues(counts) AS n
     WHERE workspace_id = {workspaceId:String} AND campaign_id IN {campaignIds:Array(String)}`,
    { workspaceId, campaignIds },
    { report: "campaign-billable" },
  );
  const out = new Map<string, Array<{ category: string; messages: number }>>();
  for (const r of rows) {
    const list = out.get(r.campaign_id) ?? [];
    list.push({ category: r.category, messages: Number(r.messages) });
    out.set(r.campaign_id, list);
  }
  return out;
}

/**
 * Counts again the billable messages of the campaigns a round touched (all
 * of a workspace's for a rebuild): a campaign's row is a function of
 * billable_messages, so writing it twice changes nothing.
 */
export async function refreshCampaignBillable(store: Store, workspaceId: string, scope: RefreshScope, version: number) {
  const campaigns = scope.all ? [] : (scope.billed ?? []);
  if (!scope.all && campaigns.length === 0) return;
  await store.command(
    `INSERT INTO campaign_billable_counts (workspace_id, campaign_id, counts, version)
     SELECT {workspaceId:String}, campaign_id, mapFromArrays(groupArray(category), groupArray(n)), {version:UInt64}
     FROM (
       SELECT campaign_id, category, count() AS n
       FROM billable_messages FINAL
       WHERE workspace_id = {workspaceId:String} AND ${scope.all ? "1" : "campaign_id IN {campaigns:Array(String)}"}
       GROUP BY campaign_id, category
     )
     GROUP BY campaign_id`,
    { workspaceId, version, campaigns },
    { report: "read-models:campaign-billable" },
  );
}

/** The backfill of 0032: every workspace's campaigns counted by the rounds' own statement, so an upgraded store cannot disagree with one that followed them. */
export async function backfillCampaignBillable(store: Store, log: (line: string) => void = () => {}) {
  const workspaces = await store.query<{ workspace_id: string }>("SELECT DISTINCT workspace_id FROM billable_messages", {}, {
    report: "campaign-billable:workspaces",
    tenant: "exempt: the upgrade lists the workspaces with billable messages to count each one",
  });
  for (const { workspace_id: workspaceId } of workspaces) {
    await refreshCampaignBillable(store, workspaceId, { all: true }, nextVersion());
    log(`billable messages of ${workspaceId} counted per campaign`);
  }
}

/** The workspace's prices, or null when none were ever saved. */
export async function getWorkspacePrices(store: Store, workspaceId: string): Promise<WorkspacePrices | null> {
  const rows = await store.query<Record<string, string | number | null>>(
    `SELECT currency, toString(marketing) AS marketing, toString(utility) AS utility,
            toString(authentication) AS authentication, toString(service) AS service,
            updated_by, updated_at, is_deleted
     FROM workspace_prices
     WHERE workspace_id = {workspaceId:String}
     ORDER BY version DESC
     LIMIT 1`,
    { workspaceId },
    { report: "workspace-prices" },
  );
  const r = rows[0];
  if (!r || Number(r.is_deleted)) return null;
  const price = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    currency: String(r.currency),
    prices: {
      marketing: price(r.marketing),
      utility: price(r.utility),
      authentication: price(r.authentication),
      service: price(r.service),
    },
    updatedBy: String(r.updated_by ?? ""),
    updatedAt: r.updated_at ? `${String(r.updated_at).replace(" ", "T")}Z` : null,
  };
}

/** Saves a new version of the prices. Decimal text, so 0.0107 is stored as 0.0107, not as the nearest double. */
export async function setWorkspacePrices(
  store: Store,
  workspaceId: string,
  input: { currency: string; prices: Record<PricedCategory, number | null>; updatedBy: string },
): Promise<void> {
  const decimal = (v: number | null) => (v === null ? null : v.toFixed(6));
  await store.insert("workspace_prices", [
    {
      workspace_id: workspaceId,
      currency: input.currency,
      marketing: decimal(input.prices.marketing),
      utility: decimal(input.prices.utility),
      authentication: decimal(input.prices.authentication),
      service: decimal(input.prices.service),
      updated_by: input.updatedBy,
      updated_at: Date.now(),
      version: nextVersion(),
      is_deleted: 0,
    },
  ]);
}
