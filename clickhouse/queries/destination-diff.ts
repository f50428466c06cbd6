import type { Store } from "../client";
import type { CompiledSegment } from "./segments/compile";

/**
 * Joins and leaves of a destination, computed inside ClickHouse from
 * `destination_members` (0021): a sync writes the segment's membership as a
 * new generation, and the joins are the contacts of the new generation the
 * synced one lacks (the leaves, the other way round). Both generations are
 * runs of one sort key, in contact order, so each side is an anti-join of two
 * sorted reads (a LEFT JOIN by sorted merge keeping the rows with no match: a
 * contact is never ''), never a list held in JavaScript.
 */

/** Writes the segment's members now as `generation` of the destination (after clearing any half-written one). */
export async function snapshotMembers(
  store: Store,
  workspaceId: string,
  destinationId: string,
  generation: number,
  compiled: CompiledSegment,
): Promise<void> {
  const scope = { workspaceId, destinationId, generation };
  // A crash between this insert and the destination's row naming it leaves rows no sync reads; they go first.
  await store.command(
    `DELETE FROM destination_members
     WHERE workspace_id = {workspaceId:String} AND destination_id = {destinationId:String} AND generation >= {generation:UInt64}`,
    scope,
    { report: "destinations:clear-generation" },
  );
  await store.command(
    `INSERT INTO destination_members (workspace_id, destination_id, generation, contact)
     SELECT {workspaceId:String}, {destinationId:String}, {generation:UInt64}, contact
     FROM contacts FINAL
     WHERE workspace_id = {workspaceId:String} AND (${compiled.where})`,
    { ...compiled.params, ...scope },
    { report: "destinations:snapshot" },
  );
}

/** Drops the generations older than the one the receiver now has. */
export async function dropOlderGenerations(store: Store, workspaceId: string, destinationId: string, generation: number): Promise<void> {
  await store.command(
    `DELETE FROM destination_members
     WHERE workspace_id = {workspaceId:String} AND destination_id = {destinationId:String} AND generation < {generation:UInt64}`,
    { workspaceId, destinationId, generation },
    { report: "destinations:drop-generations" },
  );
}

/** Every generation of a destination, when it is removed. */
export async function dropAllGenerations(store: Store, workspaceId: string, destinationId: string): Promise<void> {
  await dropOlderGenerations(store, workspaceId, destinationId, Number.MAX_SAFE_INTEGER);
}

export interface DiffScope {
  workspaceId: string;
  destinationId: string;
  /** The generation the receiver has (0: none, so everyone joins). */
  synced: number;
  /** The generation being sent. */
  pending: number;
}

/** How many contacts join and leave between the two generations. */
export async function countDiff(store: Store, scope: DiffScope): Promise<{ joins: number; leaves: number }> {
  const [row] = await store.query<{ joins: string; leaves: string }>(
    `WITH
       synced AS (
         SELECT contact FROM destination_members
         WHERE workspace_id = {workspaceId:String} AND destination_id = {destinationId:String} AND generation = {synced:UInt64}
       ),
       pending AS (
         SELECT contact FROM destination_members
         WHERE workspace_id = {workspaceId:String} AND destination_id = {destinationId:String} AND generation = {pending:UInt64}
       )
     SELECT
       (SELECT count() FROM pending AS p LEFT JOIN synced AS s ON s.contact = p.contact WHERE s.contact = '') AS joins,
       (SELECT count() FROM synced AS s LEFT JOIN pending AS p ON p.contact = s.contact WHERE p.contact = '') AS leaves
     SETTINGS join_algorithm = 'full_sorting_merge'`,
    { ...scope },
    { report: "destinations:count-diff" },
  );
  return { joins: Number(row?.joins ?? 0), leaves: Number(row?.leaves ?? 0) };
}

/**
 * The next `limit` contacts that join (or leave) after `after`, in contact
 * order, with their names (joins only: a contact who left may be gone). Keyset
 * paging: a retried sync resumes after the last contact the receiver took.
 */
export async function diffPage(
  store: Store,
  scope: DiffScope,
  action: "join" | "leave",
  after: string,
  limit: number,
): Promise<Array<{ contact: string; name: string }>> {
  const [from, other] = action === "join" ? [scope.pending, scope.synced] : [scope.synced, scope.pending];
  const page = await store.query<{ contact: string }>(
    `WITH
       side AS (
         SELECT contact FROM destination_members
         WHERE workspace_id = {workspaceId:String} AND destination_id = {destinationId:String}
           AND generation = {from:UInt64} AND contact > {after:String}
       ),
       other AS (
         SELECT contact FROM destination_members
         WHERE workspace_id = {workspaceId:String} AND destination_id = {destinationId:String}
           AND generation = {other:UInt64} AND contact > {after:String}
       )
     SELECT side.contact AS contact
     FROM side LEFT JOIN other ON other.contact = side.contact
     WHERE other.contact = ''
     ORDER BY contact
     LIMIT {limit:UInt32}
     SETTINGS join_algorithm = 'full_sorting_merge'`,
    { workspaceId: scope.workspaceId, destinationId: scope.destinationId, from, other, after, limit },
    { report: `destinations:${action}-page` },
  );
  if (action === "leave" || page.length === 0) return page.map((r) => ({ contact: r.contact, name: "" }));
  const names = await store.query<{ contact: string; name: string }>(
    `SELECT contact, name
     FROM contacts FINAL
     WHERE workspace_id = {workspaceId:String} AND contact IN {contacts:Array(String)}`,
    { workspaceId: scope.workspaceId, contacts: page.map((r) => r.contact) },
    { report: "destinations:join-names" },
  );
  const byContact = new Map(names.map((n) => [n.contact, n.name]));
  return page.map((r) => ({ contact: r.contact, name: byContact.get(r.contact) ?? "" }));
}
