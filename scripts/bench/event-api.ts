import { POST as eventApiRoute } from "@/app/api/v1/events/route";
import { setStore, type Store } from "@/clickhouse/client";
import { createApiKey } from "@/server/auth/api-keys";
import { generateEvents } from "@/server/demo/generator";
import { DEMO_RETAIL } from "@/server/demo/workspace";
import type { ChatEvent } from "@/server/events/schema";
import { sendAll, serveRoutes } from "./http-server";
import { cpuSecondsSince, percentile } from "./stats";
import { byReport, timedStore, type StoreTimings } from "./timed-store";

export interface ApiBenchResult {
  batchSize: number;
  concurrency: number;
  events: number;
  seconds: number;
  eventsPerSec: number;
  cpuSeconds: number;
  p50Ms: number;
  p95Ms: number;
  /** The statements of the timed sends, by the report they name. */
  timings: StoreTimings;
}

/**
 * The Event API over real HTTP: demo-generated events (a realistic mix of
 * messages, statuses, campaigns, tags and attributes) posted as JSON arrays
 * by `concurrency` senders at once, through the app's own route handler. Each
 * batch size writes to a workspace of its own, so no run sees another's ids.
 * Bodies are serialised before the clock starts; the answer of every request
 * is checked. Then one batch is sent again and must come back all duplicates.
 * The route finds the store through getStore(): while the sends run, that is
 * a store timing each statement, for the breakdown of where the time went.
 */
export async function benchEventApi(
  store: Store,
  opts: { runId: string; events: number; batchSizes: number[]; concurrency: number; now: number },
): Promise<ApiBenchResult[]> {
  const generated: ChatEvent[] = [];
  const workspace = { ...DEMO_RETAIL, workspaceId: `bench-api-${opts.runId}` };
  for (const batch of generateEvents({ workspace, events: opts.events, contacts: Math.max(1, Math.round(opts.events / 50)), now: opts.now })) {
    generated.push(...batch);
  }
  const server = await serveRoutes({ "/api/v1/events": eventApiRoute });
  const results: ApiBenchResult[] = [];
  try {
    for (const batchSize of opts.batchSizes) {
      const workspaceId = `bench-api-${opts.runId}-${batchSize}`;
      const { token } = await createApiKey(store, workspaceId, "bench", "bench");
      const bodies: string[] = [];
      for (let i = 0; i < generated.length; i += batchSize) bodies.push(JSON.stringify(generated.slice(i, i + batchSize)));

      const timed = timedStore(store, byReport);
      let stored = 0;
      const post = async (body: string) => {
        const res = await fetch(`${server.url}/api/v1/events`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body,
        });
        const answer = (await res.json()) as { stored?: number; rejected?: unknown[]; error?: string };
        if (res.status !== 200 || answer.rejected?.length) {
          throw new Error(`Event API answered ${res.status}: ${JSON.stringify(answer).slice(0, 300)}`);
        }
        stored += answer.stored ?? 0;
      };
      const cpu = process.cpuUsage();
      setStore(timed.store);
      const { seconds, latenciesMs } = await sendAll(bodies, opts.concurrency, post).finally(() => setStore(store));
      const cpuSeconds = cpuSecondsSince(cpu);
      if (stored !== generated.length) throw new Error(`Event API stored ${stored} of ${generated.length} events`);

      const retry = await fetch(`${server.url}/api/v1/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: bodies[0],
      });
      const retried = (await retry.json()) as { stored: number; duplicates: number };
      if (retried.stored !== 0) throw new Error(`a retried batch stored ${retried.stored} events again`);

      results.push({
        batchSize,
        concurrency: opts.concurrency,
        events: generated.length,
        seconds,
        eventsPerSec: generated.length / seconds,
        cpuSeconds,
        p50Ms: percentile(latenciesMs, 50),
        p95Ms: percentile(latenciesMs, 95),
        timings: timed.timings,
      });
    }
  } finally {
    await server.close();
  }
  return results;
}
