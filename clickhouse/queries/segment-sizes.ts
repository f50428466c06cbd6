import type { Store } from "../client";
import { toClickHouseTime } from "../time";
import type { SegmentCount } from "./segments/audience";

/**
 * A saved segment's size once a day (`segment_sizes`, 0022). Days are the
 * workspace's (`day` is a date of its time zone, chosen by the caller).
 */

export interface SizePoint {
  day: string;
  size: number;
  total: number;
}

/** The segments of the workspace that already have a size for `day`. */
export async function segmentsRecordedOn(store: Store, workspaceId: string, day: string): Promise<Set<string>> {
  const rows = await store.query<{ segment_id: string }>(
    `SELECT DISTINCT segment_id
     FROM segment_sizes
     WHERE workspace_id = {workspaceId:String} AND day = {day:Date}`,
    { workspaceId, day },
    { report: "segment-sizes:recorded" },
  );
  return new Set(rows.map((r) => r.segment_id));
}

export async function recordSegmentSize(store: Store, workspaceId: string, segmentId: string, day: string, count: Pick<SegmentCount, "matching" | "total">, now: number): Promise<void> {
  await store.insert(
    "segment_sizes",
    [{ workspace_id: workspaceId, segment_id: segmentId, day, size: count.matching, total: count.total, recorded_at: toClickHouseTime(now) }],
    { report: "segment-sizes:record" },
  );
}

/** One segment's recorded sizes from `from` on, oldest first, one per day. */
export async function segmentSizeHistory(store: Store, workspaceId: string, segmentId: string, from: string): Promise<SizePoint[]> {
  const rows = await store.query<{ day_text: string; size: string; total: string }>(
    `SELECT toString(day) AS day_text, size, total
     FROM segment_sizes FINAL
     WHERE workspace_id = {workspaceId:String} AND segment_id = {segmentId:String} AND day >= {from:Date}
     ORDER BY day`,
    { workspaceId, segmentId, from },
    { report: "segment-sizes:history" },
  );
  return rows.map((r) => ({ day: r.day_text, size: Number(r.size), total: Number(r.total) }));
}

/**
 * For each segment of the workspace, its earliest recorded size from `from`
 * up to `before` (excluded): the baseline the list's "+1,204 in 7 days" is
 * measured from.
 */
export async function sizeBaselines(store: Store, workspaceId: string, from: string, before: string): Promise<Map<string, SizePoint>> {
  const rows = await store.query<{ segment_id: string; day_text: string; size: string; total: string }>(
    `SELECT segment_id, toString(day) AS day_text, size, total
     FROM segment_sizes FINAL
     WHERE workspace_id = {workspaceId:String} AND day >= {from:Date} AND day < {before:Date}
     ORDER BY segment_id, day
     LIMIT 1 BY segment_id`,
    { workspaceId, from, before },
    { report: "segment-sizes:baselines" },
  );
  return new Map(rows.map((r) => [r.segment_id, { day: r.day_text, size: Number(r.size), total: Number(r.total) }]));
}

/** Every workspace with its time zone: the daily job cuts each one's day in its own zone. */
export async function everyWorkspaceZone(store: Store): Promise<Array<{ workspaceId: string; timeZone: string }>> {
  const rows = await store.query<{ workspace_id: string; time_zone: string; is_deleted: number }>(
    `SELECT workspace_id, time_zone, is_deleted
     FROM workspaces
     ORDER BY version DESC
     LIMIT 1 BY workspace_id`,
    {},
    { report: "segment-sizes:workspaces", tenant: "exempt: the daily job records the segments of every workspace" },
  );
  return rows.filter((r) => !Number(r.is_deleted)).map((r) => ({ workspaceId: r.workspace_id, timeZone: r.time_zone || "UTC" }));
}
