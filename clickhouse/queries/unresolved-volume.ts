import type { Store } from "../client";
import { rangeParams, type DayRange } from "./day-range";

export interface DailyRequests {
  day: string;
  /** intervention.requested events that day: each counts once in a profile's "unresolved queries". */
  requests: number;
  /** Contacts who wrote to you (or asked for a human) that day: one conversation each. */
  conversations: number;
  /** Conversations in which the contact asked for a human. */
  escalated: number;
}

/**
 * Requests for a human per day of the workspace's zone, beside the day's
 * conversations, every day of the range present. A conversation is a contact
 * writing on a day, counted in its first 15-minute bucket of the day: the
 * bucket whose gap to the contact's previous one reaches back before the
 * day's midnight. conversation_gaps (0024) counts the contacts of each bucket
 * by that gap, so a day of any zone is a sum over its buckets, exact; the
 * requests are event_buckets' (0018).
 */
export async function requestsPerDay(store: Store, workspaceId: string, range: DayRange): Promise<DailyRequests[]> {
  const rows = await store.query<Record<keyof DailyRequests, string>>(
    `WITH
       firsts AS (
         SELECT
           toDate(bucket, {timeZone:String}) AS day,
           -- Quarters since the zone's midnight: the contact's previous bucket is before it when the gap is longer.
           intDiv(toUnixTimestamp(bucket) - toUnixTimestamp(toStartOfDay(bucket, {timeZone:String})), 900) AS quarter,
           sumIf(contacts, kind = 'conversation' AND gap > quarter) AS conversations,
           sumIf(contacts, kind = 'escalated' AND gap > quarter) AS escalated
         FROM conversation_gaps
         WHERE workspace_id = {workspaceId:String}
           AND bucket >= {start:DateTime64(3)} AND bucket < {end:DateTime64(3)}
         GROUP BY day, quarter
       ),
       requested AS (
         SELECT toDate(bucket, {timeZone:String}) AS day, sum(events) AS requests
         FROM event_buckets
         WHERE workspace_id = {workspaceId:String} AND type = 'intervention.requested'
           AND bucket >= {start:DateTime64(3)} AND bucket < {end:DateTime64(3)}
         GROUP BY day
       )
     SELECT day, sum(requests) AS requests, sum(conversations) AS conversations, sum(escalated) AS escalated
     FROM (
       SELECT day, 0 AS requests, conversations, escalated FROM firsts
       UNION ALL
       SELECT day, requests, 0, 0 FROM requested
     )
     GROUP BY day
     ORDER BY day WITH FILL FROM {from:Date} TO {to:Date} + 1`,
    { workspaceId, ...rangeParams(range) },
    { report: "unresolved:volume" },
  );
  return rows.map((r) => ({
    day: r.day,
    requests: Number(r.requests),
    conversations: Number(r.conversations),
    escalated: Number(r.escalated),
  }));
}
