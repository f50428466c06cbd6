import type { Store } from "../client";
import { ratio } from "./campaign-common";
import { CAMPAIGNS_IN_RANGE_SQL } from "./campaign-list";
import { rangeParams, type DayRange } from "./day-range";

/**
 * "When it works": the read rate by weekday and hour the message was
 * delivered, over every recipient of the campaigns dated in a range.
 *
 * A recipient counts at its effective delivery (campaign-common's ticks: a
 * read or a reply without a delivered tick counts as delivered then), and as
 * read when it was ever read, whenever that was: the question is which hour to
 * send in, so the read belongs to the hour the message arrived.
 *
 * The campaigns are those of the campaign list for the same range: dated by
 * campaign.sent, else their first send, else their creation (campaign-list.ts);
 * the test checks that both total the same deliveries.
 */

export interface TimingCell {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 0…23, in the range's time zone. */
  hour: number;
  delivered: number;
  read: number;
  readRate: number | null;
}

/**
 * All 7 × 24 cells, Monday 00:00 first, in the range's time zone (the
 * workspace's). campaign_stats keeps each campaign's deliveries and reads per
 * 15-minute bucket of the delivery, which every zone cuts into whole hours.
 */
export async function campaignTiming(store: Store, workspaceId: string, range: DayRange): Promise<TimingCell[]> {
  const rows = await store.query<Record<string, string>>(
    `WITH in_range AS (SELECT campaign_id FROM (${CAMPAIGNS_IN_RANGE_SQL}))
     SELECT toDayOfWeek(bucket, 0, {timeZone:String}) AS weekday,
            toHour(toTimeZone(bucket, {timeZone:String})) AS hour,
            sum(delivered) AS delivered,
            sum(read) AS read
     FROM campaign_stats
     WHERE workspace_id = {workspaceId:String} AND bucket > 0 AND campaign_id IN (SELECT campaign_id FROM in_range)
     GROUP BY weekday, hour
     SETTINGS join_use_nulls = 0`,
    { workspaceId, ...rangeParams(range) },
    { report: "campaign-timing" },
  );
  const found = new Map(rows.map((r) => [`${r.weekday}/${r.hour}`, r]));
  const cells: TimingCell[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const r = found.get(`${weekday}/${hour}`);
      const delivered = Number(r?.delivered ?? 0);
      const read = Number(r?.read ?? 0);
      cells.push({ weekday, hour, delivered, read, readRate: ratio(read, delivered) });
    }
  }
  return cells;
}
