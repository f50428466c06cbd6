import { z } from "zod";
import { topTerms, askedRequests, repeaters } from "@/clickhouse/queries/unresolved-asked";
import { backlog } from "@/clickhouse/queries/unresolved-backlog";
import { entryPoints } from "@/clickhouse/queries/unresolved-sources";
import { ENTRY_DIMENSIONS } from "@/clickhouse/vocabulary/entry-points";
import { interveneSpeed, speedReport, WAIT_BUCKETS } from "@/clickhouse/queries/unresolved-speed";
import { requestsPerDay } from "@/clickhouse/queries/unresolved-volume";
import { rangeInput, resolveRange } from "@/server/schemas/report-range";
import { router, workspaceProcedure } from "../trpc/init";

/**
 * The unresolved-query report: one procedure per section, so each loads (and
 * fails) on its own and the list can page without reloading the charts.
 * Every member may read it.
 */

const waitStats = z.object({ events: z.number(), measured: z.number(), medianMs: z.number().nullable(), p90Ms: z.number().nullable() });
const waitReport = waitStats.extend({
  histogram: z.array(z.number()),
  weeks: z.array(waitStats.extend({ week: z.string() })),
});

const SEARCH_MAX = 200;

export const unresolvedRouter = router({
  volume: workspaceProcedure
    .input(rangeInput)
    .output(
      z.object({
        range: z.object({ from: z.string(), to: z.string(), timeZone: z.string() }),
        days: z.array(z.object({ day: z.string(), requests: z.number(), conversations: z.number(), escalated: z.number() })),
      }),
    )
    .query(async ({ ctx, input }) => {
      const range = resolveRange(input, ctx.workspace.timeZone);
      return { range, days: await requestsPerDay(ctx.store, ctx.workspace.id, range) };
    }),

  /** Right now; the range does not apply. */
  backlog: workspaceProcedure
    .input(z.object({ limit: z.number().int().min(1).max(500).default(100) }))
    .query(async ({ ctx, input }) => ({ now: new Date().toISOString(), ...(await backlog(ctx.store, ctx.workspace.id, input.limit)) })),

  speed: workspaceProcedure
    .input(rangeInput)
    .output(
      z.object({
        buckets: z.array(z.string()),
        intervene: waitReport,
        resolve: waitReport,
        agents: z.array(
          z.object({
            agentId: z.string(),
            agentName: z.string(),
            intervened: z.number(),
            resolved: z.number(),
            resolvesTimed: z.number(),
            medianResolveMs: z.number().nullable(),
          }),
        ),
      }),
    )
    .query(async ({ ctx, input }) => ({
      buckets: WAIT_BUCKETS.map(([label]) => label),
      ...(await speedReport(ctx.store, ctx.workspace.id, resolveRange(input, ctx.workspace.timeZone))),
    })),

  /** The headline's figure for the period before a range: time to intervene alone. */
  interveneSpeed: workspaceProcedure
    .input(rangeInput)
    .output(z.object({ intervene: waitStats }))
    .query(async ({ ctx, input }) => ({ intervene: await interveneSpeed(ctx.store, ctx.workspace.id, resolveRange(input, ctx.workspace.timeZone)) })),

  /** Where the requests come from, by one dimension: the one the page shows. */
  sources: workspaceProcedure
    .input(z.intersection(rangeInput, z.object({ by: z.enum(ENTRY_DIMENSIONS).default("firstMessageTag") })))
    .query(({ ctx, input }) => entryPoints(ctx.store, ctx.workspace.id, resolveRange(input, ctx.workspace.timeZone), input.by)),

  asked: workspaceProcedure
    .input(
      z.intersection(
        rangeInput,
        z.object({
          search: z.string().trim().max(SEARCH_MAX, `search for at most ${SEARCH_MAX} characters`).default(""),
          page: z.number().int().min(1, "pages start at 1").max(10_000).default(1),
          pageSize: z.number().int().min(1).max(100).default(25),
        }),
      ),
    )
    .query(async ({ ctx, input }) => {
      const result = await askedRequests(ctx.store, ctx.workspace.id, resolveRange(input, ctx.workspace.timeZone), {
        search: input.search,
        offset: (input.page - 1) * input.pageSize,
        limit: input.pageSize,
      });
      return { ...result, page: input.page, pageSize: input.pageSize };
    }),

  terms: workspaceProcedure
    .input(rangeInput)
    .query(({ ctx, input }) => topTerms(ctx.store, ctx.workspace.id, resolveRange(input, ctx.workspace.timeZone))),

  repeaters: workspaceProcedure
    .input(rangeInput)
    .query(({ ctx, input }) => repeaters(ctx.store, ctx.workspace.id, resolveRange(input, ctx.workspace.timeZone))),
});
