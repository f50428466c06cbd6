import type { Store } from "../client";
import { IN_HISTORY_SQL } from "./contact-status";
import { rangeParams, type DayRange } from "./day-range";

export interface StatusCounts {
  total: number;
  active: number;
  requesting: number;
  intervened: number;
  closed: number;
  history: number;
  /** Requests no agent has taken yet, in history or not. */
  openRequests: number;
}

/** Contacts by status; chats that went quiet for 24 h count as history instead. */
export async function contactStatusCounts(store: Store, workspaceId: string, now: Date): Promise<StatusCounts> {
  const [row] = await store.query<Record<keyof StatusCounts, string>>(
    `SELECT
       count() AS total,
       countIf(NOT in_history AND status = 'active') AS active,
       countIf(NOT in_history AND status = 'requesting') AS requesting,
       countIf(NOT in_history AND status = 'intervened') AS intervened,
       countIf(NOT in_history AND status = 'closed') AS closed,
       countIf(in_history) AS history,
       countIf(status = 'requesting') AS openRequests
     FROM (
       SELECT status, ${IN_HISTORY_SQL} AS in_history
       FROM contacts FINAL
       WHERE workspace_id = {workspaceId:String}
     )`,
    { workspaceId, now: now.getTime() / 1000 },
    { report: "overview:contact-status-counts" },
  );
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as unknown as StatusCounts;
}

export interface DailyMessages {
  day: string;
  inbound: number;
  outbound: number;
}

/**
 * Messages per day of the workspace's zone in the range, every day present
 * (zero when quiet): event_buckets (0018) counts them per 15 minutes, which
 * the zone's days are made of.
 */
export async function messagesPerDay(store: Store, workspaceId: string, range: DayRange): Promise<DailyMessages[]> {
  const rows = await store.query<{ day: string; inbound: string; outbound: string }>(
    `SELECT
       toDate(bucket, {timeZone:String}) AS day,
       sumIf(events, type = 'message.inbound') AS inbound,
       sumIf(events, type = 'message.outbound') AS outbound
     FROM event_buckets
     WHERE workspace_id = {workspaceId:String}
       AND bucket >= {start:DateTime64(3)} AND bucket < {end:DateTime64(3)}
       AND type IN ('message.inbound', 'message.outbound')
     GROUP BY day
     ORDER BY day WITH FILL FROM {from:Date} TO {to:Date} + 1`,
    { workspaceId, ...rangeParams(range) },
    { report: "overview:messages-per-day" },
  );
  return rows.map((r) => ({ day: r.day, inbound: Number(r.inbound), outbound: Number(r.outbound) }));
}

export interface CampaignTotals {
  total: number;
  sentInRange: number;
}

/** Every campaign, and the ones sent in the range (its campaign.sent within the zone's days). */
export async function campaignTotals(store: Store, workspaceId: string, range: DayRange): Promise<CampaignTotals> {
  const { start, end } = rangeParams(range);
  const [row] = await store.query<{ total: string; sentInRange: string }>(
    `SELECT
       count() AS total,
       countIf(sent_at IS NOT NULL AND sent_at >= {start:DateTime64(3)} AND sent_at < {end:DateTime64(3)}) AS sentInRange
     FROM (
       SELECT campaign_id, min(sent_at) AS sent_at
       FROM campaigns
       WHERE workspace_id = {workspaceId:String}
       GROUP BY campaign_id
     )`,
    { workspaceId, start, end },
    { report: "overview:campaign-totals" },
  );
  return { total: Number(row.total), sentInRange: Number(row.sentInRange) };
}

export interface OptedOutFigures {
  /** Contacts opted out of marketing at the end of the range (now, when it ends today). */
  atEnd: number;
  /** Opt-outs in the range (a contact counted once). */
  newInRange: number;
  /** Contacts opted out at the end of the period before the range: the baseline of the change. */
  atPreviousEnd: number | null;
}

/**
 * An opt event's place in time as one string: its time in milliseconds at a
 * fixed width (events are from 2000 on: 13 digits), then its id, which breaks
 * a tie of times. It orders exactly as `(ts, event_id)`, but `argMax` keeps a
 * string in a state of its own, where a tuple goes through the engine's
 * generic values: over the large demo's 49,167 opt events the Overview's
 * figure took 66 ms with the tuple and 22 with this.
 */
const OPT_EVENT_ORDER_SQL = "concat(leftPad(toString(toUnixTimestamp64Milli(ts)), 13, '0'), event_id)";

/**
 * Contacts opted out of marketing as the range ends, and as the period before
 * it ended, from contact_opt_events (0020): each contact's latest opt-out or
 * opt-in before the moment, by event time (the id breaks a tie). A few rows
 * per contact who ever opted out, so reading the state at two moments costs
 * one small scan.
 */
export async function optedOutContacts(store: Store, workspaceId: string, range: DayRange, previous: DayRange | null): Promise<OptedOutFigures> {
  const { start, end } = rangeParams(range);
  const previousEnd = previous ? rangeParams(previous).end : start;
  const [row] = await store.query<{ at_end: string; new_in_range: string; at_previous_end: string }>(
    `SELECT countIf(at_end = 1) AS at_end, countIf(new_in_range) AS new_in_range, countIf(at_previous_end = 1) AS at_previous_end
     FROM (
       SELECT contact,
              argMaxIf(opted_out, ${OPT_EVENT_ORDER_SQL}, ts < {end:DateTime64(3)}) AS at_end,
              argMaxIf(opted_out, ${OPT_EVENT_ORDER_SQL}, ts < {previousEnd:DateTime64(3)}) AS at_previous_end,
              countIf(opted_out = 1 AND ts >= {start:DateTime64(3)} AND ts < {end:DateTime64(3)}) > 0 AS new_in_range
       FROM contact_opt_events
       WHERE workspace_id = {workspaceId:String}
       GROUP BY contact
     )`,
    { workspaceId, start, end, previousEnd },
    { report: "overview:opted-out" },
  );
  return { atEnd: Number(row.at_end), newInRange: Number(row.new_in_range), atPreviousEnd: previous ? Number(row.at_previous_end) : null };
}
