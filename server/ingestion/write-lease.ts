import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Store } from "@/clickhouse/client";
import { claimLease, latestLeaseClaim } from "@/clickhouse/queries/ingestion-leases";
import { versionsAfter } from "@/clickhouse/queries/read-models";

/** How long a claim lasts. */
const LEASE_MS = 30_000;
/** A holder claims again when less than this is left: work starts with at least this much lease ahead of it. */
const RENEW_WHEN_LEFT_MS = 20_000;
/** How often a held lease is renewed while its holder has work (a long refresh keeps it). */
const RENEW_EVERY_MS = 5_000;
/** How often an instance waiting for another's lease looks again. */
const WAIT_MS = 100;

/**
 * One app instance's write leases (0033): with several instances on one
 * ClickHouse server, a workspace's rounds (duplicate check, insert, read-model
 * refresh) run only where its lease is held, so the in-process queue that
 * keeps them one at a time holds across instances too.
 *
 * The holder gives the lease back as soon as it has nothing left to write for
 * the workspace, so instances that take turns wait for each other's rounds,
 * not for the lease to run out; a crashed holder's lease runs out after
 * LEASE_MS. A new holder's versions start after the end of the claim before
 * its own (versionsAfter), so its rows replace the previous holder's. Clocks
 * of the instances may differ by less than the margin a holder keeps
 * (LEASE_MS − RENEW_WHEN_LEFT_MS); a holder stopped for longer than that (a
 * frozen VM) could write once more after its lease ran out.
 */
export class WriteLeases {
  private readonly owner = randomUUID();
  private readonly held = new Map<string, { epoch: number; expiresAt: number; renewal: NodeJS.Timeout }>();

  constructor(private readonly store: Store) {}

  /** Resolves once this instance holds the workspace's lease with RENEW_WHEN_LEFT_MS or more of it left. */
  async hold(workspaceId: string): Promise<void> {
    while (!this.holdsLong(workspaceId)) {
      const wait = await this.claim(workspaceId);
      if (wait > 0) await sleep(wait);
    }
  }

  /**
   * Claims the lease again while this instance holds it and needs more of it;
   * never waits for it. A renewal that finds another instance holding the
   * lease (this one was frozen past its end) lets it go, so an instance with
   * nothing to write does not take the lease back once that one is done.
   */
  private async renew(workspaceId: string): Promise<void> {
    if (this.held.has(workspaceId) && !this.holdsLong(workspaceId)) await this.claim(workspaceId);
  }

  private holdsLong(workspaceId: string): boolean {
    const mine = this.held.get(workspaceId);
    return !!mine && mine.expiresAt - Date.now() > RENEW_WHEN_LEFT_MS;
  }

  /** One claim of the lease's next epoch when it is free or this instance's: 0 after it, else how long to wait before looking again. */
  private async claim(workspaceId: string): Promise<number> {
    const latest = await latestLeaseClaim(this.store, workspaceId);
    const now = Date.now();
    const free = !latest || latest.owner === this.owner || latest.owner === "" || latest.expiresAt <= now;
    if (!free) {
      this.forget(workspaceId);
      return Math.max(1, Math.min(WAIT_MS, latest.expiresAt - now));
    }
    const epoch = (latest?.epoch ?? 0) + 1;
    const expiresAt = now + LEASE_MS;
    // Another instance may claim the same epoch at the same moment: one claim is kept, and the other looks again.
    if (await claimLease(this.store, workspaceId, epoch, this.owner, expiresAt)) {
      // The read models' rows this instance writes replace the previous holder's, even if its clock runs behind theirs.
      if (latest) versionsAfter(latest.expiresAt);
      this.keep(workspaceId, epoch, expiresAt);
    } else {
      this.forget(workspaceId);
    }
    return 0;
  }

  /** Gives the lease back, so another instance waiting for it can go on. */
  async release(workspaceId: string): Promise<void> {
    const mine = this.held.get(workspaceId);
    if (!mine) return;
    this.forget(workspaceId);
    // A claim of the next epoch by nobody; if another instance claimed it first (this lease had run out), nothing to give back.
    await claimLease(this.store, workspaceId, mine.epoch + 1, "", Date.now());
  }

  private keep(workspaceId: string, epoch: number, expiresAt: number) {
    this.forget(workspaceId);
    const renewal = setInterval(() => void this.renew(workspaceId).catch(() => this.forget(workspaceId)), RENEW_EVERY_MS);
    // A lease must not keep the process alive.
    renewal.unref();
    this.held.set(workspaceId, { epoch, expiresAt, renewal });
  }

  private forget(workspaceId: string) {
    const mine = this.held.get(workspaceId);
    if (mine) clearInterval(mine.renewal);
    this.held.delete(workspaceId);
  }
}

const leases = new WeakMap<Store, WriteLeases>();

/** The instance's write leases on a ClickHouse server; none on the embedded store, which one process alone can open. */
export function writeLeasesOf(store: Store): WriteLeases | null {
  if (store.kind !== "server") return null;
  let of = leases.get(store);
  if (!of) leases.set(store, (of = new WriteLeases(store)));
  return of;
}
