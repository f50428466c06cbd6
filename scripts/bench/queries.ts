import type { Store } from "@/clickhouse/client";
import { campaignTotals, contactStatusCounts, messagesPerDay } from "@/clickhouse/queries/overview";
import type { BenchQuery } from "./stats";

/** The queries to time. Add a group per report as the app grows. */
export function queryGroups(store: Store, workspaceId: string, now: Date): BenchQuery[] {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const to = day(now);
  const daysBack = (n: number) => day(new Date(now.getTime() - (n - 1) * 86_400_000));
  return [
    { group: "overview", name: "contactStatusCounts", run: () => contactStatusCounts(store, workspaceId, now) },
    { group: "overview", name: "messagesPerDay 30 d", run: () => messagesPerDay(store, workspaceId, daysBack(30), to) },
    { group: "overview", name: "messagesPerDay 90 d", run: () => messagesPerDay(store, workspaceId, daysBack(90), to) },
    { group: "overview", name: "campaignTotals 30 d", run: () => campaignTotals(store, workspaceId, daysBack(30), to) },
  ];
}
