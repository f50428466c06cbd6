import { zonedFormat } from "@/components/zoned-format";

// A fixed locale and the workspace's zone: what one person sees, a colleague sees too.
const NUMBER = new Intl.NumberFormat("en-US");
const EXACT = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
} as const;
const DAY = { year: "numeric", month: "short", day: "numeric" } as const;
const RELATIVE = new Intl.RelativeTimeFormat("en-US", { numeric: "auto" });

export const formatNumber = (n: number) => NUMBER.format(n);

/** ClickHouse sends `DateTime64(3, 'UTC')` as `2026-11-23 09:30:00.000`, without a zone: read it as UTC. */
export function parseStoreTime(value: string): Date {
  const iso = value.includes("T") ? value : value.replace(" ", "T");
  return new Date(/Z|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
}

/** "Nov 23, 2026, 15:00:00 GMT+5:30": the exact time in `timeZone`, which it names. */
export function formatExact(date: Date, timeZone: string): string {
  return zonedFormat(timeZone, EXACT).format(date);
}

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

export function formatDay(date: Date, timeZone: string): string {
  return zonedFormat(timeZone, DAY).format(date);
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
