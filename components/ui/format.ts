/**
 * The one place numbers, money, days, times and durations become text.
 *
 * A fixed locale: what one person sees, a colleague opening the same link sees
 * too. Times are shown in the workspace's zone (components/workspace-zone.tsx
 * provides it; pass it as `timeZone`); calendar days ("2026-11-23", already cut
 * in that zone by the server) are written as they are, in no zone.
 */
import { zoneDay } from "@/clickhouse/vocabulary/dates";

export const LOCALE = "en-US";

// ---- numbers ---------------------------------------------------------------

const NUMBER = new Intl.NumberFormat(LOCALE);
const COMPACT = new Intl.NumberFormat(LOCALE, { notation: "compact", maximumFractionDigits: 1 });
const PERCENT = new Intl.NumberFormat(LOCALE, { style: "percent", maximumFractionDigits: 1 });
const WHOLE_PERCENT = new Intl.NumberFormat(LOCALE, { style: "percent", maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const RATIO = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });

/** 2,041: every count, with thousands separators. */
export const formatNumber = (n: number) => NUMBER.format(n);

/** 12.3K, for chart axes. */
export const formatCompact = (n: number) => COMPACT.format(n);

/** 1.5 — a figure with at most one decimal ("3.5 pts"). */
export const formatDecimal = (n: number) => ONE_DECIMAL.format(n);

/** A ratio with up to two decimals, "3.25" (return on ad spend). */
export const formatRatio = (n: number) => RATIO.format(n);

/** A rate (0…1) as "42.5%", or a dash when there was nothing to divide by. */
export const formatRate = (rate: number | null | undefined) => (rate === null || rate === undefined ? "—" : PERCENT.format(rate));

/** A change as a whole percentage, "12%". */
export const formatWholePercent = (share: number) => WHOLE_PERCENT.format(share);

/** `part` of `total` as "42.5%", or a dash without a total. */
export function formatShare(part: number, total: number): string {
  return total > 0 ? PERCENT.format(part / total) : "—";
}

/** A share already in percent (0…100) for a small figure beside a count: "<0.1%", "4.2%", "37%". */
export function formatPercentSmall(percent: number): string {
  if (percent > 0 && percent < 0.1) return "<0.1%";
  return `${percent.toFixed(percent >= 10 || percent === 0 ? 0 : 1)}%`;
}

/** Money with enough decimals for per-message prices (0.0107), in the workspace's currency. */
export function formatMoney(amount: number | null, currency: string | null): string {
  if (amount === null) return "—";
  const digits = Math.abs(amount) < 1 && amount !== 0 ? 4 : 2;
  try {
    return new Intl.NumberFormat(LOCALE, { style: "currency", currency: currency ?? "USD", minimumFractionDigits: 2, maximumFractionDigits: digits }).format(amount);
  } catch {
    // A currency code Intl does not know still reads as "12.34 XYZ".
    return `${amount.toFixed(digits)} ${currency ?? ""}`.trim();
  }
}

/** Amounts per currency, one after another ("₹1,200.00 · $25.00"); never added across currencies. */
export function formatRevenue(list: ReadonlyArray<{ currency: string; amount: number | null }>): string {
  return list.length ? list.map((r) => formatMoney(r.amount, r.currency)).join(" · ") : "—";
}

/** 1.2 MB, 640 KB, 312 bytes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

// ---- hours of the day ------------------------------------------------------

/** "09:00": an hour of the day on the 24-hour clock ("24:00" is the day's end). */
export const formatHour = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

/** "10:00–11:00": the hour that starts at `hour`. */
export const formatHourSpan = (hour: number) => `${formatHour(hour)}–${formatHour(hour + 1)}`;

// ---- durations -------------------------------------------------------------

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY_MS = 24 * HOUR;

/** A wait in the largest units that read naturally: "45 s", "12 min", "3 h 20 min", "2 d 4 h". */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "—";
  if (ms < MINUTE) return `${Math.round(ms / 1000)} s`;
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  // Round to the smaller unit first, so 5 d 23.6 h reads "6 d", never "5 d 24 h".
  if (ms < DAY_MS - 30 * MINUTE) {
    const minutes = Math.round(ms / MINUTE);
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 || h >= 10 ? `${Math.round(ms / HOUR)} h` : `${h} h ${m} min`;
  }
  const hours = Math.round(ms / HOUR);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h === 0 || d >= 10 ? `${Math.round(ms / DAY_MS)} d` : `${d} d ${h} h`;
}

// ---- times in a zone -------------------------------------------------------

const formats = new Map<string, Intl.DateTimeFormat>();

/** A date formatter in `timeZone`, built once per zone and shape. */
export function zonedFormat(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone });
    formats.set(key, format);
  }
  return format;
}

/** ClickHouse sends `DateTime64(3, 'UTC')` as `2026-11-23 09:30:00.000`, without a zone: read it as UTC. */
export function parseStoreTime(value: string): Date {
  const iso = value.includes("T") ? value : value.replace(" ", "T");
  return new Date(/Z|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
}

const DATE_TIME = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
const WHEN = { month: "short", day: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" } as const;
const EXACT = { ...WHEN, second: "2-digit" } as const;
const CLOCK = { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" } as const;
const WEEKDAY_CLOCK = { weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
const DAY = { year: "numeric", month: "short", day: "numeric" } as const;
const DAY_HEADING = { weekday: "long", month: "long", day: "numeric", year: "numeric" } as const;

/** "Mar 3, 09:00" in `timeZone` (an ISO or store time); the page names the zone. */
export function formatDateTime(value: string, timeZone: string): string {
  return zonedFormat(timeZone, DATE_TIME).format(parseStoreTime(value));
}

/** "Oct 1, 2026, 14:30 GMT+5:30" from a store time: it names its zone. */
export function formatWhen(value: string, timeZone: string): string {
  return zonedFormat(timeZone, WHEN).format(parseStoreTime(value));
}

/** "Nov 23, 2026, 15:00:00 GMT+5:30": the exact time in `timeZone`, which it names. */
export function formatExact(date: Date, timeZone: string): string {
  return zonedFormat(timeZone, EXACT).format(date);
}

/** "09:00:12" for a journey row; the day is its group heading, the panel names the zone. */
export function formatClock(value: string, timeZone: string): string {
  return zonedFormat(timeZone, CLOCK).format(parseStoreTime(value));
}

/** "Tue 14:05": the wall clock of `timeZone` at `date`, or "" for a zone Intl does not know. */
export function formatZoneClock(timeZone: string, date = new Date()): string {
  try {
    return zonedFormat(timeZone, WEEKDAY_CLOCK).format(date);
  } catch {
    return "";
  }
}

/** "Nov 23, 2026": the day of `date` in `timeZone`. */
export function formatDay(date: Date, timeZone: string): string {
  return zonedFormat(timeZone, DAY).format(date);
}

/** "Thursday, October 1, 2026" for a journey day heading: the day of a store time in the zone. */
export function formatDayHeading(value: string, timeZone: string): string {
  return zonedFormat(timeZone, DAY_HEADING).format(parseStoreTime(value));
}

/** The day of a store time in the zone, "2026-10-01": the journey groups by it. */
export function dayOf(value: string, timeZone: string): string {
  return zoneDay(parseStoreTime(value), timeZone);
}

const RELATIVE = new Intl.RelativeTimeFormat(LOCALE, { numeric: "auto" });
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "just now", "5 minutes ago", "yesterday", "3 months ago". */
export function formatRelative(date: Date, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return RELATIVE.format(Math.round(seconds / size), unit);
  }
  return RELATIVE.format(Math.round(seconds / 60), "minute");
}

// ---- calendar days ("2026-11-23", in no zone) ------------------------------

const SHORT_DAY = { month: "short", day: "numeric" } as const;
const LONG_DAY = { weekday: "short", month: "short", day: "numeric", year: "numeric" } as const;

function calendar(day: string) {
  return new Date(`${day}T00:00:00Z`);
}

/** "Nov 23" for a chart tick. */
export const formatDayShort = (day: string) => zonedFormat("UTC", SHORT_DAY).format(calendar(day));
/** "Mon, Nov 23, 2026" for a chart tooltip. */
export const formatDayLong = (day: string) => zonedFormat("UTC", LONG_DAY).format(calendar(day));
/** "Thursday, October 1, 2026". */
export const formatCalendarDay = (day: string) => zonedFormat("UTC", DAY_HEADING).format(calendar(day));

/** "Oct 8 – Nov 6, 2026", or one day, or across years "Dec 20, 2025 – Jan 18, 2026". */
export function formatRange(from: string, to: string): string {
  const full = (day: string) => zonedFormat("UTC", DAY).format(calendar(day));
  if (from === to) return full(from);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${sameYear ? formatDayShort(from) : full(from)} – ${full(to)}`;
}
