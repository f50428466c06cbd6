import type { Store } from "../client";
import { IN_HISTORY_SQL } from "./contact-status";

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
  );
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as unknown as StatusCounts;
}

export interface DailyMessages {
  day: string;
  inbound: number;
  outbound: number;
}

/** Messages per day in [from, to], every day present (zero when quiet). */
export async function messagesPerDay(store: Store, workspaceId: string, from: string, to: string): Promise<DailyMessages[]> {
  const rows = await store.query<{ day: string; inbound: string; outbound: string }>(
    `SELECT
       day,
       sumIf(events, type = 'message.inbound') AS inbound,
       sumIf(events, type = 'message.outbound') AS outbound
     FROM daily_events
     WHERE workspace_id = {workspaceId:String}
       AND day BETWEEN {from:Date} AND {to:Date}
       AND type IN ('message.inbound', 'message.outbound')
     GROUP BY day
     ORDER BY day WITH FILL FROM {from:Date} TO {to:Date} + 1`,
    { workspaceId, from, to },
  );
  return rows.map((r) => ({ day: r.day, inbound: Number(r.inbound), outbound: Number(r.outbound) }));
}

export interface CampaignTotals {
  total: number;
  sentInRange: number;
}

export async function campaignTotals(store: Store, workspaceId: string, from: string, to: string): Promise<CampaignTotals> {
  const [row] = await store.query<{ total: string; sentInRange: string }>(
    `SELECT
       count() AS total,
       countIf(sent_at IS NOT NULL AND toDate(sent_at) BETWEEN {from:Date} AND {to:Date}) AS sentInRange
     FROM (
       SELECT campaign_id, min(sent_at) AS sent_at
       FROM campaigns
       WHERE workspace_id = {workspaceId:String}
       GROUP BY campaign_id
     )`,
    { workspaceId, from, to },
  );
  return { total: Number(row.total), sentInRange: Number(row.sentInRange) };
}
