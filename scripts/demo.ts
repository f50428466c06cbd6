/**
 * `npm run demo -- [--size small|default|large] [--contacts N] [--events N] [--seed N] [--now ISO] [--if-missing]`
 *
 * Loads the demo workspaces (Acme Retail and Sunrise Clinic, sign in as
 * admin@demo.chatlens.dev / chatlens-demo) into the store: migrations first,
 * then config and generated events through the ingestion pipeline. Running it
 * again stores nothing new.
 */
import { parseArgs } from "node:util";
import { createStore, StoreLockedError, type Store } from "@/clickhouse/client";
import { migrate } from "@/clickhouse/migrate";
import { DEMO_SIZES, type DemoSize } from "@/server/demo/generator";
import { seedDemo, type SeedProgress } from "@/server/demo/seed";
import { DEMO_PASSWORD } from "@/server/demo/workspace";

class UsageError extends Error {}

function parse() {
  let parsed;
  try {
    parsed = parseOptions();
  } catch (err) {
    throw new UsageError(`${(err as Error).message} (see --help)`);
  }
  return parsed;
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      size: { type: "string" },
      contacts: { type: "string" },
      events: { type: "string" },
      seed: { type: "string" },
      now: { type: "string" },
      "batch-size": { type: "string" },
      "if-missing": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(
      "usage: npm run demo -- [--size small|default|large] [--contacts N] [--events N] [--seed N] [--now ISO-TIME] [--batch-size N] [--if-missing]",
    );
    process.exit(0);
  }
  const size = values.size ?? "default";
  if (!(size in DEMO_SIZES)) throw new UsageError(`--size must be one of ${Object.keys(DEMO_SIZES).join(", ")}`);
  const count = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const n = Number(v.replaceAll("_", "").replaceAll(",", ""));
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number above 0`);
    return n;
  };
  let now: number | undefined;
  if (values.now !== undefined) {
    now = Date.parse(values.now);
    if (Number.isNaN(now)) throw new UsageError("--now must be an ISO time, like 2026-11-23T09:30:00Z");
  }
  return {
    size: size as DemoSize,
    contacts: count("contacts", values.contacts),
    events: count("events", values.events),
    seed: count("seed", values.seed),
    batchSize: count("batch-size", values["batch-size"]),
    ifMissing: values["if-missing"],
    now,
  };
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

function progressLine(p: SeedProgress): string {
  const pct = p.total ? Math.min(100, (100 * p.processed) / p.total) : 0;
  return (
    `[demo] ${p.workspaceId}: ${fmt(p.processed)} / ~${fmt(p.total)} events (${pct.toFixed(0)}%)` +
    ` · ${fmt(p.eventsPerSec)} events/s · ETA ${p.etaSeconds === null ? "…" : formatDuration(p.etaSeconds)}` +
    (p.duplicates ? ` · ${fmt(p.duplicates)} already stored` : "")
  );
}

async function main() {
  const args = parse();
  let store: Store;
  try {
    store = createStore();
  } catch (err) {
    if (err instanceof StoreLockedError) {
      console.error(`[demo] ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  try {
    await migrate(store, (line) => console.log(`[demo] ${line}`));
    const tty = Boolean(process.stdout.isTTY);
    let lastPrinted = 0;
    const result = await seedDemo(store, {
      ...args,
      log: (line) => {
        if (tty) process.stdout.write("\r\x1b[2K");
        console.log(`[demo] ${line}`);
      },
      onProgress: (p) => {
        if (tty) {
          process.stdout.write(`\r\x1b[2K${progressLine(p)}`);
        } else if (p.elapsedMs - lastPrinted >= 5000) {
          lastPrinted = p.elapsedMs;
          console.log(progressLine(p));
        }
      },
    });
    if (tty) process.stdout.write("\r\x1b[2K");
    if (!result.skipped) {
      console.log(
        `[demo] ${fmt(result.generated)} events in ${result.seconds.toFixed(1)} s (${fmt(result.eventsPerSec)} events/s): ` +
          `${fmt(result.stored)} stored, ${fmt(result.duplicates)} already there` +
          ` · generating ${(result.timings.generateMs / 1000).toFixed(1)} s, ingesting ${(result.timings.ingestMs / 1000).toFixed(1)} s`,
      );
      console.log(`[demo] sign in as admin@demo.chatlens.dev with password ${DEMO_PASSWORD}`);
    }
  } finally {
    await store.close();
  }
}

main().catch((err) => {
  if (err instanceof UsageError || err instanceof StoreLockedError) {
    console.error(`[demo] ${err.message}`);
  } else {
    console.error(`[demo] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
  process.exit(1);
});
