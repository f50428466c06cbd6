import type { Store } from "../client";
import type { DayRange } from "./unresolved-common";

export interface DailyRequests {
  day: string;
  /** intervention.requested events that day: each counts once in a profile's "unresolved queries". */
  requests: number;
  /** Contacts who wrote to you (or asked for a human) that day: one conversation each. */
  conversations: number;
  /** Conversations in which the contact asked for a human. */
  escalated: number;
}

/** Requests for a human per day, beside the day's conversations, every day of the range present. */
export async function requestsPerDay(store: Store, workspaceId: string, range: DayRange): Promise<DailyRequests[]> {
  const rows = await store.query<Record<keyof DailyRequests, string>>(
    `SELECT
       day,
       sum(requests) AS requests,
       uniqCombined64Merge(13)(conversations) AS conversations,
       uniqCombined64Merge(13)(escalated) AS escalated
     FROM daily_conversations
     WHERE workspace_id = {workspaceId:String}
       AND day BETWEEN {from:Date} AND {to:Date}
     GROUP BY day
     ORDER BY day WITH FILL FROM {from:Date} TO {to:Date} + 1`,
    { workspaceId, from: range.from, to: range.to },
  );
  return rows.map((r) => ({
    day: r.day,
    requests: Number(r.requests),
    conversations: Number(r.conversations),
    escalated: Number(r.escalated),
  }));
}
