import type { Store } from "../client";
import { IN_CONTACTS, type RefreshScope } from "./read-models";
import { WAIT_BOUNDS, WAIT_BUCKETS } from "./unresolved-speed";

/**
 * Rewrites the wait_buckets rows (0024) of the 15-minute buckets in scope
 * from control_waits, whose view has already recomputed the waits of the
 * round's chats: a round's scope is every bucket holding a take or resolve of
 * a chat with a request, take or resolve in the round, at or after the
 * earliest of those (a request, take or resolve changes the waits of the
 * closers after it, never those before it), a rebuild every bucket. Rows carry the round's
 * `version` and replace the bucket's older ones whole; the speed report reads
 * them with FINAL (unresolved-speed.ts).
 */
export async function refreshWaitBuckets(store: Store, workspaceId: string, scope: RefreshScope, version: number) {
  let buckets: string[] = [];
  if (!scope.all) {
    const controls = scope.controls;
    if (!controls || controls.contacts.length === 0) return;
    const rows = await store.query<{ bucket: string }>(
      `SELECT DISTINCT ${BUCKET_OF("ts")} AS bucket
       FROM control_events
       WHERE workspace_id = {workspaceId:String} AND ${IN_CONTACTS} AND type != 'intervention.requested'
         AND ts >= toDateTime64({since:Float64}, 3, 'UTC')
       ORDER BY bucket`,
      { workspaceId, contacts: JSON.stringify(controls.contacts), since: controls.since },
      { report: "read-models:wait-buckets-touched" },
    );
    buckets = rows.map((r) => r.bucket);
    if (buckets.length === 0) return;
  }
  // The touched buckets' span narrows the read by the sort key; the list picks the buckets in it.
  const inScope = scope.all
    ? "1"
    : `closed_at >= {first:DateTime} AND closed_at < {last:DateTime} + INTERVAL 15 MINUTE AND ${BUCKET_OF("closed_at")} IN {buckets:Array(DateTime)}`;
  await store.command(
    `INSERT INTO wait_buckets (workspace_id, bucket, kind, agent_id, agent_name, events, measured, waits, histogram, version)
     SELECT
       workspace_id,
       ${BUCKET_OF("closed_at")} AS bucket,
       kind,
       agent_id,
       anyIf(agent_name, agent_name != ''),
       count(),
       count(wait_ms),
       -- Sorted: the report's quantiles over many buckets' waits take a quarter less CPU (0047).
       arraySort(groupArrayIf(assumeNotNull(wait_ms), wait_ms IS NOT NULL)),
       -- A wait's slot is the first bound it is under (1…), the last slot beyond them all.
       sumForEach(arrayMap(
         slot -> toUInt64(wait_ms IS NOT NULL AND slot = if(arrayFirstIndex(b -> assumeNotNull(wait_ms) < b, {bounds:Array(Float64)}) AS i = 0, {slots:UInt8}, i)),
         range(1, {slots:UInt8} + 1))),
       {version:UInt64}
     FROM control_waits FINAL
     WHERE workspace_id = {workspaceId:String} AND ${inScope}
     GROUP BY workspace_id, bucket, kind, agent_id
     -- Versions of a wait share its partition (the month it ended), so FINAL can merge each partition on its own;
     -- a chat's buckets may span 100+ months, which only warns (ingestion.ts, MANY_PARTITIONS).
     SETTINGS do_not_merge_across_partitions_select_final = 1, throw_on_max_partitions_per_insert_block = 0`,
    { workspaceId, version, bounds: WAIT_BOUNDS, slots: WAIT_BUCKETS.length, buckets, first: buckets[0] ?? "", last: buckets.at(-1) ?? "" },
    { report: "read-models:wait-buckets" },
  );
}

const BUCKET_OF = (column: string) => `toDateTime(toStartOfFifteenMinutes(${column}), 'UTC')`;
