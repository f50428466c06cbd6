// A fixed locale: figures read the same for everyone who shares a link. Days here are calendar days
// ("2026-11-23", already cut in the workspace's zone by the server), so they are formatted as written, in UTC.
const NUMBER = new Intl.NumberFormat("en-US");
const COMPACT = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const PERCENT = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const SHORT_DAY = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const LONG_DAY = new Intl.DateTimeFormat("en-US", {
  weekday: "short",
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});
const FULL_DAY = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

export const formatNumber = (n: number) => NUMBER.format(n);
export const formatCompact = (n: number) => COMPACT.format(n);

export function formatShare(part: number, total: number): string {
  return total > 0 ? PERCENT.format(part / total) : "—";
}

function utc(day: string) {
  return new Date(`${day}T00:00:00Z`);
}

export const formatDayShort = (day: string) => SHORT_DAY.format(utc(day));
export const formatDayLong = (day: string) => LONG_DAY.format(utc(day));

export function formatRange(from: string, to: string): string {
  if (from === to) return FULL_DAY.format(utc(from));
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${sameYear ? SHORT_DAY.format(utc(from)) : FULL_DAY.format(utc(from))} – ${FULL_DAY.format(utc(to))}`;
}
