import type { Store } from "@/clickhouse/client";
import { campaignTotals, contactStatusCounts, messagesPerDay } from "@/clickhouse/queries/overview";
import { listContacts } from "@/clickhouse/queries/contact-list";
import { segmentBenchQueries } from "./segments";
import type { BenchQuery } from "./stats";
import { unresolvedBenchQueries } from "./unresolved";

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
    ...contactListQueries(store, workspaceId, now),
    ...unresolvedBenchQueries(store, workspaceId, now),
    ...segmentBenchQueries(store, workspaceId, now),
  ];
}

/** The Contacts page as people open it: the landing view, a status filter, a search, a deep page. */
function contactListQueries(store: Store, workspaceId: string, now: Date): BenchQuery[] {
  const page = { sort: "lastActive", direction: "desc", limit: 50, offset: 0 } as const;
  return [
    { group: "contacts", name: "landing page", run: () => listContacts(store, workspaceId, page, now) },
    { group: "contacts", name: "status requesting", run: () => listContacts(store, workspaceId, { ...page, status: "requesting" }, now) },
    { group: "contacts", name: "search name 'sha'", run: () => listContacts(store, workspaceId, { ...page, search: "sha" }, now) },
    { group: "contacts", name: "sort name, page 100", run: () => listContacts(store, workspaceId, { ...page, sort: "name", direction: "asc", offset: 4950 }, now) },
  ];
}
