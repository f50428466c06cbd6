import type { Store } from "@/clickhouse/client";
import { dueDestinations } from "@/clickhouse/queries/destinations";
import { logInternalError } from "../internal-error";
import { recordDailySizes } from "./daily-sizes";
import { runSync } from "./run-sync";

/**
 * The scheduler inside the server process: every minute, the syncs and
 * retries that are due, then the day's segment sizes. Everything it needs to
 * know is in the store (each destination's next_sync_at and pending sync,
 * the sizes recorded today), so a restart picks up where the last process
 * stopped, and `tick(store, now)` is what tests call with the time they want.
 */
export const TICK_MS = 60_000;

export interface TickResult {
  syncs: number;
  sizes: number;
}

export async function tick(store: Store, now: number, random?: () => number): Promise<TickResult> {
  let syncs = 0;
  for (const destination of await dueDestinations(store, now)) {
    const trigger = destination.pendingGeneration > 0 && destination.failedAttempts > 0 ? "retry" : "schedule";
    if (await runSync(store, destination, { now, trigger, random })) syncs++;
  }
  const sizes = await recordDailySizes(store, now);
  return { syncs, sizes };
}

const started = new WeakSet<Store>();

/** Starts the ticks for a store once (server/startup.ts); a tick never overlaps the previous one. */
export function startScheduler(store: Store): void {
  if (started.has(store)) return;
  started.add(store);
  let busy = false;
  const run = async () => {
    if (busy) return;
    busy = true;
    try {
      await tick(store, Date.now());
    } catch (err) {
      logInternalError("sync scheduler", err);
    } finally {
      busy = false;
    }
  };
  setInterval(run, TICK_MS).unref();
  void run();
}
