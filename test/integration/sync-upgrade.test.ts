import { describe, expect, it } from "vitest";
import { migrate } from "@/clickhouse/migrate";
import { segmentSizeHistory } from "@/clickhouse/queries/segment-sizes";
import { zoneDay } from "@/clickhouse/vocabulary/dates";
import { eventSchema } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { recordDailySizes } from "@/server/sync/daily-sizes";
import { callerFor, createTestWorkspace } from "../helpers/factories";
import { startReceiver } from "../helpers/receiver";
import { useTestStore } from "../helpers/store";

const store = useTestStore();
const REWIND = { report: "sync-upgrade-test", tenant: "exempt: rewinds the schema of the whole store" } as const;

describe("upgrading a store from before destinations and segment sizes (0021, 0022)", () => {
  it("keeps its segments and contacts, and their first sync and first size work", async () => {
    // Back to the version before: none of the tables of 0021 and 0022, and neither recorded as applied.
    for (const statement of [
      "DROP TABLE segment_destinations",
      "DROP TABLE destination_members",
      "DROP TABLE destination_changes",
      "DROP TABLE destination_deliveries",
      "DROP TABLE segment_sizes",
      "DELETE FROM schema_migrations WHERE version IN (21, 22)",
    ]) {
      await store().command(statement, {}, REWIND);
    }
    const ws = await createTestWorkspace(store(), { members: [{ role: "marketer" }] });
    const marketer = callerFor(store(), ws.members[0].userId);
    let seq = 0;
    const ev = (e: Record<string, unknown>) => eventSchema.parse({ event_id: `up-${++seq}`, ts: new Date(Date.now() - 60_000).toISOString(), ...e });
    await ingestEvents(store(), ws.workspaceId, [
      ...[1, 2, 3].map((n) => ev({ type: "message.inbound", contact: `+91982000000${n}`, text: "Hi" })),
      ev({ type: "tag.added", contact: "+919820000001", tag: "VIP", kind: "manual" }),
    ]);
    const tree = { kind: "group", join: "and", children: [{ kind: "tags", op: "any", tags: ["VIP"], tagKind: "any" }] };
    const { segmentId } = await marketer.segments.save({ workspaceId: ws.workspaceId, name: "VIPs", tree });

    expect(await migrate(store())).toBe(2);

    const [listed] = await marketer.segments.list({ workspaceId: ws.workspaceId });
    expect(listed).toMatchObject({ segmentId, name: "VIPs" });
    expect(await marketer.segments.size({ workspaceId: ws.workspaceId, segmentId })).toMatchObject({ size: { matching: 1, total: 3 }, sizeChange: null });
    expect((await marketer.segments.get({ workspaceId: ws.workspaceId, segmentId })).tree).toEqual(tree);

    const receiver = await startReceiver();
    try {
      const { destinationId } = await marketer.destinations.create({ workspaceId: ws.workspaceId, segmentId, name: "CRM", url: receiver.url, schedule: "manual" });
      expect(await marketer.destinations.syncNow({ workspaceId: ws.workspaceId, destinationId })).toMatchObject({ outcome: "delivered", joins: 1 });
      expect(receiver.requests.flatMap((r) => r.lines).map((l) => l.contact_id)).toEqual(["+919820000001"]);
    } finally {
      await receiver.close();
    }
    const now = Date.now();
    await recordDailySizes(store(), now);
    expect(await segmentSizeHistory(store(), ws.workspaceId, segmentId, "2000-01-01")).toEqual([{ day: zoneDay(now, "UTC"), size: 1, total: 3 }]);
  });
});
