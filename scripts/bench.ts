/**
 * `npm run bench -- [--only generate,queries,live,api,webhook,csv,sync,screens] [--quick] [--size large|default|small]
 *   [--contacts N] [--events N] [--runs 30] [--api-events N] [--api-batches 1000,10000] [--senders 4]
 *   [--webhook-deliveries N] [--csv-rows N] [--port 3390] [--data-dir DIR] [--reuse]`
 *
 * In a data directory (`.bench/` in the repo unless --data-dir), runs the
 * chosen parts, all of them unless --only:
 *
 * - generate: loads the demo through seedDemo (removing the directory first
 *   unless --reuse) and reports the write rate and where ingestion spends its time;
 * - queries: times the report queries (Overview, Contacts, Unresolved, Segments),
 *   each warmed up and run --runs times (p50, p95);
 * - live: batches of the demo workspace's own next hours through ingestion, from --senders
 *   senders at once (chats the store already holds, where the other write parts fill new
 *   workspaces): events/s and statements; the demo keeps them;
 * - api: Event API events/s over HTTP, per batch size, with --senders senders at once;
 * - webhook: signed WhatsApp deliveries/s through the webhook route over HTTP (answered once
 *   in the inbox), and how long until the event log has them all;
 * - csv: CSV import rows/s of a generated file, and the peak memory;
 * - sync: the joins and leaves of a segment destination over about half the contacts
 *   (scripts/bench/sync.ts), --runs times (at most 10);
 * - screens: the production app on the store (built first when the code changed), on
 *   --port, each screen opened in Debian's Chromium --runs times until nothing on it is
 *   loading (scripts/bench/screens.ts). It runs last: the app takes the store's directory.
 *
 * --quick is a smaller run of everything (the small demo, 20,000 API events,
 * 2,000 deliveries, 50,000 CSV rows) that finishes in a minute or two.
 * The api, webhook and csv parts write to workspaces of their own, named by
 * the run, so they can run again on the same directory; live adds to the demo.
 * New query groups go in scripts/bench/queries.ts.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createStore, setStore, StoreLockedError, type Store } from "@/clickhouse/client";
import { storeConfigFromEnv } from "@/clickhouse/config";
import { migrate } from "@/clickhouse/migrate";
import { listContacts } from "@/clickhouse/queries/contact-list";
import { getContactState } from "@/clickhouse/queries/contacts";
import { DEMO_SIZES, resolveSize, type DemoSize } from "@/server/demo/generator";
import { DEMO_RETAIL } from "@/server/demo/workspace";
import { benchCsvImport } from "./bench/csv";
import { benchEventApi } from "./bench/event-api";
import { benchGenerate } from "./bench/generate";
import { benchLive } from "./bench/live";
import { queryGroups } from "./bench/queries";
import { biggestFunnel } from "./bench/campaigns";
import { seedConversions } from "./bench/conversions";
import { fastUnderSlow } from "./bench/fast-under-slow";
import { fmt, formatTable, timeQuery, type QueryTiming } from "./bench/stats";
import type { StoreTimings } from "./bench/timed-store";
import { storageReport } from "./bench/storage";
import { targetMs } from "./bench/targets";
import { benchSync, SYNC_TARGET_MS } from "./bench/sync";
import { benchScreens, screensOf } from "./bench/screens";
import { listCampaigns } from "@/clickhouse/queries/campaign-list";
import { daysBack } from "./bench/range";
import { benchWebhook } from "./bench/webhook";

const root = path.resolve(import.meta.dirname, "..");
const PARTS = ["generate", "queries", "live", "api", "webhook", "csv", "sync", "screens"] as const;
type Part = (typeof PARTS)[number];

function parse() {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      quick: { type: "boolean", default: false },
      size: { type: "string" },
      contacts: { type: "string" },
      events: { type: "string" },
      runs: { type: "string" },
      "api-events": { type: "string" },
      "api-batches": { type: "string" },
      senders: { type: "string" },
      "webhook-deliveries": { type: "string" },
      "csv-rows": { type: "string" },
      port: { type: "string" },
      "data-dir": { type: "string" },
      reuse: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(
      "usage: npm run bench -- [--only generate,queries,live,api,webhook,csv,sync,screens] [--quick] [--size large|default|small] [--contacts N] [--events N]\n" +
        "         [--runs 30] [--api-events N] [--api-batches 1000,10000] [--senders 4] [--webhook-deliveries N] [--csv-rows N] [--port 3390] [--data-dir DIR] [--reuse]",
    );
    process.exit(0);
  }
  const fail = (message: string): never => {
    console.error(`[bench] ${message}`);
    process.exit(1);
  };
  const quick = values.quick!;
  const size = values.size ?? (quick ? "small" : "large");
  if (!(size in DEMO_SIZES)) fail(`--size must be one of ${Object.keys(DEMO_SIZES).join(", ")}`);
  const count = (name: string, v: string | undefined, fallback: number) => {
    if (v === undefined) return fallback;
    const n = Number(v.replaceAll("_", "").replaceAll(",", ""));
    if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a whole number above 0`);
    return n;
  };
  const only = (values.only ?? PARTS.join(",")).split(",").map((p) => p.trim()).filter(Boolean);
  const unknown = only.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length) fail(`--only takes ${PARTS.join(", ")} (not ${unknown.join(", ")})`);
  const apiBatches = (values["api-batches"] ?? "1000,10000").split(",").map((b) => count("api-batches", b, 0));
  return {
    parts: new Set(only as Part[]),
    size: size as DemoSize,
    contacts: values.contacts === undefined ? undefined : count("contacts", values.contacts, 0),
    events: values.events === undefined ? undefined : count("events", values.events, 0),
    runs: count("runs", values.runs, quick ? 10 : 30),
    // Batches of the demo's own next hours (live): 10 of 10,000 events, 5 of 2,000 when quick.
    live: quick ? { batches: 5, batch: 2_000 } : { batches: 10, batch: 10_000 },
    apiEvents: count("api-events", values["api-events"], quick ? 20_000 : 200_000),
    apiBatches,
    senders: count("senders", values.senders, 4),
    webhookDeliveries: count("webhook-deliveries", values["webhook-deliveries"], quick ? 2_000 : 20_000),
    csvRows: count("csv-rows", values["csv-rows"], quick ? 50_000 : 1_000_000),
    port: count("port", values.port, 3390),
    dataDir: path.resolve(values["data-dir"] ?? path.join(root, ".bench")),
    reuse: values.reuse!,
  };
}

async function main() {
  const args = parse();
  const size = resolveSize(args);
  const poolSize = (() => {
    const c = storeConfigFromEnv();
    return c.kind === "embedded" ? c.poolSize : 4;
  })();
  // Only a fresh demo load starts from an empty directory; the other parts add workspaces of their own.
  if (args.parts.has("generate") && !args.reuse) rmSync(args.dataDir, { recursive: true, force: true });
  let store: Store;
  try {
    store = createStore({ kind: "embedded", dataDir: args.dataDir, poolSize });
  } catch (err) {
    if (err instanceof StoreLockedError) {
      console.error(`[bench] ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  // The route handlers the HTTP parts call find the store through getStore().
  setStore(store);
  const now = new Date();
  const runId = now.getTime().toString(36);
  try {
    await migrate(store);
    console.log(`[bench] ${args.dataDir}: ${[...args.parts].join(", ")} (${poolSize} store connections)`);

    if (args.parts.has("generate")) {
      console.log(`[bench] generate: demo ${fmt(size.contacts)} contacts, ~${fmt(size.events)} events (+ the small clinic workspace)`);
      await benchGenerate(store, size, { now, reuse: args.reuse });
    }

    if (args.parts.has("queries")) {
      console.log(`\n[bench] report queries: ${args.runs} runs each after 2 warm-up runs, workspace ${DEMO_RETAIL.workspaceId}`);
      const results: QueryTiming[] = [];
      const contact = await busiestContact(store, now);
      // An old store has no conversions: add some after the biggest campaign, through ingestion.
      const seeded = await seedConversions(store, DEMO_RETAIL.workspaceId, now);
      if (seeded) console.log(`[bench] the store had no conversions: ${fmt(seeded)} added after the biggest campaign, through ingestion`);
      for (const q of queryGroups(store, DEMO_RETAIL.workspaceId, now, contact)) results.push(await timeQuery(q, args.runs));
      console.log(
        formatTable(
          ["group", "query", "p50 ms", "p95 ms", "target p95", "", "CPU p50", "CPU p95", "rows"],
          results.map((r) => {
            const target = targetMs(r.group, r.name);
            const ms = (n: number) => Number(n.toFixed(1));
            return [r.group, r.name, ms(r.p50), ms(r.p95), target, r.p95 <= target ? "ok" : "MISS", ms(r.cpuP50), ms(r.cpuP95), r.rows];
          }),
        ),
      );
      const missed = results.filter((r) => r.p95 > targetMs(r.group, r.name));
      console.log(`[bench] ${results.length - missed.length} of ${results.length} queries at or under their p95 target`);

      const slowReport = "biggest campaign's funnel with a 30-day reply window";
      const fast = await fastUnderSlow(
        { group: "profile", name: "basic parameters", run: () => getContactState(store, DEMO_RETAIL.workspaceId, contact, now) },
        { group: "campaigns", name: slowReport, run: () => biggestFunnel(store, DEMO_RETAIL.workspaceId, now, 720) },
      );
      console.log(
        `[bench] fast under slow: a profile's basic parameters p50 ${fast.p50.toFixed(1)} ms, p95 ${fast.p95.toFixed(1)} ms ` +
          `(target 50 ms) over ${fast.runs} runs while the ${slowReport} ran (${Math.round(fast.slowMs)} ms in all)`,
      );
      console.log("\n[bench] on disk");
      await storageReport(store);
    }

    if (args.parts.has("live")) {
      const { batches, batch } = args.live;
      console.log(
        `\n[bench] live: ${batches} batches of ${fmt(batch)} events, the next hours of the demo's own chats, from ${args.senders} senders through ingestEvents`,
      );
      const r = await benchLive(store, { runId, batches, batch, senders: args.senders });
      console.log(
        formatTable(
          ["batches", "senders", "events", "chats", "s", "events/s", "CPU s", "batch p50 ms", "batch p95 ms"],
          [[r.batches, r.senders, r.events, r.contacts, Number(r.seconds.toFixed(1)), Math.round(r.eventsPerSec), Number(r.cpuSeconds.toFixed(1)), Math.round(r.p50Ms), Math.round(r.p95Ms)]],
        ),
      );
      console.log("[bench] the live batches' statements (wall ms; a round's refreshes run side by side, and beside the next round's statements)");
      console.log(statementTable(r.timings, r.events));
    }

    if (args.parts.has("api")) {
      console.log(`\n[bench] Event API: ${fmt(args.apiEvents)} events per batch size, ${args.senders} senders, JSON arrays over HTTP`);
      const results = await benchEventApi(store, { runId, events: args.apiEvents, batchSizes: args.apiBatches, concurrency: args.senders, now: now.getTime() });
      console.log(
        formatTable(
          ["batch", "senders", "events", "s", "events/s", "CPU s", "p50 ms", "p95 ms"],
          results.map((r) => [r.batchSize, r.concurrency, r.events, Number(r.seconds.toFixed(1)), Math.round(r.eventsPerSec), Number(r.cpuSeconds.toFixed(1)), Number(r.p50Ms.toFixed(1)), Number(r.p95Ms.toFixed(1))]),
        ),
      );
      console.log("[bench] every answer checked (all stored, none rejected); a retried batch stored nothing again");
      for (const r of results) {
        console.log(`[bench] batches of ${fmt(r.batchSize)}: the statements (wall ms; the senders' statements overlap, so they add up to more than the run)`);
        console.log(statementTable(r.timings, r.events));
      }
    }

    if (args.parts.has("webhook")) {
      const senders = Math.max(args.senders, 16);
      console.log(`\n[bench] WhatsApp webhook: ${fmt(args.webhookDeliveries)} signed deliveries (1 message or status each), ${senders} senders`);
      const r = await benchWebhook(store, { runId, deliveries: args.webhookDeliveries, concurrency: senders, now: now.getTime() });
      console.log(
        formatTable(
          ["deliveries", "senders", "answered s", "deliveries/s", "in the log s", "CPU s", "p50 ms", "p95 ms"],
          [
            [
              r.deliveries,
              r.concurrency,
              Number(r.seconds.toFixed(1)),
              Math.round(r.deliveriesPerSec),
              Number(r.storedSeconds.toFixed(1)),
              Number(r.cpuSeconds.toFixed(1)),
              Number(r.p50Ms.toFixed(1)),
              Number(r.p95Ms.toFixed(1)),
            ],
          ],
        ),
      );
    }

    if (args.parts.has("csv")) {
      console.log(`\n[bench] CSV import: a generated file of ${fmt(args.csvRows)} contacts (phone, name, email, city, tags), streamed from disk`);
      const r = await benchCsvImport(store, { runId, rows: args.csvRows });
      console.log(
        formatTable(
          ["rows", "file MiB", "s", "rows/s", "CPU s", "peak RSS MiB"],
          [[r.rows, Number(r.fileMiB.toFixed(1)), Number(r.seconds.toFixed(1)), Math.round(r.rowsPerSec), Number(r.cpuSeconds.toFixed(1)), Math.round(r.peakRssMiB)]],
        ),
      );
      console.log(`[bench] report: ${fmt(r.report.imported)} imported, ${fmt(r.report.rejectedCount)} rejected`);
      console.log("[bench] the import's statements (wall ms; a round's read-model refresh runs beside the next round's statements, and parsing beside both)");
      console.log(statementTable(r.timings, r.rows, "rows"));
    }

    if (args.parts.has("sync")) {
      const runs = Math.min(args.runs, 10);
      console.log(`\n[bench] segment sync: joins and leaves of a destination over about half the contacts, ${runs} runs after a warm-up`);
      const steps = await benchSync(store, { runs, now, runId });
      console.log(
        formatTable(
          ["step", "p50 ms", "p95 ms", "target p95", "", "contacts"],
          steps.map((r) => {
            const whole = r.step.endsWith("all of it");
            return [r.step, Number(r.p50.toFixed(1)), Number(r.p95.toFixed(1)), whole ? SYNC_TARGET_MS : "", whole ? (r.p95 <= SYNC_TARGET_MS ? "ok" : "MISS") : "", r.rows];
          }),
        ),
      );
    }
    if (args.parts.has("screens")) {
      // The app takes the store's directory: the bench lets go of it first.
      const contact = await busiestContact(store, now);
      const campaign = await listCampaigns(store, DEMO_RETAIL.workspaceId, daysBack(now, 366), { search: "", sort: "recipients", direction: "desc", limit: 1, offset: 0 });
      setStore(undefined);
      await store.close();
      const screens = screensOf(DEMO_RETAIL.workspaceId, contact, campaign.rows[0]?.campaignId ?? "");
      console.log(`\n[bench] screens: the production app on this store in Chromium, each page loaded anew ${args.runs} times after 2 warm-ups, until nothing on it is loading`);
      const results = await benchScreens({ dataDir: args.dataDir, port: args.port, runs: args.runs, screens });
      console.log(
        formatTable(
          ["screen", "p50 ms", "p95 ms", "API requests"],
          results.map((r) => [r.screen, Math.round(r.p50), Math.round(r.p95), r.apiRequests]),
        ),
      );
    }
  } finally {
    setStore(undefined);
    await store.close();
  }
}

/** The contact with the most session messages: the longest journey, which the profile's figures use. */
async function busiestContact(store: Store, now: Date): Promise<string> {
  const busiest = await listContacts(store, DEMO_RETAIL.workspaceId, { sort: "sessionMessages", direction: "desc", limit: 1, offset: 0 }, now);
  return busiest.rows[0]?.phone ?? "+10000000000";
}

/** Where a write path's time went, statement by statement (the reports client.ts names them by). */
function statementTable(timings: StoreTimings, units: number, unit = "events"): string {
  return formatTable(
    ["statement", "calls", "ms", `ms per 1,000 ${unit}`],
    [...timings.byKind].sort((a, b) => b[1].ms - a[1].ms).map(([kind, t]) => [kind, t.calls, Math.round(t.ms), Number(((t.ms / units) * 1000).toFixed(1))]),
  );
}

main().catch((err) => {
  console.error(`[bench] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
