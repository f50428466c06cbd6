import { z } from "zod";
import { addDays, clampDay, DAY_MS, supportedDay, utcDay } from "@/clickhouse/vocabulary/dates";

/** The date range the reports take (Overview, Unresolved, Campaigns): whole UTC days, `to` included. */
export const MAX_RANGE_DAYS = 366;

export const rangeInput = z
  .object({ from: supportedDay.optional(), to: supportedDay.optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: "`from` must be on or before `to`", path: ["from"] })
  .refine((r) => !r.from || !r.to || (Date.parse(r.to) - Date.parse(r.from)) / DAY_MS <= MAX_RANGE_DAYS, {
    message: `pick a range of at most ${MAX_RANGE_DAYS} days`,
    path: ["to"],
  });

/** The range asked for, by default the last 30 days up to today. */
export function resolveRange(input: { from?: string; to?: string }): { from: string; to: string } {
  const to = input.to ?? utcDay(Date.now());
  const from = input.from ?? clampDay(addDays(to, -29));
  // A lone `from` after today, or a lone `to` before the default start, still has to read forwards.
  return from <= to ? { from, to } : { from: to, to: from };
}
