import type { Store } from "../client";
import { storeConfigFromEnv } from "../config";
import { LOCAL_SUFFIX } from "../migrate";
import type { CompiledSegment } from "./segments/compile";

/**
 * Joins and leaves of a destination, computed inside ClickHouse (0021). A
 * sync writes the segment's members now as a new generation of
 * `destination_members`, then its changes into `destination_changes`: the
 * contacts of the new generation the synced one lacks (joins) and the other
 * way round (leaves). Both generations are runs of one sort key, in contact
 * order, so each side is an anti-join of two sorted reads (a LEFT JOIN by
 * sorted merge keeping the rows without a match: a contact is never ''),
 * never a list held in JavaScript. The batches are then key ranges of the
 * changes.
 */

export interface DiffScope {
  workspaceId: string;
  destinationId: string;
  /** The generation the receiver has (0: none, so everyone joins). */
  synced: number;
  /** The generation being sent. */
  pending: number;
}

const TABLES = ["destination_members", "destination_changes"] as const;

/**
 * Where a DELETE goes: the table itself on one node; on a cluster, every
 * replica (ON CLUSTER), and on a sharded one the shards' `_local` tables, since
 * a Distributed table takes no DELETE (README, "Beyond one machine"). The
 * cluster name was checked as a plain name by the config.
 */
function deleteTarget(store: Store, table: (typeof TABLES)[number]): string {
  if (!store.cluster) return table;
  const config = storeConfigFromEnv();
  const sharded = config.kind === "server" && config.sharded;
  return `${sharded ? `${table}${LOCAL_SUFFIX}` : table} ON CLUSTER '${store.cluster}'`;
}

/**
 * Writes the generation `scope.pending` (the members `compiled` selects now)
 * and its changes against `scope.synced`.
 */
export async function writeGeneration(store: Store, scope: DiffScope, compiled: CompiledSegment): Promise<void> {
  const { workspaceId, destinationId, synced, pending } = scope;
  // A crash before the destination's row named this generation leaves rows no sync reads; they go first.
  await dropGenerations(store, workspaceId, destinationId, { from: pending });
  await store.command(
    `INSERT INTO destination_members (workspace_id, destination_id, generation, contact, name)
     SELECT {workspaceId:String}, {destinationId:String}, {pending:UInt64}, contact, name
     FROM contacts FINAL
     WHERE workspace_id = {workspaceId:String} AND (${compiled.where})`,
    { ...compiled.params, workspaceId, destinationId, pending },
    { report: "destinations:snapshot" },
  );
  await store.command(
    `INSERT INTO destination_changes (workspace_id, destination_id, generation, action, contact, name)
     WITH
       synced AS (
         SELECT contact FROM destination_members
         WHERE workspace_id = {workspaceId:String} AND destination_id = {destinationId:String} AND generation = {synced:UInt64}
       ),
       pending AS (
         SELECT contact, name FROM destination_members
         WHERE workspace_id = {workspaceId:String} AND destination_id = {destinationId:String} AND generation = {pending:UInt64}
       )
     SELECT {workspaceId:String}, {destinationId:String}, {pending:UInt64}, 'join', p.contact, p.name
     FROM pending AS p LEFT JOIN synced AS s ON s.contact = p.contact
     WHERE s.contact = ''
     UNION ALL
     SELECT {workspaceId:String}, {destinationId:String}, {pending:UInt64}, 'leave', s.contact, ''
     FROM synced AS s LEFT JOIN pending AS p ON p.contact = s.contact
     WHERE p.contact = ''
     SETTINGS join_algorithm = 'full_sorting_merge'`,
    { workspaceId, destinationId, synced, pending },
    { report: "destinations:changes" },
  );
}

/**
 * Removes generations and their changes: those from `from` on (a half-written
 * one), or before `before` (the ones the receiver no longer needs). A DELETE
 * is a mutation even when it matches nothing (hundreds of milliseconds), so it
 * runs only on tables that hold such rows.
 */
export async function dropGenerations(store: Store, workspaceId: string, destinationId: string, range: { from: number } | { before: number }): Promise<void> {
  const [condition, generation] = "from" in range ? ["generation >= {generation:UInt64}", range.from] : ["generation < {generation:UInt64}", range.before];
  const params = { workspaceId, destinationId, generation };
  const [found] = await store.query<{ members: string; changes: string }>(
    `SELECT
       (SELECT count() FROM destination_members
        WHERE workspace_id = {workspaceId:String} AND destination_id = {destinationId:String} AND ${condition}) AS members,
       (SELECT count() FROM destination_changes
        WHERE workspace_id = {workspaceId:String} AND destination_id = {destinationId:String} AND ${condition}) AS changes`,
    params,
    { report: "destinations:find-generations" },
  );
  const counts = [Number(found?.members ?? 0), Number(found?.changes ?? 0)];
  for (const [i, table] of TABLES.entries()) {
    if (counts[i] === 0) continue;
    await store.command(
      `DELETE FROM ${deleteTarget(store, table)}
       WHERE workspace_id = {workspaceId:String} AND destination_id = {destinationId:String} AND ${condition}`,
      params,
      { report: "destinations:drop-generations" },
    );
  }
}

/** Every generation of a destination, when it is removed. */
export async function dropAllGenerations(store: Store, workspaceId: string, destinationId: string): Promise<void> {
  await dropGenerations(store, workspaceId, destinationId, { from: 0 });
}

/** How many contacts join and leave in the generation being sent. */
export async function countChanges(store: Store, scope: DiffScope): Promise<{ joins: number; leaves: number }> {
  const [row] = await store.query<{ joins: string; leaves: string }>(
    `SELECT countIf(action = 'join') AS joins, countIf(action = 'leave') AS leaves
     FROM destination_changes
     WHERE workspace_id = {workspaceId:String} AND destination_id = {destinationId:String} AND generation = {pending:UInt64}`,
    { workspaceId: scope.workspaceId, destinationId: scope.destinationId, pending: scope.pending },
    { report: "destinations:count-changes" },
  );
  return { joins: Number(row?.joins ?? 0), leaves: Number(row?.leaves ?? 0) };
}

/**
 * The next `limit` contacts that join (or leave) after `after`, in contact
 * order, with their names (joins only: a contact who left may be gone): a key
 * range of the changes.
 */
export async function changesPage(
  store: Store,
  scope: DiffScope,
  action: "join" | "leave",
  after: string,
  limit: number,
): Promise<Array<{ contact: string; name: string }>> {
  return store.query<{ contact: string; name: string }>(
    `SELECT contact, name
     FROM destination_changes
     WHERE workspace_id = {workspaceId:String} AND destination_id = {destinationId:String} AND generation = {pending:UInt64}
       AND action = {action:String} AND contact > {after:String}
     ORDER BY contact
     LIMIT {limit:UInt32}`,
    { workspaceId: scope.workspaceId, destinationId: scope.destinationId, pending: scope.pending, action, after, limit },
    { report: `destinations:${action}-page` },
  );
}
