import { z } from "zod";
import { campaignTotals, contactStatusCounts, messagesPerDay } from "@/clickhouse/queries/overview";
import { router, workspaceProcedure } from "../trpc/init";

const isoDay = z.iso.date({ message: "use a date like 2026-11-23" });

const summaryInput = z
  .object({
    from: isoDay.optional(),
    to: isoDay.optional(),
  })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: "`from` must be on or before `to`", path: ["from"] })
  .refine((r) => !r.from || !r.to || daysBetween(r.from, r.to) <= 366, {
    message: "pick a range of at most 366 days",
    path: ["to"],
  });

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

function daysBetween(from: string, to: string) {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

function isoDate(d: Date) {
  return d.toISOString().slice(0, 10);
}

export const overviewRouter = router({
  summary: workspaceProcedure
    .input(summaryInput)
    .output(summaryOutput)
    .query(async ({ ctx, input }) => {
      const now = new Date();
      const to = input.to ?? isoDate(now);
      const from = input.from ?? isoDate(new Date(Date.parse(to) - 29 * 86_400_000));
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
