import { z } from "zod";

/**
 * Dates: the one range of dates every input is held to, and the date
 * arithmetic of report ranges and segment conditions, shared by the SQL
 * compiler (which binds the results as parameters) and the reference
 * evaluator, so both read "the last 7 days" the same way.
 *
 * A day (`YYYY-MM-DD`) is a calendar day of the workspace's time zone (an
 * IANA name, "UTC" by default): it starts at that zone's midnight, so "Nov 23"
 * in Asia/Kolkata is 2026-11-22T18:30Z up to 2026-11-23T18:30Z. Times are
 * instants (epoch ms, stored in UTC). The calendar arithmetic on days
 * (`addDays`, `previousRange`) needs no zone: a day is a day.
 */

export const DAY_MS = 86_400_000;

/**
 * The supported dates, first and last day included. A date meets several
 * ClickHouse types on its way (report ranges are `Date` parameters and read up
 * to the day after `to`; times are `DateTime64(3)`; rollups are `DateTime`,
 * UInt32 seconds), so it must fit the narrowest of them, and so must the day
 * after it: `Date` starts at 1970-01-01, `DateTime` ends 2106-02-07 06:28:15
 * (`Date` 2149-06-06, `DateTime64(3)` 2299-12-31). Outside, ClickHouse either
 * fails ("WITH FILL TO value cannot be less than FROM value") or wraps
 * silently, so a range there gives a wrong answer.
 */
export const FIRST_DAY = "1970-01-01";
export const LAST_DAY = "2105-12-31";
/** How messages name the range. */
export const SUPPORTED_DATES = `${FIRST_DAY} to ${LAST_DAY}`;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIRST_MS = Date.parse(`${FIRST_DAY}T00:00:00Z`);
const END_MS = Date.parse(`${LAST_DAY}T00:00:00Z`) + DAY_MS;

const outside = (what: unknown) => `${String(what)} is outside the supported dates, ${SUPPORTED_DATES}`;

/** Whether a well-formed `YYYY-MM-DD` is a supported day (lexical order is date order here). */
const supported = (day: string) => day >= FIRST_DAY && day <= LAST_DAY;

/** Why `text` cannot be a date of a rule or report (format first, then range); null when it can. */
export function dayProblem(text: string): string | null {
  if (!ISO_DAY.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) return `use a date like 2026-11-23, not "${text}"`;
  return supported(text) ? null : outside(text);
}

/**
 * The date type of every input that takes a day: report ranges, segment
 * rules, jumps in a journey. A bad form and a day outside the supported dates
 * are told apart, and the second names the range.
 */
export const supportedDay = z.iso
  .date({ error: "use a date like 2026-11-23" })
  // Format problems are the check above's to report; this one speaks only of well-formed days.
  .refine((day) => !ISO_DAY.test(day) || supported(day), { error: (issue) => outside(issue.input) });

/** A day (through its end) or an exact ISO time with an offset, within the supported dates. */
export const supportedMoment = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: "use a date like 2026-10-01 or a time like 2026-10-01T09:30:00Z",
  })
  .refine(
    (moment) => {
      const ms = ISO_DAY.test(moment) ? Date.parse(`${moment}T00:00:00Z`) : Date.parse(moment);
      return ms >= FIRST_MS && ms < END_MS;
    },
    { error: (issue) => outside(issue.input) },
  );

/**
 * The times an event may carry (its `ts`, a webhook part's `timestamp`): from
 * 2000-01-01 to one day after now, both bounds included. Narrower than the
 * supported dates on purpose. Every event's time becomes contact state
 * (first seen, last active, the 24-hour history rule) and campaign buckets,
 * so a time from a wrong clock does lasting harm: one event dated 2105 keeps
 * its contact "active" and out of history for eighty years, one dated 1970
 * (an epoch of 0) makes every "first seen" report start there. WhatsApp
 * Business did not exist before 2000, and one day ahead covers any clock
 * skew or offset mistake of a sender that is not a wrong date.
 */
export const EVENT_TIME_WINDOW = {
  first: "2000-01-01",
  /** How far past the server's clock an event may be. */
  aheadMs: DAY_MS,
  /** How messages name the window; no instant in it, so a reason is the same for every event it refuses. */
  described: "2000-01-01 to one day after now",
} as const;

const EVENT_FIRST_MS = Date.parse(`${EVENT_TIME_WINDOW.first}T00:00:00Z`);

/** Whether an instant (epoch ms) is a time an event may carry, now being `now`. */
export function isEventTime(ms: number, now: number = Date.now()): boolean {
  return ms >= EVENT_FIRST_MS && ms <= now + EVENT_TIME_WINDOW.aheadMs;
}

/** The supported day nearest to `day`: a default range (29 days before `to`) may not start before the first. */
export function clampDay(day: string): string {
  return day < FIRST_DAY ? FIRST_DAY : day > LAST_DAY ? LAST_DAY : day;
}

/** The UTC day of an instant, `YYYY-MM-DD`. */
export function utcDay(t: number | Date): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** `day` moved by `n` days. */
export function addDays(day: string, n: number): string {
  return utcDay(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS);
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * How far `timeZone`'s wall clock is ahead of UTC at the instant `t`, in ms
 * (Asia/Kolkata: +5.5 h). Intl knows every IANA zone's history, DST included.
 */
export function zoneOffset(t: number, timeZone: string): number {
  if (timeZone === "UTC") return 0;
  let format = partsFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partsFormatters.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(t).map((x) => [x.type, x.value]));
  // Years before 1 AD never occur here (the supported dates start in 1970).
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - (t - (((t % 1000) + 1000) % 1000));
}

/** The day of an instant in `timeZone`, `YYYY-MM-DD`: what ClickHouse's `toDate(t, timeZone)` says. */
export function zoneDay(t: number | Date, timeZone: string): string {
  const ms = typeof t === "number" ? t : t.getTime();
  return utcDay(ms + zoneOffset(ms, timeZone));
}

/** An instant as the zone's wall clock to the minute, "2026-11-23 09:30", for names and descriptions a person reads. */
export function zoneMinute(t: number | Date, timeZone: string): string {
  const ms = typeof t === "number" ? t : t.getTime();
  return new Date(ms + zoneOffset(ms, timeZone)).toISOString().slice(0, 16).replace("T", " ");
}

/**
 * The first instant of `day` in `timeZone`, in epoch ms: its midnight, or,
 * where a DST change skips midnight (America/Santiago, Asia/Beirut), the
 * first instant whose wall clock reads that day. The wall-clock midnight
 * minus each offset the zone has around it gives the candidates; the
 * earliest that falls on `day` is its start.
 */
export function dayStart(day: string, timeZone: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`);
  if (timeZone === "UTC") return wall;
  const offsets = new Set([wall - DAY_MS, wall, wall + DAY_MS].map((t) => zoneOffset(t, timeZone)));
  const starts = [...offsets].map((o) => wall - o).filter((t) => zoneDay(t, timeZone) === day);
  return starts.length ? Math.min(...starts) : wall - zoneOffset(wall, timeZone);
}

/** The instants of the days `from`…`to` (both included) in `timeZone`: [start, end). */
export function dayBounds(range: { from: string; to: string }, timeZone: string): { start: number; end: number } {
  return { start: dayStart(range.from, timeZone), end: dayStart(addDays(range.to, 1), timeZone) };
}

/** "In the last N days" of a date attribute: N days ending today (in the zone), today included. */
export function lastDaysRange(now: number, n: number, timeZone: string): [string, string] {
  const today = zoneDay(now, timeZone);
  return [addDays(today, -(n - 1)), today];
}

/** "In the next N days": N days starting today (in the zone). */
export function nextDaysRange(now: number, n: number, timeZone: string): [string, string] {
  const today = zoneDay(now, timeZone);
  return [today, addDays(today, n - 1)];
}

/** The earliest instant "active in the last N days" accepts: N × 24 hours before now. */
export function activeSince(now: number, n: number): number {
  return now - n * DAY_MS;
}

/** A click-to-WhatsApp ad is kept as the source detail `ad: <headline>` (server/ingestion/rows.ts). */
export const AD_DETAIL_PREFIX = "ad:";

/**
 * The period of the same length just before `range`, for a KPI's change
 * ("▲ 12% vs the previous 30 days"); null when it would start before the
 * first day the store holds. Anything else the range carries (its zone) is kept.
 */
export function previousRange<R extends { from: string; to: string }>(range: R): R | null {
  const days = Math.round((Date.parse(range.to) - Date.parse(range.from)) / DAY_MS) + 1;
  const from = addDays(range.from, -days);
  return from < FIRST_DAY ? null : { ...range, from, to: addDays(range.from, -1) };
}
