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
 * conversations, every day of the range present. conversation_sets (0024)
 * keeps the set of contacts (as phone numbers) who wrote in each 15 minutes;
 * a day is the zone's 96 of them, and its conversations their sets merged:
 * exact.
 */
export async function requestsPerDay(store: Store, workspaceId: string, range: DayRange): Promise<DailyRequests[]> {
  const rows = await store.query<Record<keyof DailyRequests, string>>(
    `SELECT
       toDate(bucket, {timeZone:String}) AS day,
       sum(requests) AS requests,
       uniqExactMerge(conversations) AS conversations,
       uniqExactMerge(escalated) AS escalated
     FROM conversation_sets
     WHERE workspace_id = {workspaceId:String}
       AND bucket >= {start:DateTime64(3)} AND bucket < {end:DateTime64(3)}
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
