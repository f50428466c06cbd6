import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { campaignBreakdown } from "@/clickhouse/queries/campaign-breakdowns";
import { ratio, STAGES, type Stage } from "@/clickhouse/queries/campaign-common";
import { billableOfCampaigns, campaignBillable, getWorkspacePrices } from "@/clickhouse/queries/campaign-cost";
import { campaignConversions, conversionsOfCampaigns, mainCurrency } from "@/clickhouse/queries/conversions";
import { compareCampaigns } from "@/clickhouse/queries/campaign-compare";
import { campaignStageContacts, campaignStageCount, writeStageAsSegmentMembers } from "@/clickhouse/queries/campaign-contacts";
import {
  campaignFailures,
  campaignFunnel,
  campaignInfo,
  campaignReadCurve,
  CURVE_HOURS,
  READ_DELAY_BUCKETS,
} from "@/clickhouse/queries/campaign-funnel";
import { CAMPAIGN_SORTS, campaignDays, listCampaigns, type CampaignDay, type CampaignSort } from "@/clickhouse/queries/campaign-list";
import { campaignTiming } from "@/clickhouse/queries/campaign-timing";
import { writeSavedSegment } from "@/clickhouse/queries/segments/saved";
import { CAN_EDIT_AUDIENCE } from "../auth/roles";
import { campaignCost } from "../domain/campaign-cost";
import { conversionFigures } from "../domain/conversion-figures";
import { breakdownBySchema, describeGroup, groupFilterSchema, MAX_GROUPS, SMALL_GROUP } from "@/clickhouse/vocabulary/campaign-groups";
import { bestSlots, FEW_DELIVERIES } from "../domain/campaign-timing";
import { requireKnownAttribute } from "./campaign-groups";
import { previousRange, zoneDay, zoneMinute } from "@/clickhouse/vocabulary/dates";
import { rangeInput, resolveRange } from "@/server/schemas/report-range";
import { router, workspaceProcedure, workspaceProcedureFor } from "../trpc/init";
import { attributionWindow, replyWindow } from "@/server/schemas/campaign-windows";

/**
 * Campaign analytics: the list of a date range with its totals and daily read
 * rate, one campaign's funnel, failures and read speed, the contacts of a
 * stage, and "save these contacts as a segment". Reads are open to every
 * member; saving a segment is for admins and marketers, as in Segments.
 */

const sortKeys = Object.keys(CAMPAIGN_SORTS) as [CampaignSort, ...CampaignSort[]];
const campaignId = z.string().min(1, "campaignId is required").max(200, "a campaign id has at most 200 characters");
const stage = z.enum(STAGES, { error: `stage must be one of ${STAGES.join(", ")}` });
const stageInput = z
  .object({
    campaignId,
    stage,
    errorCode: z.number().int().min(-2_147_483_648).max(2_147_483_647).optional(),
    /** A breakdown cell: only this group's recipients. */
    group: groupFilterSchema.optional(),
    ...replyWindow,
    ...attributionWindow,
  })
  .refine((s) => s.errorCode === undefined || s.stage === "failed", {
    message: "an error code narrows only the failed stage",
    path: ["errorCode"],
  });

const STAGE_WORDS: Record<Stage, string> = {
  sent: "Sent",
  delivered: "Delivered",
  read: "Read",
  replied: "Replied",
  converted: "Converted",
  ignored: "Ignored (delivered, not read)",
  failed: "Failed",
  optedOut: "Opted out within 72 h",
};

async function requireCampaign(ctx: { store: Parameters<typeof campaignInfo>[0]; workspace: { id: string } }, id: string) {
  const info = await campaignInfo(ctx.store, ctx.workspace.id, id);
  if (!info) throw new TRPCError({ code: "NOT_FOUND", message: "This campaign does not exist in this workspace." });
  return info;
}

/** The totals of a range's campaigns, from their days. */
function totalsOf(days: CampaignDay[]) {
  const sum = (k: "campaigns" | "recipients" | "delivered" | "read" | "replied" | "failed") => days.reduce((s, d) => s + d[k], 0);
  const totals = {
    campaigns: sum("campaigns"),
    recipients: sum("recipients"),
    delivered: sum("delivered"),
    read: sum("read"),
    replied: sum("replied"),
    failed: sum("failed"),
  };
  const rate = (part: number) => ratio(part, totals.delivered);
  return { ...totals, readRate: rate(totals.read), ignoredRate: rate(totals.delivered - totals.read), replyRate: rate(totals.replied) };
}

export const campaignsRouter = router({
  /** A page of the range's campaigns. */
  list: workspaceProcedure
    .input(
      z.intersection(
        rangeInput,
        z.object({
          search: z.string().trim().max(200, "search for at most 200 characters").default(""),
          sort: z.enum(sortKeys, { error: `sort by one of ${sortKeys.join(", ")}` }).default("sentAt"),
          direction: z.enum(["asc", "desc"], { error: "direction must be asc or desc" }).default("desc"),
          page: z.number().int().min(0, "pages start at 0").max(10_000).default(0),
          pageSize: z.number().int().min(1).max(200).default(25),
          ...attributionWindow,
        }),
      ),
    )
    .query(async ({ ctx, input }) => {
      const ws = ctx.workspace.id;
      const range = resolveRange(input, ctx.workspace.timeZone);
      const prices = await getWorkspacePrices(ctx.store, ws);
      const currency = await mainCurrency(ctx.store, ws, prices?.currency ?? null);
      const { rows, total } = await listCampaigns(ctx.store, ws, range, {
        search: input.search,
        sort: input.sort,
        direction: input.direction,
        limit: input.pageSize,
        offset: input.page * input.pageSize,
        attributionDays: input.attributionDays,
        currency: currency ?? "",
      });
      // The page's revenue per currency and cost: a few rows per campaign shown.
      const ids = rows.map((r) => r.campaignId);
      const [conversions, billable] = await Promise.all([
        conversionsOfCampaigns(ctx.store, ws, ids, input.attributionDays),
        billableOfCampaigns(ctx.store, ws, ids),
      ]);
      const withConversions = rows.map((r) => {
        const counts = conversions.get(r.campaignId) ?? { conversions: 0, engaged: 0, converted: 0, withoutValue: 0, revenue: [] };
        const cost = campaignCost(billable.get(r.campaignId) ?? [], prices, r);
        return { ...r, ...conversionFigures(counts, r, cost) };
      });
      return {
        range,
        rows: withConversions,
        total,
        page: input.page,
        pageSize: input.pageSize,
        attributionDays: input.attributionDays,
        /** The currency the revenue columns sort on (null: no conversion has a value yet). */
        sortCurrency: currency,
      };
    }),

  /** Totals of the range and the read rate of each day's campaigns. */
  summary: workspaceProcedure.input(rangeInput).query(async ({ ctx, input }) => {
    const range = resolveRange(input, ctx.workspace.timeZone);
    const before = previousRange(range);
    const [days, previousDays] = await Promise.all([
      campaignDays(ctx.store, ctx.workspace.id, range),
      before ? campaignDays(ctx.store, ctx.workspace.id, before) : null,
    ]);
    return {
      range,
      totals: totalsOf(days),
      days,
      /** The same figures over the period of the same length before the range, for the cards' change. */
      previous: before && previousDays ? { range: before, totals: totalsOf(previousDays) } : null,
    };
  }),

  /** One campaign: its funnel, failures by error and how fast it was read. */
  report: workspaceProcedure.input(z.object({ campaignId, ...replyWindow, ...attributionWindow })).query(async ({ ctx, input }) => {
    const ws = ctx.workspace.id;
    const hours = input.replyWindowHours;
    const [info, funnel, failures, readsWithin, billable, prices, conversions] = await Promise.all([
      requireCampaign(ctx, input.campaignId),
      campaignFunnel(ctx.store, ws, input.campaignId, hours),
      campaignFailures(ctx.store, ws, input.campaignId, hours),
      campaignReadCurve(ctx.store, ws, input.campaignId, hours),
      campaignBillable(ctx.store, ws, input.campaignId),
      getWorkspacePrices(ctx.store, ws),
      campaignConversions(ctx.store, ws, input.campaignId, input.attributionDays),
    ]);
    const { counts } = funnel;
    const cost = campaignCost(billable, prices, counts);
    const steps: Array<{ stage: "sent" | "delivered" | "read" | "replied" | "converted"; count: number; ofSent: number | null; ofPrevious: number | null }> = (
      ["sent", "delivered", "read", "replied"] as const
    ).map((key, i, keys) => ({
      stage: key,
      count: counts[key],
      ofSent: ratio(counts[key], counts.sent),
      ofPrevious: i === 0 ? ratio(counts[key], counts.sent) : ratio(counts[key], counts[keys[i - 1]]),
    }));
    // Converted follows replied, counted of delivered: a conversion needs a delivery, not a reply.
    steps.push({
      stage: "converted",
      count: conversions.converted,
      ofSent: ratio(conversions.converted, counts.sent),
      ofPrevious: ratio(conversions.converted, counts.delivered),
    });
    return {
      campaign: info,
      counts,
      steps,
      ignored: { count: counts.ignored, ofDelivered: ratio(counts.ignored, counts.delivered) },
      failed: { count: counts.failed, ofSent: ratio(counts.failed, counts.sent), byError: failures },
      // Opted out of marketing within 72 h after their delivery, as a share of delivered.
      optedOut: { count: counts.optedOut, ofDelivered: ratio(counts.optedOut, counts.delivered) },
      readDelay: READ_DELAY_BUCKETS.map(([label], i) => ({ label, reads: funnel.readDelay[i] })),
      // Share of delivered recipients who had read within h hours of the send.
      readCurve: readsWithin.map((reads, hour) => ({ hour, reads, share: ratio(reads, counts.delivered) })),
      curveHours: CURVE_HOURS,
      replyWindowHours: hours,
      cost,
      attributionDays: input.attributionDays,
      conversions: conversionFigures(conversions, { recipients: counts.sent, delivered: counts.delivered }, cost),
    };
  }),

  /** The funnel split by tag, first-message tag, source or an attribute's value; small groups flagged. */
  breakdown: workspaceProcedure.input(z.object({ campaignId, by: breakdownBySchema, ...replyWindow })).query(async ({ ctx, input }) => {
    await Promise.all([requireCampaign(ctx, input.campaignId), requireKnownAttribute(ctx.store, ctx.workspace.id, input.by)]);
    const rows = await campaignBreakdown(ctx.store, ctx.workspace.id, input.campaignId, input.by, MAX_GROUPS, input.replyWindowHours);
    return {
      smallBelow: SMALL_GROUP,
      maxGroups: MAX_GROUPS,
      rows: rows.map((r) => ({ ...r, readRate: ratio(r.read, r.delivered), replyRate: ratio(r.replied, r.delivered), small: r.recipients < SMALL_GROUP })),
    };
  }),

  /** When it works: read rate by weekday and hour of delivery over the range's campaigns, and the best hours. */
  timing: workspaceProcedure.input(rangeInput).query(async ({ ctx, input }) => {
    const range = resolveRange(input, ctx.workspace.timeZone);
    // Weekdays and hours in the workspace's zone, which the page names.
    const cells = (await campaignTiming(ctx.store, ctx.workspace.id, range)).map((c) => ({ ...c, few: c.delivered < FEW_DELIVERIES }));
    const totals = { delivered: cells.reduce((s, c) => s + c.delivered, 0), read: cells.reduce((s, c) => s + c.read, 0) };
    return { range, timeZone: range.timeZone, fewBelow: FEW_DELIVERIES, cells, totals, best: bestSlots(cells) };
  }),

  /** Two to five campaigns side by side: funnel, rates and the cumulative read curve. */
  compare: workspaceProcedure
    .input(
      z.object({
        campaignIds: z
          .array(campaignId)
          .min(2, "pick at least 2 campaigns to compare")
          .max(5, "compare at most 5 campaigns at a time")
          .refine((ids) => new Set(ids).size === ids.length, "pick each campaign once"),
        ...replyWindow,
      }),
    )
    .query(async ({ ctx, input }) => {
      const found = await compareCampaigns(ctx.store, ctx.workspace.id, input.campaignIds, input.replyWindowHours);
      const missing = input.campaignIds.filter((id) => !found.some((c) => c.campaignId === id));
      if (missing.length) throw new TRPCError({ code: "NOT_FOUND", message: `No campaign ${missing.map((m) => `“${m}”`).join(", ")} in this workspace.` });
      return found.map(({ readsWithin, ...c }) => ({
        ...c,
        readRate: ratio(c.read, c.delivered),
        ignoredRate: ratio(c.ignored, c.delivered),
        replyRate: ratio(c.replied, c.delivered),
        readCurve: readsWithin.map((reads, hour) => ({ hour, reads, share: ratio(reads, c.delivered) })),
      }));
    }),

  /** The contacts of one stage, a page at a time, by phone. */
  contacts: workspaceProcedure
    .input(
      z.intersection(
        stageInput,
        z.object({
          page: z.number().int().min(0, "pages start at 0").max(10_000).default(0),
          pageSize: z.number().int().min(1).max(200).default(25),
        }),
      ),
    )
    .query(async ({ ctx, input }) => {
      await Promise.all([requireCampaign(ctx, input.campaignId), requireKnownAttribute(ctx.store, ctx.workspace.id, input.group)]);
      const result = await campaignStageContacts(
        ctx.store,
        ctx.workspace.id,
        input.campaignId,
        {
          stage: input.stage,
          errorCode: input.errorCode,
          group: input.group,
          replyWindowHours: input.replyWindowHours,
          attributionDays: input.attributionDays,
        },
        { limit: input.pageSize, offset: input.page * input.pageSize },
      );
      return { ...result, page: input.page, pageSize: input.pageSize };
    }),

  /** A static segment of a stage's contacts as they are now. */
  saveAsSegment: workspaceProcedureFor(CAN_EDIT_AUDIENCE)
    .input(
      z.intersection(
        stageInput,
        z.object({ name: z.string().trim().min(1, "give the segment a name").max(120, "a name has at most 120 characters").optional() }),
      ),
    )
    .mutation(async ({ ctx, input }) => {
      const ws = ctx.workspace.id;
      const [info] = await Promise.all([requireCampaign(ctx, input.campaignId), requireKnownAttribute(ctx.store, ws, input.group)]);
      const filter = {
        stage: input.stage,
        errorCode: input.errorCode,
        group: input.group,
        replyWindowHours: input.replyWindowHours,
        attributionDays: input.attributionDays,
      };
      const size = await campaignStageCount(ctx.store, ws, input.campaignId, filter);
      if (size === 0) throw new TRPCError({ code: "BAD_REQUEST", message: "Nobody is in this stage, so there is nothing to save." });
      // Stage words in lower case; a group keeps its tag or value as written.
      const stageWords = `${STAGE_WORDS[input.stage]}${input.errorCode !== undefined ? ` with error ${input.errorCode}` : ""}`.toLowerCase();
      const what = `${stageWords}${input.group ? `, ${describeGroup(input.group)}` : ""}`;
      const now = new Date();
      const zone = ctx.workspace.timeZone;
      const name = (input.name ?? `${info.name}: ${what} (${zoneDay(now, zone)})`).slice(0, 120);
      const segmentId = randomUUID();
      await writeStageAsSegmentMembers(ctx.store, ws, input.campaignId, filter, segmentId);
      // The same shape as Segments' static lists: the filter is the one rule "on this list".
      const segmentFilter = JSON.stringify({ kind: "group", join: "and", children: [{ kind: "staticList", segmentId }] });
      await writeSavedSegment(
        ctx.store,
        ws,
        {
          segmentId,
          name,
          description: `Contacts of campaign “${info.name}” in stage ${what}, on ${zoneMinute(now, zone)} ${zone}`,
          kind: "static",
          filter: segmentFilter,
          createdBy: ctx.userId,
          updatedBy: ctx.userId,
        },
        { action: "created", summary: `Saved ${size} contacts from campaign “${info.name}” (${what})`, by: ctx.userId },
      );
      return { segmentId, name, size };
    }),
});
