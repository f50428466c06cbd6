import { toClickHouseTime } from "../time";
import { dayBounds } from "../vocabulary/dates";

/**
 * A report's date range: whole days of the workspace's time zone, `to`
 * included (server/schemas/report-range.ts makes one). Every report query
 * takes it in this form.
 */
export interface DayRange {
  from: string;
  to: string;
  /** An IANA name: the days start at this zone's midnight. */
  timeZone: string;
}

/**
 * The range as query parameters: its days `{from:Date}` and `{to:Date}` (for
 * WITH FILL), its zone `{timeZone:String}` (for `toDate(t, {timeZone:String})`)
 * and the instants it covers, `{start:DateTime64(3)}` up to `{end:DateTime64(3)}`
 * excluded: the zone's midnight before `from` and after `to`.
 */
export function rangeParams(range: DayRange): { from: string; to: string; timeZone: string; start: string; end: string } {
  const { start, end } = dayBounds(range, range.timeZone);
  return { from: range.from, to: range.to, timeZone: range.timeZone, start: toClickHouseTime(start), end: toClickHouseTime(end) };
}
