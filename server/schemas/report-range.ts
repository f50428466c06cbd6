import { z } from "zod";
import type { DayRange } from "@/clickhouse/queries/day-range";
import { addDays, clampDay, DAY_MS, supportedDay, zoneDay } from "@/clickhouse/vocabulary/dates";

/** The date range the reports take (Overview, Unresolved, Campaigns): whole days of the workspace's zone, `to` included. */
export const MAX_RANGE_DAYS = 366;

/** The rules between the two days, when both are given. */
function rangeRules(r: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (!r.from || !r.to) return;
  if (r.from > r.to) ctx.addIssue({ code: "custom", message: "the start date must be on or before the end date", path: ["from"] });
  else if ((Date.parse(r.to) - Date.parse(r.from)) / DAY_MS > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", message: `pick a range of at most ${MAX_RANGE_DAYS} days`, path: ["to"] });
}

export const rangeInput = z.object({ from: supportedDay.optional(), to: supportedDay.optional() }).superRefine(rangeRules);

const pickedDay = (missing: string) => z.string().min(1, missing).pipe(supportedDay);

/** A custom range as the pickers take it (components/ui/range): both days, under the same rules. */
export const customRangeForm = z.object({ from: pickedDay("pick a start date"), to: pickedDay("pick an end date") }).superRefine(rangeRules);

/**
 * The range asked for, by default the last 30 days up to today, as days of
 * `timeZone` (the workspace's: ctx.workspace.timeZone): "today" is the
 * zone's, and the days start at its midnights.
 */
export function resolveRange(input: { from?: string; to?: string }, timeZone: string, now: number = Date.now()): DayRange {
  const to = input.to ?? zoneDay(now, timeZone);
  const from = input.from ?? clampDay(addDays(to, -29));
  // A lone `from` after today, or a lone `to` before the default start, still has to read forwards.
  return from <= to ? { from, to, timeZone } : { from: to, to: from, timeZone };
}
