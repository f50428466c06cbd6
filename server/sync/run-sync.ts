import { randomUUID } from "node:crypto";
import type { Store } from "@/clickhouse/client";
import { changesPage, countChanges, dropGenerations, writeGeneration, type DiffScope } from "@/clickhouse/queries/destination-diff";
import { getDestination, recordDelivery, writeDestination, type Delivery, type Destination } from "@/clickhouse/queries/destinations";
import { compileSegment } from "@/clickhouse/queries/segments/compile";
import { getSavedSegment } from "@/clickhouse/queries/segments/saved";
import { getWorkspace } from "@/clickhouse/queries/workspaces";
import { logInternalError } from "../internal-error";
import { loadSegmentContext, parseSavedFilter } from "../segments/workspace";
import { MAX_FAILED_ATTEMPTS, nextScheduled, retryDelayMs } from "./backoff";
import { SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER } from "./signature";

/**
 * One sync of a destination: the segment's members now are written as a new
 * generation, the joins and leaves against the generation the receiver has
 * are sent as signed NDJSON batches, and when the receiver has taken every
 * batch that generation becomes the synced one. The state lives in the store
 * (the pending generation and the last contact taken), so a failed attempt,
 * a retry or a restart resumes the same sync where it stopped.
 */

/** Lines per request. */
export const BATCH_LINES = 10_000;
/** How long one request may take before it counts as failed. */
const REQUEST_TIMEOUT_MS = 30_000;
/** How much of a receiver's answer the log keeps. */
const ANSWER_CHARS = 300;

export type SyncTrigger = Delivery["trigger"];

export interface SyncOptions {
  now: number;
  trigger: SyncTrigger;
  /** [0, 1): the retry jitter (tests pin it). */
  random?: () => number;
  /** Lines per request (BATCH_LINES; tests make it small to see several batches). */
  batchLines?: number;
}

/**
 * One destination syncs at a time in this process; a second start waits for
 * nothing and says so. On globalThis: Next.js bundles the instrumentation
 * (the scheduler) and the route handlers (Sync now) apart, each with its own
 * copy of this module.
 */
const globalSyncs = globalThis as unknown as { __chatlensSyncsRunning?: Set<string> };
const running = (globalSyncs.__chatlensSyncsRunning ??= new Set<string>());

export function isSyncRunning(destinationId: string): boolean {
  return running.has(destinationId);
}

/** Runs the destination's sync (or resumes its pending one); returns the log row written, or null when one is already running. */
export async function runSync(store: Store, destination: Destination, opts: SyncOptions): Promise<Delivery | null> {
  const key = destination.destinationId;
  if (running.has(key)) return null;
  running.add(key);
  try {
    return await syncOnce(store, destination, opts);
  } finally {
    running.delete(key);
  }
}

async function syncOnce(store: Store, start: Destination, opts: SyncOptions): Promise<Delivery> {
  const { now } = opts;
  const ws = start.workspaceId;
  let d = start;
  const attempt = d.failedAttempts + 1;
  const base = { attempt, trigger: opts.trigger, startedAt: now, joins: 0, leaves: 0, requests: 0, statusCode: 0 };

  let scope: DiffScope;
  let counts: { joins: number; leaves: number };
  try {
    const prepared = await prepare(store, d, now);
    if ("problem" in prepared) return pause(store, d, { ...base, syncId: d.pendingSyncId || randomUUID() }, prepared.problem);
    d = prepared.destination;
    scope = { workspaceId: ws, destinationId: d.destinationId, synced: d.syncedGeneration, pending: d.pendingGeneration };
    counts = await countChanges(store, scope);
  } catch (err) {
    const requestId = logInternalError(`destination sync (${d.destinationId})`, err);
    return fail(store, d, { ...base, syncId: d.pendingSyncId || randomUUID() }, `The audience could not be read; quote request id ${requestId} when you report it.`, opts);
  }

  const row = { ...base, syncId: d.pendingSyncId, ...counts };
  let requests = 0;
  let statusCode = 0;
  for (;;) {
    let lines: Array<{ contact: string; name: string }>;
    try {
      lines = await changesPage(store, scope, d.cursorAction, d.cursorAfter, opts.batchLines ?? BATCH_LINES);
    } catch (err) {
      const requestId = logInternalError(`destination sync (${d.destinationId})`, err);
      return fail(store, d, { ...row, requests, statusCode }, `The audience could not be read; quote request id ${requestId} when you report it.`, opts);
    }
    if (lines.length === 0) {
      if (d.cursorAction === "leave") break;
      d = { ...d, cursorAction: "leave", cursorAfter: "" };
      continue;
    }
    const answer = await post(d, lines, requests + 1);
    statusCode = answer.statusCode;
    if (!answer.ok) return fail(store, d, { ...row, requests, statusCode }, answer.message, opts);
    requests++;
    d = { ...d, cursorAfter: lines[lines.length - 1].contact };
    // The receiver has this batch: a retry after a crash starts with the next.
    d = await saveState(store, d, { cursorAction: d.cursorAction, cursorAfter: d.cursorAfter });
  }

  const done = await saveState(store, d, {
    syncedGeneration: d.pendingGeneration,
    pendingGeneration: 0,
    pendingSyncId: "",
    cursorAction: "join",
    cursorAfter: "",
    failedAttempts: 0,
    lastSyncedAt: now,
    nextSyncAt: nextScheduled(d.schedule, now),
  });
  await dropGenerations(store, ws, done.destinationId, { before: done.syncedGeneration });
  const delivered: Delivery = {
    ...row,
    requests,
    statusCode,
    outcome: "delivered",
    message: requests === 0 ? "Nothing joined or left since the last sync." : "",
    nextTryAt: done.nextSyncAt,
  };
  await recordDelivery(store, ws, done.destinationId, delivered);
  return delivered;
}

/**
 * The pending generation of the destination, written now if it has none: the
 * segment's members at `now`. A deleted segment, or one whose rules no longer
 * run, is a problem that pauses the destination.
 */
async function prepare(store: Store, d: Destination, now: number): Promise<{ destination: Destination } | { problem: string }> {
  if (d.pendingGeneration > 0) return { destination: d };
  const ws = d.workspaceId;
  const [segment, context, workspace] = await Promise.all([getSavedSegment(store, ws, d.segmentId), loadSegmentContext(store, ws), getWorkspace(store, ws)]);
  if (!segment) return { problem: "The segment was deleted." };
  const parsed = parseSavedFilter(segment.filter, context);
  if (!parsed.ok) return { problem: `The segment needs a fix: ${parsed.message}` };
  const compiled = compileSegment(parsed.tree, { now: new Date(now), timeZone: workspace?.time_zone ?? "UTC" }, context.attributeTypes);
  const generation = d.syncedGeneration + 1;
  await writeGeneration(store, { workspaceId: ws, destinationId: d.destinationId, synced: d.syncedGeneration, pending: generation }, compiled);
  const destination = await saveState(store, d, { pendingGeneration: generation, pendingSyncId: randomUUID(), cursorAction: "join", cursorAfter: "" });
  return { destination };
}

/**
 * Writes the sync's fields onto the destination as it is now in the store, so
 * a rename or a schedule change made while the sync ran is kept. A
 * destination removed meanwhile stays removed.
 */
async function saveState(store: Store, d: Destination, patch: Partial<Destination>): Promise<Destination> {
  const current = await getDestination(store, d.workspaceId, d.destinationId);
  if (!current) return { ...d, ...patch };
  const next = { ...current, ...patch };
  await writeDestination(store, next);
  return next;
}

async function fail(store: Store, d: Destination, row: Omit<Delivery, "outcome" | "message" | "nextTryAt">, message: string, opts: SyncOptions): Promise<Delivery> {
  const failures = d.failedAttempts + 1;
  if (failures >= MAX_FAILED_ATTEMPTS) {
    return pause(store, { ...d, failedAttempts: failures }, row, `${failures} deliveries in a row failed; the last: ${message}`);
  }
  const nextTryAt = opts.now + retryDelayMs(failures, opts.random);
  await saveState(store, d, { failedAttempts: failures, nextSyncAt: nextTryAt, cursorAction: d.cursorAction, cursorAfter: d.cursorAfter });
  const delivery: Delivery = { ...row, outcome: "failed", message, nextTryAt };
  await recordDelivery(store, d.workspaceId, d.destinationId, delivery);
  return delivery;
}

async function pause(store: Store, d: Destination, row: Omit<Delivery, "outcome" | "message" | "nextTryAt">, reason: string): Promise<Delivery> {
  await saveState(store, d, { state: "paused", pausedReason: reason, failedAttempts: d.failedAttempts, nextSyncAt: null });
  const delivery: Delivery = { ...row, outcome: "paused", message: reason, nextTryAt: null };
  await recordDelivery(store, d.workspaceId, d.destinationId, delivery);
  return delivery;
}

/** One signed NDJSON batch to the receiver. */
async function post(d: Destination, lines: Array<{ contact: string; name: string }>, batch: number): Promise<{ ok: boolean; statusCode: number; message: string }> {
  const body = lines
    .map((l) =>
      JSON.stringify(
        d.cursorAction === "join"
          ? { action: "join", contact_id: l.contact, phone: l.contact, name: l.name }
          : { action: "leave", contact_id: l.contact, phone: l.contact },
      ),
    )
    .join("\n")
    .concat("\n");
  const timestamp = Math.floor(Date.now() / 1000);
  let response: Response;
  try {
    response = await fetch(d.url, {
      method: "POST",
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      headers: {
        "content-type": "application/x-ndjson",
        "user-agent": "ChatLens-Sync/1",
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signBody(d.secret, timestamp, body),
        "x-chatlens-destination-id": d.destinationId,
        "x-chatlens-segment-id": d.segmentId,
        "x-chatlens-sync-id": d.pendingSyncId,
        "x-chatlens-batch": String(batch),
      },
    });
  } catch (err) {
    return { ok: false, statusCode: 0, message: unreachable(err) };
  }
  if (response.status >= 200 && response.status < 300) {
    await response.body?.cancel();
    return { ok: true, statusCode: response.status, message: "" };
  }
  const answer = await readAnswer(response);
  return { ok: false, statusCode: response.status, message: `The receiver answered ${response.status}${answer ? `: ${answer}` : "."}` };
}

/** The start of a receiver's answer, on one line, for the log. */
async function readAnswer(response: Response): Promise<string> {
  try {
    const text = (await response.text()).replace(/\s+/g, " ").trim();
    return text.length > ANSWER_CHARS ? `${text.slice(0, ANSWER_CHARS)}…` : text;
  } catch {
    return "";
  }
}

/** Why no answer came, in words (the system's code, never a stack). */
function unreachable(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return `The receiver did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds.`;
  const code = typeof e?.cause?.code === "string" && /^[A-Z_]+$/.test(e.cause.code) ? ` (${e.cause.code})` : "";
  return `The receiver could not be reached${code}.`;
}
