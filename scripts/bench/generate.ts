import type { Store } from "@/clickhouse/client";
import { generateEvents, planDemo } from "@/server/demo/generator";
import { seedDemo } from "@/server/demo/seed";
import { DEMO_RETAIL } from "@/server/demo/workspace";
import { encodeEventRows, toEventRow } from "@/server/ingestion/rows";
import { cpuSecondsSince, fmt, formatTable, trackPeakRss } from "./stats";
import { timedStore } from "./timed-store";


/**
 * JS-side ingestion cost the store timings cannot see, measured on one
 * generated batch: building the rows (payload JSON) and encoding them as the
 * TabSeparated body the insert sends.
 */
function jsCostPerEvent(opts: { contacts: number; events: number }, now: number) {
  const plan = planDemo({ ...opts, now });
  const batch = generateEvents({ ...opts, now, plan, batchSize: 25_000 }).next().value ?? [];
  const t0 = performance.now();
  const rows = batch.map((e) => toEventRow(DEMO_RETAIL.workspaceId, e));
  const t1 = performance.now();
  const body = encodeEventRows(rows);
  const t2 = performance.now();
  return { rowsUs: ((t1 - t0) * 1000) / batch.length, encodeUs: ((t2 - t1) * 1000) / batch.length, bytesPerRow: body.length / batch.length };
}

/** Loads the demo through seedDemo (the same ingestion as every source) and prints the write rate and where the time goes. */
export async function benchGenerate(
  inner: Store,
  size: { contacts: number; events: number },
  opts: { now: Date; reuse: boolean },
): Promise<{ skipped: boolean; eventsPerSec: number }> {
  const { store, timings } = timedStore(inner);
  const tty = Boolean(process.stdout.isTTY);
  let lastPrinted = 0;
  const cpu = process.cpuUsage();
  const rss = trackPeakRss(1000);
  const seeded = await seedDemo(store, {
    ...size,
    now: opts.now,
    ifMissing: opts.reuse,
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
  const cpuSeconds = cpuSecondsSince(cpu);
  const peakRssMiB = rss.stop();
  if (tty) process.stdout.write("\r\x1b[2K");
  if (seeded.skipped) return { skipped: true, eventsPerSec: 0 };

  console.log(
    `\n[bench] generate: ${fmt(seeded.generated)} events in ${seeded.seconds.toFixed(1)} s = ${fmt(seeded.eventsPerSec)} events/s` +
      ` (${fmt(seeded.stored)} stored; ${cpuSeconds.toFixed(1)} CPU s, ${fmt(seeded.generated / cpuSeconds)} events per CPU second;` +
      ` peak RSS ${fmt(peakRssMiB)} MiB)`,
  );
  console.log(`[bench] of which the read models' rebuild at the end of each bulk load: ${fmt(seeded.timings.rebuildMs)} ms`);
  const js = jsCostPerEvent(size, opts.now.getTime());
  const perEvent = (ms: number) => ((ms * 1000) / seeded.generated).toFixed(1);
  const rows: Array<[string, number, number, string]> = [
    ["generate events (JS)", seeded.timings.generateMs, 0, perEvent(seeded.timings.generateMs)],
    ["ingestEvents, call to resolve", seeded.timings.ingestMs, 0, perEvent(seeded.timings.ingestMs)],
  ];
  for (const [kind, t] of [...timings.byKind].sort((a, b) => b[1].ms - a[1].ms)) {
    rows.push([`  store: ${kind}`, t.ms, t.calls, perEvent(t.ms)]);
  }
  rows.push([`  of which JS: rows + payload JSON (sampled)`, (js.rowsUs * seeded.generated) / 1000, 0, js.rowsUs.toFixed(1)]);
  rows.push([`  of which JS: TabSeparated body (sampled)`, (js.encodeUs * seeded.generated) / 1000, 0, js.encodeUs.toFixed(1)]);
  console.log(
    formatTable(
      ["where the time goes", "ms", "calls", "µs/event"],
      rows.map(([a, ms, calls, us]) => [a, Math.round(ms), calls, us]),
    ),
  );
  console.log(`[bench] ~${fmt(js.bytesPerRow)} bytes of TabSeparated per event (lookups run side by side, so their times overlap)`);
  return { skipped: false, eventsPerSec: seeded.eventsPerSec };
}
