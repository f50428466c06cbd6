/**
 * Campaign report queries for scripts/bench.ts: the list page as the screen
 * reads it, the page of campaigns and then its conversions and billable
 * messages (landing view, a sort by read rate, a search; the totals and daily
 * read rate apart), and the
 * report of the campaign with the most recipients (the worst case): funnel,
 * failures, read curve, a drill-down page and a deep one, its breakdowns (tag,
 * attribute, first-message tag, source) and a breakdown cell's contacts, a
 * comparison of the five largest (its list lookup included), the cost
 * (billable messages by category), and the weekday × hour read rates of 90
 * days. The funnel is timed with the default 72 h reply window and a 7-day
 * one (a wider window reads more inbound messages).
 */
import type { Store } from "@/clickhouse/client";
import { campaignBreakdown } from "@/clickhouse/queries/campaign-breakdowns";
import { compareCampaigns } from "@/clickhouse/queries/campaign-compare";
import { billableOfCampaigns, campaignBillable } from "@/clickhouse/queries/campaign-cost";
import { campaignStageContacts } from "@/clickhouse/queries/campaign-contacts";
import { campaignFailures, campaignFunnel, campaignInfo, campaignReadCurve } from "@/clickhouse/queries/campaign-funnel";
import { campaignDays, listCampaigns } from "@/clickhouse/queries/campaign-list";
import { campaignTiming } from "@/clickhouse/queries/campaign-timing";
import { conversionsOfCampaigns } from "@/clickhouse/queries/conversions";
import { DEFAULT_ATTRIBUTION_DAYS } from "@/clickhouse/vocabulary/attribution";
import { daysBack as daysBackFrom } from "./range";
import type { BenchQuery } from "./stats";

export function campaignBenchQueries(store: Store, workspaceId: string, now: Date): BenchQuery[] {
  const daysBack = (n: number) => daysBackFrom(now, n);
  const page = { search: "", sort: "sentAt", direction: "desc", limit: 25, offset: 0 } as const;
  const group = "campaigns";

  // Looked up once, during the warm-up runs of the first query that needs it.
  let biggest: Promise<string> | undefined;
  const campaign = () =>
    (biggest ??= listCampaigns(store, workspaceId, daysBack(366), { ...page, sort: "recipients", limit: 1 }).then(
      (r) => r.rows[0]?.campaignId ?? "",
    ));
  const withCampaign = <T>(run: (id: string) => Promise<T>) => async () => run(await campaign());
  // The statements of campaigns.list (server/routers/campaigns.ts): the page, then its figures side by side.
  const listPage = async (days: number, options: Partial<Parameters<typeof listCampaigns>[3]> = {}) => {
    const { rows } = await listCampaigns(store, workspaceId, daysBack(days), { ...page, ...options });
    const ids = rows.map((r) => r.campaignId);
    return Promise.all([conversionsOfCampaigns(store, workspaceId, ids, DEFAULT_ATTRIBUTION_DAYS), billableOfCampaigns(store, workspaceId, ids)]);
  };

  return [
    { group, name: "list 30 d", run: () => listPage(30) },
    { group, name: "list 90 d by read rate", run: () => listPage(90, { sort: "readRate" }) },
    { group, name: "list 90 d search 'sale'", run: () => listPage(90, { search: "sale" }) },
    { group, name: "totals + daily read rate 90 d", run: () => campaignDays(store, workspaceId, daysBack(90)) },
    { group, name: "biggest: info", run: withCampaign((id) => campaignInfo(store, workspaceId, id)) },
    { group, name: "biggest: funnel + read delay", run: withCampaign((id) => campaignFunnel(store, workspaceId, id)) },
    { group, name: "biggest: funnel, 7 d reply window", run: withCampaign((id) => campaignFunnel(store, workspaceId, id, 168)) },
    { group, name: "biggest: billable by category", run: withCampaign((id) => campaignBillable(store, workspaceId, id)) },
    { group, name: "biggest: failures by error", run: withCampaign((id) => campaignFailures(store, workspaceId, id)) },
    { group, name: "biggest: read curve 72 h", run: withCampaign((id) => campaignReadCurve(store, workspaceId, id)) },
    {
      group,
      name: "biggest: ignored, page 1",
      run: withCampaign((id) => campaignStageContacts(store, workspaceId, id, { stage: "ignored" }, { limit: 25, offset: 0 })),
    },
    {
      group,
      name: "biggest: sent, page 100",
      run: withCampaign((id) => campaignStageContacts(store, workspaceId, id, { stage: "sent" }, { limit: 25, offset: 2475 })),
    },
    { group, name: "biggest: breakdown by tag", run: withCampaign((id) => campaignBreakdown(store, workspaceId, id, { dimension: "tag" })) },
    {
      group,
      name: "biggest: breakdown by attribute plan",
      run: withCampaign((id) => campaignBreakdown(store, workspaceId, id, { dimension: "attribute", attribute: "plan" })),
    },
    {
      group,
      name: "biggest: breakdown by first-message tag",
      run: withCampaign((id) => campaignBreakdown(store, workspaceId, id, { dimension: "firstMessageTag" })),
    },
    { group, name: "biggest: breakdown by source", run: withCampaign((id) => campaignBreakdown(store, workspaceId, id, { dimension: "source" })) },
    {
      group,
      name: "biggest: read, source organic, page 1",
      run: withCampaign((id) =>
        campaignStageContacts(store, workspaceId, id, { stage: "read", group: { dimension: "source", value: "organic" } }, { limit: 25, offset: 0 }),
      ),
    },
    { group, name: "when it works 90 d", run: () => campaignTiming(store, workspaceId, daysBack(90)) },
    {
      group,
      name: "compare 5 largest",
      run: async () => {
        const top = await listCampaigns(store, workspaceId, daysBack(90), { ...page, sort: "recipients", limit: 5 });
        return compareCampaigns(store, workspaceId, top.rows.map((r) => r.campaignId));
      },
    },
  ];
}

/** The funnel of the campaign with the most recipients, with a chosen reply window: the bench's slow report. */
export async function biggestFunnel(store: Store, workspaceId: string, now: Date, replyWindowHours: number) {
  const page = { search: "", sort: "recipients", direction: "desc", limit: 1, offset: 0 } as const;
  const { rows } = await listCampaigns(store, workspaceId, daysBackFrom(now, 366), page);
  return campaignFunnel(store, workspaceId, rows[0]?.campaignId ?? "", replyWindowHours);
}
