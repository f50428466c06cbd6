import { z } from "zod";
import { campaignTotals, contactStatusCounts, messagesPerDay, optedOutContacts } from "@/clickhouse/queries/overview";
import { router, workspaceProcedure } from "../trpc/init";
import type { Store } from "@/clickhouse/client";
import type { DayRange } from "@/clickhouse/queries/day-range";
import { previousRange } from "@/clickhouse/vocabulary/dates";
import { rangeInput, resolveRange } from "@/server/schemas/report-range";

/** What the range-bound KPIs were over `range`: their baseline. */
async function previousFigures(store: Store, workspaceId: string, range: DayRange) {
  const [perDay, campaigns] = await Promise.all([messagesPerDay(store, workspaceId, range), campaignTotals(store, workspaceId, range)]);
  return { range: { from: range.from, to: range.to }, messages: perDay.reduce((sum, d) => sum + d.inbound + d.outbound, 0), campaignsSent: campaigns.sentInRange };
}

const summaryOutput = z.object({
  /** The days shown, in the zone named. */
  range: z.object({ from: z.string(), to: z.string(), timeZone: z.string() }),
  contacts: z.object({
    total: z.number(),
    active: z.number(),
    requesting: z.number(),
    intervened: z.number(),
    closed: z.number(),
    history: z.number(),
  }),
  openUnresolved: z.number(),
  campaigns: z.object({ total: z.number(), sentInRange: z.number() }),
  messagesPerDay: z.array(z.object({ day: z.string(), inbound: z.number(), outbound: z.number() })),
  /** The range's figures over the period of the same length before it (null before the first day the store holds). */
  previous: z.object({ range: z.object({ from: z.string(), to: z.string() }), messages: z.number(), campaignsSent: z.number() }).nullable(),
  /** Opted out of marketing at the range's end, the range's new opt-outs, and the count at the previous period's end. */
  optedOut: z.object({ atEnd: z.number(), newInRange: z.number(), atPreviousEnd: z.number().nullable() }),
});

export const overviewRouter = router({
  summary: workspaceProcedure
    .input(rangeInput)
    .output(summaryOutput)
    .query(async ({ ctx, input }) => {
      const now = new Date();
      const range = resolveRange(input, ctx.workspace.timeZone, now.getTime());
      const ws = ctx.workspace.id;
      // Independent reads: the store's pool runs them side by side.
      const before = previousRange(range);
      const [status, perDay, campaigns, previous, optedOut] = await Promise.all([
        contactStatusCounts(ctx.store, ws, now),
        messagesPerDay(ctx.store, ws, range),
        campaignTotals(ctx.store, ws, range),
        before ? previousFigures(ctx.store, ws, before) : null,
        optedOutContacts(ctx.store, ws, range, before),
      ]);
      const { openRequests, ...contacts } = status;
      return { range, contacts, openUnresolved: openRequests, campaigns, messagesPerDay: perDay, previous, optedOut };
    }),
});
