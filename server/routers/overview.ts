import { z } from "zod";
import { campaignTotals, contactStatusCounts, messagesPerDay } from "@/clickhouse/queries/overview";
import { router, workspaceProcedure } from "../trpc/init";
import { rangeInput, resolveRange } from "./range-input";

const summaryOutput = z.object({
  range: z.object({ from: z.string(), to: z.string() }),
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
});

export const overviewRouter = router({
  summary: workspaceProcedure
    .input(rangeInput)
    .output(summaryOutput)
    .query(async ({ ctx, input }) => {
      const now = new Date();
      const { from, to } = resolveRange(input);
      const ws = ctx.workspace.id;
      // Independent reads: the store's pool runs them side by side.
      const [status, perDay, campaigns] = await Promise.all([
        contactStatusCounts(ctx.store, ws, now),
        messagesPerDay(ctx.store, ws, from, to),
        campaignTotals(ctx.store, ws, from, to),
      ]);
      const { openRequests, ...contacts } = status;
      return { range: { from, to }, contacts, openUnresolved: openRequests, campaigns, messagesPerDay: perDay };
    }),
});
