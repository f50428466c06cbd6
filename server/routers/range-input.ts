import { z } from "zod";

/** The date range the reports take (Unresolved, Campaigns): whole UTC days, `to` included. */
export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

const isoDay = z.iso.date({ message: "use a date like 2026-11-23" });

export const rangeInput = z
  .object({ from: isoDay.optional(), to: isoDay.optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: "`from` must be on or before `to`", path: ["from"] })
  .refine((r) => !r.from || !r.to || (Date.parse(r.to) - Date.parse(r.from)) / DAY_MS <= MAX_RANGE_DAYS, {
    message: `pick a range of at most ${MAX_RANGE_DAYS} days`,
    path: ["to"],
  });

/** The range asked for, by default the last 30 days up to today. */
export function resolveRange(input: { from?: string; to?: string }): { from: string; to: string } {
  const to = input.to ?? new Date().toISOString().slice(0, 10);
  const from = input.from ?? new Date(Date.parse(to) - 29 * DAY_MS).toISOString().slice(0, 10);
  // A lone `from` after today, or a lone `to` before the default start, still has to read forwards.
  return from <= to ? { from, to } : { from: to, to: from };
}
