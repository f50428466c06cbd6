import { z } from "zod";
import type { DayRange } from "@/clickhouse/queries/day-range";
import { addDays, clampDay, DAY_MS, supportedDay, zoneDay } from "@/clickhouse/vocabulary/dates";

/** The date range the reports take (Overview, Unresolved, Campaigns): whole days of the workspace's zone, `to` included. */
export const MAX_RANGE_DAYS = 366;

export const rangeInput = z
  .object({ from: supportedDay.optional(), to: supportedDay.optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: "`from` must be on or before `to`", path: ["from"] })
  .refine((r) => !r.from || !r.to || (Date.parse(r.to) - Date.parse(r.from)) / DAY_MS <= MAX_RANGE_DAYS, {
    message: `pick a range of at most ${MAX_RANGE_DAYS} days`,
    path: ["to"],
  });

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
