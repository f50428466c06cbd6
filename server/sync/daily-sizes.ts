import type { Store } from "@/clickhouse/client";
import { countSegment } from "@/clickhouse/queries/segments/audience";
import { listSavedSegments, type SavedSegment } from "@/clickhouse/queries/segments/saved";
import { everyWorkspaceZone, recordSegmentSize, segmentsRecordedOn } from "@/clickhouse/queries/segment-sizes";
import { zoneDay } from "@/clickhouse/vocabulary/dates";
import { logInternalError } from "../internal-error";
import { loadSegmentContext, parseSavedFilter, type LoadedContext } from "../segments/workspace";

/**
 * The daily job: every saved dynamic segment gets its size for today (the
 * workspace's day) once. It runs on every scheduler tick and does nothing for
 * a segment already recorded today, so a restart or a late tick records the
 * day it is now, and days the server was down stay empty (never made up).
 * A segment that cannot be counted is skipped, and tried again next tick.
 */
export async function recordDailySizes(store: Store, now: number): Promise<number> {
  let recorded = 0;
  for (const { workspaceId, timeZone } of await everyWorkspaceZone(store)) {
    const day = zoneDay(now, timeZone);
    const [segments, done] = await Promise.all([listSavedSegments(store, workspaceId), segmentsRecordedOn(store, workspaceId, day)]);
    const due = segments.filter((s) => s.kind === "dynamic" && !done.has(s.segmentId));
    if (due.length === 0) continue;
    const context = await loadSegmentContext(store, workspaceId);
    for (const segment of due) {
      if (await recordSize(store, workspaceId, segment, context, { now, timeZone })) recorded++;
    }
  }
  return recorded;
}

/**
 * Today's size of a segment just created, so its chart starts at once rather
 * than at the next tick; the daily job then finds the day done.
 */
export async function recordFirstSize(store: Store, workspaceId: string, segment: SavedSegment, timeZone: string, now: number): Promise<void> {
  const context = await loadSegmentContext(store, workspaceId);
  await recordSize(store, workspaceId, segment, context, { now, timeZone });
}

/** Counts and records one segment's size for the zone's day of `now`; false when it cannot be counted. */
async function recordSize(store: Store, workspaceId: string, segment: SavedSegment, context: LoadedContext, clock: { now: number; timeZone: string }): Promise<boolean> {
  const parsed = parseSavedFilter(segment.filter, context);
  if (!parsed.ok) return false;
  try {
    const count = await countSegment(store, workspaceId, parsed.tree, { now: new Date(clock.now), timeZone: clock.timeZone }, context.attributeTypes);
    await recordSegmentSize(store, workspaceId, segment.segmentId, zoneDay(clock.now, clock.timeZone), count, clock.now);
    return true;
  } catch (err) {
    logInternalError(`daily segment size (${workspaceId}/${segment.segmentId})`, err);
    return false;
  }
}
