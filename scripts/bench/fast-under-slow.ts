import { percentile, type BenchQuery } from "./stats";

/**
 * A fast query timed while a slow report runs on another connection: the
 * pool must keep one slow report from stalling every page. Runs `fast` back
 * to back for as long as `slow` runs (at least `minRuns` times).
 */
export async function fastUnderSlow(fast: BenchQuery, slow: BenchQuery, minRuns = 20): Promise<{ p50: number; p95: number; runs: number; slowMs: number }> {
  await fast.run();
  const times: number[] = [];
  let done = false;
  const started = performance.now();
  const slowRun = (async () => {
    // The slow report, repeated so it outlasts the fast runs.
    while (!done) await slow.run();
  })();
  while (times.length < minRuns) {
    const t = performance.now();
    await fast.run();
    times.push(performance.now() - t);
  }
  done = true;
  await slowRun;
  const slowMs = performance.now() - started;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), runs: times.length, slowMs };
}
