import type { Store } from "../client";
import { toClickHouseTime } from "../time";
import { nextVersion } from "../version";

/**
 * Destinations of saved segments (`segment_destinations`, 0021): one version
 * per change, the latest wins. The secret is read only by the sync itself
 * (`DestinationRow.secret`); what the pages get is mapped in the router.
 */

export type SyncSchedule = "manual" | "hourly" | "daily";
export type DestinationState = "active" | "paused";
export type CursorAction = "join" | "leave";

export interface Destination {
  workspaceId: string;
  destinationId: string;
  segmentId: string;
  name: string;
  url: string;
  secret: string;
  schedule: SyncSchedule;
  state: DestinationState;
  pausedReason: string;
  failedAttempts: number;
  syncedGeneration: number;
  pendingGeneration: number;
  pendingSyncId: string;
  cursorAction: CursorAction;
  cursorAfter: string;
  /** Epoch ms, or null when nothing is scheduled. */
  nextSyncAt: number | null;
  lastSyncedAt: number | null;
  createdBy: string;
  createdAt: number;
}

interface Row {
  workspace_id: string;
  destination_id: string;
  segment_id: string;
  name: string;
  url: string;
  secret: string;
  schedule: SyncSchedule;
  state: DestinationState;
  paused_reason: string;
  failed_attempts: number;
  synced_generation: string;
  pending_generation: string;
  pending_sync_id: string;
  cursor_action: string;
  cursor_after: string;
  next_sync_at: string | null;
  last_synced_at: string | null;
  created_by: string;
  created_at: string;
  is_deleted: number;
}

const COLUMNS = `workspace_id, destination_id, segment_id, name, url, secret, schedule, state, paused_reason, failed_attempts,
  synced_generation, pending_generation, pending_sync_id, cursor_action, cursor_after, next_sync_at, last_synced_at,
  created_by, created_at, is_deleted`;

const ms = (t: string | null) => (t ? Date.parse(t.replace(" ", "T") + "Z") : null);

function toDestination(r: Row): Destination {
  return {
    workspaceId: r.workspace_id,
    destinationId: r.destination_id,
    segmentId: r.segment_id,
    name: r.name,
    url: r.url,
    secret: r.secret,
    schedule: r.schedule,
    state: r.state,
    pausedReason: r.paused_reason,
    failedAttempts: Number(r.failed_attempts),
    syncedGeneration: Number(r.synced_generation),
    pendingGeneration: Number(r.pending_generation),
    pendingSyncId: r.pending_sync_id,
    cursorAction: r.cursor_action === "leave" ? "leave" : "join",
    cursorAfter: r.cursor_after,
    nextSyncAt: ms(r.next_sync_at),
    lastSyncedAt: ms(r.last_synced_at),
    createdBy: r.created_by,
    createdAt: ms(r.created_at) ?? 0,
  };
}

const live = (rows: Row[]) => rows.filter((r) => !Number(r.is_deleted)).map(toDestination);

/** A segment's destinations, oldest first. */
export async function listDestinations(store: Store, workspaceId: string, segmentId: string): Promise<Destination[]> {
  const rows = await store.query<Row>(
    `SELECT ${COLUMNS}
     FROM segment_destinations
     WHERE workspace_id = {workspaceId:String} AND segment_id = {segmentId:String}
     ORDER BY version DESC
     LIMIT 1 BY destination_id`,
    { workspaceId, segmentId },
    { report: "destinations:list" },
  );
  return live(rows).sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
}

export async function getDestination(store: Store, workspaceId: string, destinationId: string): Promise<Destination | null> {
  const rows = await store.query<Row>(
    `SELECT ${COLUMNS}
     FROM segment_destinations
     WHERE workspace_id = {workspaceId:String} AND destination_id = {destinationId:String}
     ORDER BY version DESC
     LIMIT 1`,
    { workspaceId, destinationId },
    { report: "destinations:get" },
  );
  return live(rows)[0] ?? null;
}

/**
 * Active destinations whose sync or retry is due at `now`, in every
 * workspace: the scheduler's one read per tick.
 */
export async function dueDestinations(store: Store, now: number): Promise<Destination[]> {
  const rows = await store.query<Row>(
    `SELECT ${COLUMNS}
     FROM (
       SELECT ${COLUMNS}
       FROM segment_destinations
       ORDER BY version DESC
       LIMIT 1 BY workspace_id, destination_id
     )
     WHERE is_deleted = 0 AND state = 'active' AND next_sync_at IS NOT NULL AND next_sync_at <= {now:DateTime64(3)}
     ORDER BY next_sync_at`,
    { now: toClickHouseTime(now) },
    { report: "destinations:due", tenant: "exempt: the scheduler looks for due syncs of every workspace" },
  );
  return live(rows);
}

/** Writes the whole destination as a new version (`deleted` writes its tombstone). */
export async function writeDestination(store: Store, d: Destination, deleted = false): Promise<void> {
  await store.insert(
    "segment_destinations",
    [
      {
        workspace_id: d.workspaceId,
        destination_id: d.destinationId,
        segment_id: d.segmentId,
        name: d.name,
        url: d.url,
        secret: d.secret,
        schedule: d.schedule,
        state: d.state,
        paused_reason: d.pausedReason,
        failed_attempts: d.failedAttempts,
        synced_generation: d.syncedGeneration,
        pending_generation: d.pendingGeneration,
        pending_sync_id: d.pendingSyncId,
        cursor_action: d.cursorAction,
        cursor_after: d.cursorAfter,
        next_sync_at: d.nextSyncAt === null ? null : toClickHouseTime(d.nextSyncAt),
        last_synced_at: d.lastSyncedAt === null ? null : toClickHouseTime(d.lastSyncedAt),
        created_by: d.createdBy,
        created_at: toClickHouseTime(d.createdAt),
        version: nextVersion(),
        is_deleted: deleted ? 1 : 0,
      },
    ],
    { report: "destinations:write" },
  );
}

export interface Delivery {
  syncId: string;
  attempt: number;
  trigger: "manual" | "schedule" | "retry";
  startedAt: number;
  joins: number;
  leaves: number;
  requests: number;
  /** The receiver's last HTTP status, 0 when it gave none (refused, timed out). */
  statusCode: number;
  outcome: "delivered" | "failed" | "paused";
  message: string;
  nextTryAt: number | null;
}

export async function recordDelivery(store: Store, workspaceId: string, destinationId: string, d: Delivery): Promise<void> {
  await store.insert(
    "destination_deliveries",
    [
      {
        workspace_id: workspaceId,
        destination_id: destinationId,
        sync_id: d.syncId,
        attempt: d.attempt,
        trigger: d.trigger,
        started_at: toClickHouseTime(d.startedAt),
        joins: d.joins,
        leaves: d.leaves,
        requests: d.requests,
        status_code: d.statusCode,
        outcome: d.outcome,
        message: d.message,
        next_try_at: d.nextTryAt === null ? null : toClickHouseTime(d.nextTryAt),
      },
    ],
    { report: "destinations:delivery" },
  );
}

/** A destination's latest deliveries, newest first. */
export async function listDeliveries(store: Store, workspaceId: string, destinationId: string, limit = 50): Promise<Delivery[]> {
  const rows = await store.query<{
    sync_id: string;
    attempt: number;
    trigger: Delivery["trigger"];
    started_at: string;
    joins: string;
    leaves: string;
    requests: number;
    status_code: number;
    outcome: Delivery["outcome"];
    message: string;
    next_try_at: string | null;
  }>(
    `SELECT sync_id, attempt, trigger, started_at, joins, leaves, requests, status_code, outcome, message, next_try_at
     FROM destination_deliveries
     WHERE workspace_id = {workspaceId:String} AND destination_id = {destinationId:String}
     ORDER BY started_at DESC, attempt DESC
     LIMIT {limit:UInt32}`,
    { workspaceId, destinationId, limit },
    { report: "destinations:deliveries" },
  );
  return rows.map((r) => ({
    syncId: r.sync_id,
    attempt: Number(r.attempt),
    trigger: r.trigger,
    startedAt: ms(r.started_at) ?? 0,
    joins: Number(r.joins),
    leaves: Number(r.leaves),
    requests: Number(r.requests),
    statusCode: Number(r.status_code),
    outcome: r.outcome,
    message: r.message,
    nextTryAt: ms(r.next_try_at),
  }));
}
