/** Timing helpers for scripts/bench.ts. */

export interface BenchQuery {
  /** A group of related queries (one screen, one report); the table is grouped by it. */
  group: string;
  name: string;
  run: () => Promise<unknown>;
}

export interface QueryTiming {
  group: string;
  name: string;
  runs: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  /**
   * CPU ms of the whole process (every engine thread) per run, p50 and p95:
   * queries run one at a time, so it is the query's, and unlike wall time it
   * barely moves when other work shares the machine's cores.
   */
  cpuP50: number;
  cpuP95: number;
  /** Rows (or, for an object result, 1) of the last run. */
  rows: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function rowsOf(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  if (result instanceof Map || result instanceof Set) return result.size;
  return result === undefined || result === null ? 0 : 1;
}

/** Runs the query `warmup` times unmeasured, then `runs` times one after another. */
export async function timeQuery(q: BenchQuery, runs: number, warmup = 2): Promise<QueryTiming> {
  let last: unknown;
  for (let i = 0; i < warmup; i++) last = await q.run();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    last = await q.run();
    times.push(performance.now() - t);
    cpu.push(cpuSecondsSince(c) * 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    group: q.group,
    name: q.name,
    runs,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    min: times[0],
    max: times[times.length - 1],
    cpuP50: percentile(cpu, 50),
    cpuP95: percentile(cpu, 95),
    rows: rowsOf(last),
  };
}

/** A plain-text table, numbers right-aligned. */
export function formatTable(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === "number" ? formatNumber(c) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i]).length)));
  const numeric = header.map((_, i) => rows.every((r) => typeof r[i] === "number"));
  const line = (r: Array<string | number>) =>
    r.map((c, i) => (numeric[i] ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join("  ").trimEnd();
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

/** A whole count for a log line: 1,234,567. */
export const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return n.toLocaleString("en-US");
  return n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n).toLocaleString("en-US");
}

/** Samples the process's resident memory until stopped; returns the peak in MiB (sampled, so a short spike can slip past). */
export function trackPeakRss(everyMs = 100): { stop: () => number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss()) / 2 ** 20;
    },
  };
}

/** CPU seconds this process used (every thread: JS and the embedded engine) since `since`. */
export function cpuSecondsSince(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}
