/**
 * The reports' date range (in the URL through search-params.ts). Days are the workspace's (its time zone's),
 * like the server's (server/schemas/report-range.ts).
 */
import { zoneDay } from "@/clickhouse/vocabulary/dates";

export const PRESETS = [7, 30, 90] as const;
export type PresetDays = (typeof PRESETS)[number];
export const DEFAULT_PRESET: PresetDays = 30;
/** The longest range the overview procedure accepts. */
export const MAX_RANGE_DAYS = 366;

export type RangeSelection = { kind: "preset"; days: PresetDays } | { kind: "custom"; from: string; to: string };

const DAY_MS = 86_400_000;

export function isIsoDay(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === value;
}

/** Today as the server counts days: in the workspace's time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return zoneDay(now, timeZone);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The days a selection means; `today` is the workspace's (todayIn). */
export function resolveRange(selection: RangeSelection, today: string): { from: string; to: string } {
  if (selection.kind === "custom") return { from: selection.from, to: selection.to };
  return { from: addDays(today, -(selection.days - 1)), to: today };
}

/** Why a custom range cannot be used, in words a person can act on; null when it is fine. */
export function customRangeProblem(from: string, to: string): string | null {
  if (!isIsoDay(from) || !isIsoDay(to)) return "Pick both a start and an end date.";
  if (from > to) return "The start date must be on or before the end date.";
  if (daysInclusive(from, to) > MAX_RANGE_DAYS + 1) return `Pick a range of at most ${MAX_RANGE_DAYS} days.`;
  return null;
}
