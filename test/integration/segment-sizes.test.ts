import { beforeAll, describe, expect, it } from "vitest";
import { recordSegmentSize, segmentSizeHistory } from "@/clickhouse/queries/segment-sizes";
import { addDays, zoneDay } from "@/clickhouse/vocabulary/dates";
import { eventSchema } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { recordDailySizes } from "@/server/sync/daily-sizes";
import { callerFor, createTestWorkspace, type TestWorkspace } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

const store = useTestStore();
let ws: TestWorkspace;
let vips: string;
let everyone: string;
let frozen: string;

const phone = (n: number) => `+9198100${String(n).padStart(5, "0")}`;
let seq = 0;
const ev = (e: Record<string, unknown>) => eventSchema.parse({ event_id: `size-${++seq}`, ts: new Date(Date.now() - 3600_000).toISOString(), ...e });
const vip = (n: number) => ev({ type: "tag.added", contact: phone(n), tag: "VIP", kind: "manual" });
const marketer = () => callerFor(store(), ws.members[0].userId);
/** The sizes of the test's made-up days in 2025 (saving a segment records the real today's too). */
const sizesOf = async (segmentId: string) => (await segmentSizeHistory(store(), ws.workspaceId, segmentId, "2000-01-01")).filter((p) => p.day < "2026-01-01");

beforeAll(async () => {
  // India: its day starts at 18:30 UTC the day before.
  ws = await createTestWorkspace(store(), { timeZone: "Asia/Kolkata", members: [{ role: "marketer" }] });
  await ingestEvents(store(), ws.workspaceId, [...Array.from({ length: 10 }, (_, i) => ev({ type: "message.inbound", contact: phone(i + 1), text: "Hi" })), vip(1), vip(2), vip(3)]);
  const workspaceId = ws.workspaceId;
  ({ segmentId: vips } = await marketer().segments.save({ workspaceId, name: "VIPs", tree: { kind: "group", join: "and", children: [{ kind: "tags", op: "any", tags: ["VIP"], tagKind: "any" }] } }));
  ({ segmentId: everyone } = await marketer().segments.save({ workspaceId, name: "Everyone", tree: { kind: "group", join: "and", children: [] } }));
  ({ segmentId: frozen } = await marketer().segments.freeze({ workspaceId, segmentId: vips }));
});

describe("the daily segment sizes", () => {
  it("start the day a segment is created, so its chart has a first point at once", async () => {
    const today = zoneDay(Date.now(), "Asia/Kolkata");
    const history = await marketer().segments.sizeHistory({ workspaceId: ws.workspaceId, segmentId: vips });
    expect(history.points).toEqual([{ day: today, size: 3, total: 10 }]);
  });

  it("records each saved dynamic segment once per day of the workspace's zone, and only the day it is", async () => {
    // 19:00 UTC on Mar 1 is already Mar 2 in India.
    const evening = Date.parse("2025-03-01T19:00:00Z");
    expect(await recordDailySizes(store(), evening)).toBeGreaterThanOrEqual(2);
    expect(await sizesOf(vips)).toEqual([{ day: "2025-03-02", size: 3, total: 10 }]);
    expect(await sizesOf(everyone)).toEqual([{ day: "2025-03-02", size: 10, total: 10 }]);
    // A static list is not a dynamic segment: no history.
    expect(await sizesOf(frozen)).toEqual([]);

    // Later the same day (India), nothing new, even after the audience grew.
    await ingestEvents(store(), ws.workspaceId, [vip(4)]);
    const sameDay = Date.parse("2025-03-02T17:00:00Z");
    await recordDailySizes(store(), sameDay);
    expect(await sizesOf(vips)).toEqual([{ day: "2025-03-02", size: 3, total: 10 }]);

    // Three days the server was down: they stay empty; the day it is now is recorded.
    await recordDailySizes(store(), Date.parse("2025-03-05T20:00:00Z"));
    expect(await sizesOf(vips)).toEqual([
      { day: "2025-03-02", size: 3, total: 10 },
      { day: "2025-03-06", size: 4, total: 10 },
    ]);
  });

  it("charts the recorded days of the last N days, and lists the change over 7 days, or none without history", async () => {
    const workspaceId = ws.workspaceId;
    const now = Date.now();
    const today = zoneDay(now, "Asia/Kolkata");
    // A week ago the VIPs were 1; yesterday 2 (as the daily job would have written them).
    await recordSegmentSize(store(), workspaceId, vips, addDays(today, -7), { matching: 1, total: 10 }, now);
    await recordSegmentSize(store(), workspaceId, vips, addDays(today, -1), { matching: 2, total: 10 }, now);
    await recordDailySizes(store(), now);

    const history = await marketer().segments.sizeHistory({ workspaceId, segmentId: vips, days: 30 });
    expect(history.timeZone).toBe("Asia/Kolkata");
    expect(history.to).toBe(today);
    expect(history.points.map((p) => [p.day, p.size])).toEqual([
      [addDays(today, -7), 1],
      [addDays(today, -1), 2],
      // Recorded when the segment was saved, before the 4th VIP; the day's job left it.
      [today, 3],
    ]);

    const change = async (segmentId: string) => (await marketer().segments.size({ workspaceId, segmentId })).sizeChange;
    expect(await change(vips)).toEqual({ change: 3, days: 7 });
    // Recorded only today: no earlier day to compare with.
    expect(await change(everyone)).toBeNull();
    expect(await change(frozen)).toBeNull();
  });

  it("measures the change from the oldest day of the week when the history is younger", async () => {
    const workspaceId = ws.workspaceId;
    const today = zoneDay(Date.now(), "Asia/Kolkata");
    await recordSegmentSize(store(), workspaceId, everyone, addDays(today, -3), { matching: 12, total: 12 }, Date.now());
    expect((await marketer().segments.size({ workspaceId, segmentId: everyone })).sizeChange).toEqual({ change: -2, days: 3 });
  });
});
