/**
 * The reports' date range (in the URL through search-params.ts). Days are the workspace's (its time zone's),
 * like the server's (server/schemas/report-range.ts).
 */
import { zoneDay } from "@/clickhouse/vocabulary/dates";
import { sentence } from "@/components/forms/sentence";
import { customRangeForm } from "@/server/schemas/report-range";

export const PRESETS = [7, 30, 90] as const;
export type PresetDays = (typeof PRESETS)[number];
export const DEFAULT_PRESET: PresetDays = 30;

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

/** The days a selection means; `today` is the workspace's (todayIn). */
export function resolveRange(selection: RangeSelection, today: string): { from: string; to: string } {
  if (selection.kind === "custom") return { from: selection.from, to: selection.to };
  return { from: addDays(today, -(selection.days - 1)), to: today };
}

/** Why a custom range (a shared link's) cannot be used, in the server's words; null when it is fine. */
export function customRangeProblem(from: string, to: string): string | null {
  const parsed = customRangeForm.safeParse({ from, to });
  return parsed.success ? null : (sentence(parsed.error.issues[0].message) ?? null);
}
