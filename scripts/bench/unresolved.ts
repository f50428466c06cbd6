/**
 * The unresolved-query report's queries for scripts/bench.ts: the whole
 * report over the last 90 days, as the page loads it (plus a search and a
 * later page of the request list).
 */
import type { Store } from "@/clickhouse/client";
import { askedRequests, repeaters, topTerms } from "@/clickhouse/queries/unresolved-asked";
import { backlog } from "@/clickhouse/queries/unresolved-backlog";
import { entryPoints } from "@/clickhouse/queries/unresolved-sources";
import { interveneSpeed, speedReport } from "@/clickhouse/queries/unresolved-speed";
import { requestsPerDay } from "@/clickhouse/queries/unresolved-volume";
import { previousRange } from "@/clickhouse/vocabulary/dates";
import { daysBack } from "./range";
import type { BenchQuery } from "./stats";

export function unresolvedBenchQueries(store: Store, workspaceId: string, now: Date, days = 90): BenchQuery[] {
  const range = daysBack(now, days);
  const group = "unresolved";
  const d = `${days} d`;
  return [
    { group, name: `requestsPerDay ${d}`, run: () => requestsPerDay(store, workspaceId, range) },
    { group, name: `speedReport ${d}`, run: () => speedReport(store, workspaceId, range) },
    { group, name: "backlog (now)", run: () => backlog(store, workspaceId) },
    // The page opens on the first-message tags; the tags, the costliest dimension, when picked.
    { group, name: `entryPoints ${d}`, run: () => entryPoints(store, workspaceId, range, "firstMessageTag") },
    { group, name: `entryPoints by tag ${d}`, run: () => entryPoints(store, workspaceId, range, "tag") },
    { group, name: `askedRequests ${d} page 1`, run: () => askedRequests(store, workspaceId, range, { search: "", offset: 0, limit: 20 }) },
    { group, name: `askedRequests ${d} page 50`, run: () => askedRequests(store, workspaceId, range, { search: "", offset: 980, limit: 20 }) },
    { group, name: `askedRequests ${d} search`, run: () => askedRequests(store, workspaceId, range, { search: "refund", offset: 0, limit: 20 }) },
    { group, name: `topTerms ${d}`, run: () => topTerms(store, workspaceId, range) },
    { group, name: `repeaters ${d}`, run: () => repeaters(store, workspaceId, range) },
    // The page asks for all its sections at once (the headline compares its requests and time to intervene with the period before);
    // they share the machine, so the last section shows this long after the page asked.
    {
      group,
      name: `page: every section at once ${d}`,
      run: () => {
        const before = previousRange(range) ?? range;
        return Promise.all([
          requestsPerDay(store, workspaceId, range),
          requestsPerDay(store, workspaceId, before),
          speedReport(store, workspaceId, range),
          interveneSpeed(store, workspaceId, before),
          backlog(store, workspaceId),
          entryPoints(store, workspaceId, range, "firstMessageTag"),
          topTerms(store, workspaceId, range),
          askedRequests(store, workspaceId, range, { search: "", offset: 0, limit: 20 }),
          repeaters(store, workspaceId, range),
        ]);
      },
    },
  ];
}
