import type { Store } from "@/clickhouse/client";
import { countSegment } from "@/clickhouse/queries/segments/audience";
import { listSavedSegments } from "@/clickhouse/queries/segments/saved";
import { everyWorkspaceZone, recordSegmentSize, segmentsRecordedOn } from "@/clickhouse/queries/segment-sizes";
import { zoneDay } from "@/clickhouse/vocabulary/dates";
import { logInternalError } from "../internal-error";
import { loadSegmentContext, parseSavedFilter } from "../segments/workspace";

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
      const parsed = parseSavedFilter(segment.filter, context);
      if (!parsed.ok) continue;
      try {
        const count = await countSegment(store, workspaceId, parsed.tree, { now: new Date(now), timeZone }, context.attributeTypes);
        await recordSegmentSize(store, workspaceId, segment.segmentId, day, count, now);
        recorded++;
      } catch (err) {
        logInternalError(`daily segment size (${workspaceId}/${segment.segmentId})`, err);
      }
    }
  }
  return recorded;
}
