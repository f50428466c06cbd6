import type { DayRange } from "@/clickhouse/queries/day-range";
import { addDays, zoneDay } from "@/clickhouse/vocabulary/dates";
import { DEMO_RETAIL } from "@/server/demo/retail";

/** The last `n` days up to today, as the demo workspace's pages ask for them: days of its zone (Asia/Kolkata). */
export function daysBack(now: Date, n: number, timeZone: string = DEMO_RETAIL.timeZone): DayRange {
  const to = zoneDay(now, timeZone);
  return { from: addDays(to, -(n - 1)), to, timeZone };
}
