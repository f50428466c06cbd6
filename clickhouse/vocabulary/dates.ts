/**
 * The date arithmetic of segment conditions, shared by the SQL compiler (which
 * binds the results as parameters) and the reference evaluator, so both read
 * "the last 7 days" the same way. Everything is UTC.
 */

export const DAY_MS = 86_400_000;

/** Start of the UTC day `YYYY-MM-DD`, in epoch ms. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** The UTC day of an instant, `YYYY-MM-DD`. */
export function utcDay(t: number | Date): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** `day` moved by `n` days. */
export function addDays(day: string, n: number): string {
  return utcDay(dayStart(day) + n * DAY_MS);
}

/** "In the last N days" of a date attribute: N days ending today, today included. */
export function lastDaysRange(now: number, n: number): [string, string] {
  const today = utcDay(now);
  return [addDays(today, -(n - 1)), today];
}

/** "In the next N days": N days starting today. */
export function nextDaysRange(now: number, n: number): [string, string] {
  const today = utcDay(now);
  return [today, addDays(today, n - 1)];
}

/** The earliest instant "active in the last N days" accepts: N × 24 hours before now. */
export function activeSince(now: number, n: number): number {
  return now - n * DAY_MS;
}

/** A click-to-WhatsApp ad is kept as the source detail `ad: <headline>` (server/ingestion/rows.ts). */
export const AD_DETAIL_PREFIX = "ad:";
