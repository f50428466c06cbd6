/**
 * `npm run bench -- [--size large|default|small] [--contacts N] [--events N] [--runs 30] [--data-dir DIR] [--reuse]`
 *
 * In a fresh data directory (`.bench/` in the repo unless --data-dir; removed
 * first unless --reuse), loads the demo through seedDemo and reports the write
 * rate and where ingestion spends its time, then times the report queries:
 * each one warmed up, then run --runs times; p50, p95 and rows per query.
 *
 * New query groups go in `queryGroups` below: a list of { group, name, run }.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createStore, StoreLockedError, type Store } from "@/clickhouse/client";
import { storeConfigFromEnv } from "@/clickhouse/config";
import { migrate } from "@/clickhouse/migrate";
import { campaignTotals, contactStatusCounts, messagesPerDay } from "@/clickhouse/queries/overview";
import { DEMO_SIZES, generateEvents, planDemo, resolveSize, type DemoSize } from "@/server/demo/generator";
import { seedDemo } from "@/server/demo/seed";
import { DEMO_RETAIL } from "@/server/demo/workspace";
import { toEventRow } from "@/server/ingestion/rows";
import { formatTable, timeQuery, type BenchQuery, type QueryTiming } from "./bench/stats";
import { timedStore } from "./bench/timed-store";

const root = path.resolve(import.meta.dirname, "..");
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

function parse() {
  const { values } = parseArgs({
    options: {
      size: { type: "string", default: "large" },
      contacts: { type: "string" },
      events: { type: "string" },
      runs: { type: "string", default: "30" },
      "data-dir": { type: "string" },
      reuse: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log("usage: npm run bench -- [--size large|default|small] [--contacts N] [--events N] [--runs 30] [--data-dir DIR] [--reuse]");
    process.exit(0);
  }
  const fail = (message: string): never => {
    console.error(`[bench] ${message}`);
    process.exit(1);
  };
  if (!(values.size! in DEMO_SIZES)) fail(`--size must be one of ${Object.keys(DEMO_SIZES).join(", ")}`);
  const count = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const n = Number(v.replaceAll("_", "").replaceAll(",", ""));
    if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a whole number above 0`);
    return n;
  };
  return {
    size: values.size as DemoSize,
    contacts: count("contacts", values.contacts),
    events: count("events", values.events),
    runs: count("runs", values.runs)!,
    dataDir: path.resolve(values["data-dir"] ?? path.join(root, ".bench")),
    reuse: values.reuse!,
  };
}

/** The queries to time. Add a group per report as the app grows. */
function queryGroups(store: Store, workspaceId: string, now: Date): BenchQuery[] {
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

/**
 * JS-side ingestion cost the store timings cannot see, measured on one
 * generated batch: building the rows (payload JSON) and serialising them as
 * JSONEachRow, as @clickhouse/client does before handing them to chDB.
 */
function jsCostPerEvent(opts: { contacts: number; events: number }, now: number) {
  const plan = planDemo({ ...opts, now });
  const batch = generateEvents({ ...opts, now, plan, batchSize: 25_000 }).next().value ?? [];
  const t0 = performance.now();
  const rows = batch.map((e) => toEventRow(DEMO_RETAIL.workspaceId, e));
  const t1 = performance.now();
  let bytes = 0;
  for (const r of rows) bytes += JSON.stringify(r).length + 1;
  const t2 = performance.now();
  return { rowsUs: ((t1 - t0) * 1000) / batch.length, jsonUs: ((t2 - t1) * 1000) / batch.length, bytesPerRow: bytes / batch.length };
}

async function main() {
  const args = parse();
  const size = resolveSize(args);
  const poolSize = (() => {
    const c = storeConfigFromEnv();
    return c.kind === "embedded" ? c.poolSize : 4;
  })();
  if (!args.reuse) rmSync(args.dataDir, { recursive: true, force: true });
  let inner: Store;
  try {
    inner = createStore({ kind: "embedded", dataDir: args.dataDir, poolSize });
  } catch (err) {
    if (err instanceof StoreLockedError) {
      console.error(`[bench] ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const { store, timings } = timedStore(inner);
  const now = new Date();
  try {
    await migrate(inner);
    console.log(
      `[bench] ${args.dataDir}: demo ${fmt(size.contacts)} contacts, ~${fmt(size.events)} events (+ the small clinic workspace)`,
    );
    const tty = Boolean(process.stdout.isTTY);
    let lastPrinted = 0;
    const seeded = await seedDemo(store, {
      ...size,
      now,
      ifMissing: args.reuse,
      log: (line) => {
        if (tty) process.stdout.write("\r\x1b[2K");
        console.log(`[bench] ${line}`);
      },
      onProgress: (p) => {
        const line = `[bench] ${fmt(p.processed)} / ~${fmt(p.total)} events · ${fmt(p.eventsPerSec)} events/s`;
        if (tty) process.stdout.write(`\r\x1b[2K${line}`);
        else if (p.elapsedMs - lastPrinted >= 10_000) {
          lastPrinted = p.elapsedMs;
          console.log(line);
        }
      },
    });
    if (tty) process.stdout.write("\r\x1b[2K");

    if (!seeded.skipped) {
      console.log(
        `\n[bench] write: ${fmt(seeded.generated)} events in ${seeded.seconds.toFixed(1)} s = ${fmt(seeded.eventsPerSec)} events/s` +
          ` (${fmt(seeded.stored)} stored)`,
      );
      const js = jsCostPerEvent(size, now.getTime());
      const perEvent = (ms: number) => ((ms * 1000) / seeded.generated).toFixed(1);
      const rows: Array<[string, number, number, string]> = [
        ["generate events (JS)", seeded.timings.generateMs, 0, perEvent(seeded.timings.generateMs)],
        ["ingestEvents, call to resolve", seeded.timings.ingestMs, 0, perEvent(seeded.timings.ingestMs)],
      ];
      for (const [kind, t] of [...timings.byKind].sort((a, b) => b[1].ms - a[1].ms)) {
        rows.push([`  store: ${kind}`, t.ms, t.calls, perEvent(t.ms)]);
      }
      rows.push([`  of which JS: rows + payload JSON (sampled)`, (js.rowsUs * seeded.generated) / 1000, 0, js.rowsUs.toFixed(1)]);
      rows.push([`  of which JS: JSONEachRow body (sampled)`, (js.jsonUs * seeded.generated) / 1000, 0, js.jsonUs.toFixed(1)]);
      console.log(
        formatTable(
          ["where the time goes", "ms", "calls", "µs/event"],
          rows.map(([a, ms, calls, us]) => [a, Math.round(ms), calls, us]),
        ),
      );
      console.log(`[bench] ~${fmt(js.bytesPerRow)} bytes of JSONEachRow per event`);
    }

    console.log(`\n[bench] queries: ${args.runs} runs each after 2 warm-up runs, workspace ${DEMO_RETAIL.workspaceId}`);
    const results: QueryTiming[] = [];
    for (const q of queryGroups(inner, DEMO_RETAIL.workspaceId, now)) results.push(await timeQuery(q, args.runs));
    console.log(
      formatTable(
        ["group", "query", "p50 ms", "p95 ms", "rows"],
        results.map((r) => [r.group, r.name, Number(r.p50.toFixed(1)), Number(r.p95.toFixed(1)), r.rows]),
      ),
    );
  } finally {
    await inner.close();
  }
}

main().catch((err) => {
  console.error(`[bench] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
