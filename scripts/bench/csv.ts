import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import type { Store } from "@/clickhouse/client";
import { upsertAttributeDefinitions } from "@/clickhouse/queries/attributes";
import { importContactsCsv, type ImportReport } from "@/server/ingestion/csv-import";
import { cpuSecondsSince, trackPeakRss } from "./stats";
import { byReport, timedStore, type StoreTimings } from "./timed-store";

export interface CsvBenchResult {
  rows: number;
  fileMiB: number;
  seconds: number;
  rowsPerSec: number;
  cpuSeconds: number;
  peakRssMiB: number;
  report: ImportReport;
  /** The import's statements by report, in wall milliseconds (a round's refresh runs beside the next round's statements). */
  timings: StoreTimings;
}

const CITIES = ["Mumbai", "Delhi", "Bengaluru", "Pune", "Chennai", "Kolkata", "Jaipur"];
const TAGS = ["", "", "VIP", "Newsletter", "VIP;Wholesale", "Expo 2026"];

/** Writes a contacts CSV the way a person exports one: national phone numbers, names, an email and a city attribute, tags. */
async function writeCsv(file: string, rows: number): Promise<number> {
  const out = createWriteStream(file);
  out.write("Phone,Name,Email,City,Tags\n");
  let bytes = 0;
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    const n = 9_000_000_000 + ((i * 7_654_321) % 1_000_000_000);
    chunk += `0${n},Customer ${i},customer${i}@example.com,${CITIES[i % CITIES.length]},"${TAGS[i % TAGS.length]}"\n`;
    if (chunk.length > 1 << 20) {
      bytes += chunk.length;
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
      chunk = "";
    }
  }
  bytes += chunk.length;
  out.end(chunk);
  await finished(out);
  return bytes;
}

/**
 * A generated CSV file of `rows` contacts streamed from disk through the CSV
 * import (the path `npm run import` takes on a stopped app, and the import
 * route takes after reading the upload): phone normalisation, mapping,
 * validation, events, ingestion. Memory is the process's sampled peak RSS
 * while the import runs; the file is streamed, so it should not grow with it.
 */
export async function benchCsvImport(inner: Store, opts: { runId: string; rows: number }): Promise<CsvBenchResult> {
  const { store, timings } = timedStore(inner, byReport);
  const workspaceId = `bench-csv-${opts.runId}`;
  await upsertAttributeDefinitions(inner, workspaceId, [
    { name: "email", type: "email", options: [] },
    { name: "city", type: "text", options: [] },
  ]);
  const file = path.join(tmpdir(), `chatlens-bench-${opts.runId}.csv`);
  try {
    const bytes = await writeCsv(file, opts.rows);
    const rss = trackPeakRss();
    const cpu = process.cpuUsage();
    const started = performance.now();
    let lastPrinted = started;
    const report = await importContactsCsv(store, workspaceId, createReadStream(file), { country: "IN", sourceLabel: "bench" }, (p) => {
      if (performance.now() - lastPrinted < 10_000) return;
      lastPrinted = performance.now();
      const seconds = (lastPrinted - started) / 1000;
      console.log(`[bench] ${p.rows.toLocaleString("en-US")} rows · ${Math.round(p.rows / seconds).toLocaleString("en-US")} rows/s`);
    });
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = cpuSecondsSince(cpu);
    const peakRssMiB = rss.stop();
    if (report.imported !== opts.rows) throw new Error(`the import took ${report.imported} of ${opts.rows} rows: ${JSON.stringify(report.rejected.slice(0, 3))}`);
    return { rows: opts.rows, fileMiB: bytes / 2 ** 20, seconds, rowsPerSec: opts.rows / seconds, cpuSeconds, peakRssMiB, report, timings };
  } finally {
    await rm(file, { force: true });
  }
}
