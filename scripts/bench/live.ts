import type { Store } from "@/clickhouse/client";
import { generateEvents } from "@/server/demo/generator";
import { DEMO_RETAIL } from "@/server/demo/workspace";
import type { ChatEvent } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { cpuSecondsSince, percentile } from "./stats";
import type { ApiBenchResult } from "./event-api";
import { sendAll } from "./http-server";
import { byReport, timedStore } from "./timed-store";

/** As the Event API's figures, per batch handed to ingestion instead of per request. */
export interface LiveBenchResult extends Omit<ApiBenchResult, "batchSize" | "concurrency"> {
  batches: number;
  senders: number;
  /** The chats of the demo workspace the batches continued. */
  contacts: number;
}

const HOUR = 3_600_000;
const READ = { report: "bench:live", workspaceId: DEMO_RETAIL.workspaceId } as const;

/**
 * Batches of the demo workspace's own next hours, from `senders` at once,
 * through the same ingestion as every source: the other write parts fill new workspaces, whose chats have
 * no history, while a business's traffic continues chats the store already
 * holds (their read-model rows, their Unresolved waits). The generator's
 * lives of the demo's contacts over a window ending a day after the store's
 * newest event give the events after it, in time order, with ids of this run.
 * The store keeps them: the demo grows by `batches × batch` events a run. A
 * batch waiting while another's round is stored joins the next round, as
 * under the Event API.
 */
export async function benchLive(store: Store, opts: { runId: string; batches: number; batch: number; senders: number }): Promise<LiveBenchResult> {
  const [{ newest }] = await store.query<{ newest: string }>(
    "SELECT toUnixTimestamp64Milli(max(ts)) AS newest FROM events WHERE workspace_id = {workspaceId:String}",
    { workspaceId: DEMO_RETAIL.workspaceId },
    READ,
  );
  const after = Number(newest);
  const wanted = opts.batches * opts.batch;
  // A contact's life has about 50 events in 90 days: enough of the demo's contacts for `wanted` events in a day, and some to spare.
  const lives = Math.ceil((wanted * 90 * 1.5) / 50);
  const live: ChatEvent[] = [];
  for (const batch of generateEvents({ workspace: DEMO_RETAIL, contacts: lives, events: lives * 50, now: after + 24 * HOUR }))
    for (const e of batch) if (Date.parse(e.ts) > after && e.type !== "campaign.created") live.push({ ...e, event_id: `live-${opts.runId}-${e.event_id}` });
  live.sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
  const events = live.slice(0, wanted);

  const { store: timed, timings } = timedStore(store, byReport);
  const batches: ChatEvent[][] = [];
  for (let i = 0; i < events.length; i += opts.batch) batches.push(events.slice(i, i + opts.batch));
  // `senders` at once, each sending the next batch in time order when its last one is answered.
  const cpu = process.cpuUsage();
  const { seconds, latenciesMs } = await sendAll(batches, opts.senders, async (batch) => {
    const result = await ingestEvents(timed, DEMO_RETAIL.workspaceId, batch);
    if (result.stored !== batch.length) throw new Error(`a live batch stored ${result.stored} of its ${batch.length} events`);
  });
  return {
    batches: batches.length,
    senders: opts.senders,
    events: events.length,
    contacts: new Set(events.map((e) => e.contact)).size,
    seconds,
    eventsPerSec: events.length / seconds,
    cpuSeconds: cpuSecondsSince(cpu),
    p50Ms: percentile(latenciesMs, 50),
    p95Ms: percentile(latenciesMs, 95),
    timings,
  };
}
