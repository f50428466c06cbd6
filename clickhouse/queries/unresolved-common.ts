import { fromClickHouseTime, toClickHouseTime } from "../time";

/**
 * The unresolved-query report's date range: whole UTC days, `to` included.
 * Every query of the report takes it in this form.
 */
export interface DayRange {
  from: string;
  to: string;
}

/** The range as the half-open time interval [start, end) the queries filter on. */
export function rangeBounds(range: DayRange): { start: string; end: string } {
  return {
    start: toClickHouseTime(`${range.from}T00:00:00Z`),
    end: toClickHouseTime(Date.parse(`${range.to}T00:00:00Z`) + 86_400_000),
  };
}

/** ClickHouse DateTime64 text (UTC) as an ISO string, for the wire. */
export const isoTime = (s: string) => new Date(fromClickHouseTime(s)).toISOString();

export const REQUEST_TYPE = "intervention.requested";
