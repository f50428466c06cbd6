/**
 * The sync part of scripts/bench.ts: the joins and leaves of a destination of
 * a segment of about half the contacts, on the demo retail workspace of the
 * store given. Each run writes the first sync's generation (organic contacts:
 * ~52% of the demo), then a second one (everyone who got "New arrivals":
 * ~64%, overlapping), and times what a sync does before it sends: the
 * members and their changes (the anti-joins), the counts, and every joining
 * and leaving contact read in the pages of 10,000 lines a sync posts (with
 * the joiners' names), without HTTP. "contacts" is the lines of that sync.
 * The bench destination's rows are removed at the end.
 */
import type { Store } from "@/clickhouse/client";
import { changesPage, countChanges, dropAllGenerations, writeGeneration, type DiffScope } from "@/clickhouse/queries/destination-diff";
import { listAttributeDefinitions } from "@/clickhouse/queries/attributes";
import { compileSegment } from "@/clickhouse/queries/segments/compile";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { DEMO_RETAIL } from "@/server/demo/retail";
import { BATCH_LINES } from "@/server/sync/run-sync";
import { percentile } from "./stats";

const and = (...children: FilterTree["children"]): FilterTree => ({ kind: "group", join: "and", children });
/** About half of the demo's contacts. */
export const ORGANIC: FilterTree = and({ kind: "source", op: "any", values: ["organic"], ad: false });
/** Another large audience, overlapping the first: the next sync's members. */
export const NEW_ARRIVALS: FilterTree = and({ kind: "tags", op: "any", tags: ["broadcast:cmp_new-arrivals"], tagKind: "any" });

/** The bar, at the large size: the joins and leaves of a 500,000-contact segment. */
export const SYNC_TARGET_MS = 2000;

export interface SyncBenchRow {
  step: string;
  p50: number;
  p95: number;
  rows: number;
}

async function allLines(store: Store, scope: DiffScope): Promise<number> {
  let lines = 0;
  for (const action of ["join", "leave"] as const) {
    let after = "";
    for (;;) {
      const page = await changesPage(store, scope, action, after, BATCH_LINES);
      if (page.length === 0) break;
      lines += page.length;
      after = page[page.length - 1].contact;
    }
  }
  return lines;
}

export async function benchSync(store: Store, opts: { runs: number; now: Date; runId: string }): Promise<SyncBenchRow[]> {
  const workspaceId = DEMO_RETAIL.workspaceId;
  const destinationId = `bench-sync-${opts.runId}`;
  const types = new Map((await listAttributeDefinitions(store, workspaceId)).map((d) => [d.name, d.type]));
  const clock = { now: opts.now, timeZone: DEMO_RETAIL.timeZone };
  const first = compileSegment(ORGANIC, clock, types);
  const second = compileSegment(NEW_ARRIVALS, clock, types);
  const times: Record<string, number[]> = {};
  const rows: Record<string, number> = {};
  const time = async <T>(step: string, run: () => Promise<T>, count: (r: T) => number): Promise<T> => {
    const started = performance.now();
    const result = await run();
    (times[step] ??= []).push(performance.now() - started);
    rows[step] = count(result);
    return result;
  };
  const scope = { workspaceId, destinationId, synced: 1, pending: 2 };
  try {
    // One warm-up, then the runs.
    for (let run = -1; run < opts.runs; run++) {
      await dropAllGenerations(store, workspaceId, destinationId);
      const started = performance.now();
      await time("first sync: members and changes", () => writeGeneration(store, { ...scope, synced: 0, pending: 1 }, first), () => 0);
      const everyone = await time("first sync: count (all join)", () => countChanges(store, { ...scope, synced: 0, pending: 1 }), (c) => c.joins);
      rows["first sync: members and changes"] = everyone.joins;
      await time(`first sync: read every line, ${BATCH_LINES.toLocaleString("en-US")} a page`, () => allLines(store, { ...scope, synced: 0, pending: 1 }), (n) => n);
      (times["first sync: all of it"] ??= []).push(performance.now() - started);
      rows["first sync: all of it"] = everyone.joins;
      const secondStarted = performance.now();
      await time("next sync: members and changes", () => writeGeneration(store, scope, second), () => 0);
      const diff = await time("next sync: count joins and leaves", () => countChanges(store, scope), (c) => c.joins + c.leaves);
      rows["next sync: members and changes"] = diff.joins + diff.leaves;
      await time(`next sync: read every line, ${BATCH_LINES.toLocaleString("en-US")} a page`, () => allLines(store, scope), (n) => n);
      (times["next sync: all of it"] ??= []).push(performance.now() - secondStarted);
      rows["next sync: all of it"] = diff.joins + diff.leaves;
      if (run === -1) for (const k of Object.keys(times)) times[k] = [];
    }
  } finally {
    await dropAllGenerations(store, workspaceId, destinationId);
  }
  return Object.entries(times).map(([step, t]) => {
    const sorted = [...t].sort((a, b) => a - b);
    return { step, p50: percentile(sorted, 50), p95: percentile(sorted, 95), rows: rows[step] ?? 0 };
  });
}
