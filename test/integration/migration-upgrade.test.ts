import { describe, expect, it } from "vitest";
import { loadMigrations } from "@/clickhouse/migrate";
import { campaignBillable } from "@/clickhouse/queries/campaign-cost";
import { eventRow } from "../helpers/events";
import { useTestStore } from "../helpers/store";

const store = useTestStore();
const REWIND = { report: "migration-upgrade-test", tenant: "exempt: rewinds the schema of the whole store" } as const;

describe("upgrading a store that already holds events", () => {
  it("0010 fills campaign costs from statuses stored before it", async () => {
    // Back to the shape before 0010: no pricing column, nothing derived from it.
    await store().command("DROP VIEW campaign_billable_mv", {}, REWIND);
    await store().command("ALTER TABLE events DROP COLUMN pricing_category", {}, REWIND);
    const status = (id: string, wamid: string, status: string, pricing?: object) => {
      const { pricing_category: _new, ...row } = eventRow({
        workspace_id: "ws-old",
        contact: "+919812345678",
        type: "message.status",
        ts: Date.parse("2026-10-01T10:00:00Z"),
        event_id: id,
        wamid,
        status,
        campaign_id: "diwali",
        payload: JSON.stringify({ type: "message.status", wamid, status, ...(pricing ? { pricing } : {}) }),
      });
      return row;
    };
    // Two parts, as older inserts leave them; Meta repeats the pricing on every status of a message.
    await store().insert("events", [
      status("a-sent", "wamid.a", "sent", { category: "Marketing", billable: true }),
      status("b-sent", "wamid.b", "sent", { category: "utility", billable: false }),
    ]);
    await store().insert("events", [
      status("a-read", "wamid.a", "read", { category: "marketing", billable: true }),
      status("c-sent", "wamid.c", "sent"),
    ]);

    const upgrade = loadMigrations().find((m) => m.version === 10)!;
    for (const statement of upgrade.statements) await store().command(statement, {}, REWIND);

    // One marketing message (its two statuses count once); the free one and the one without pricing are not billed.
    expect(await campaignBillable(store(), "ws-old", "diwali")).toEqual([{ category: "marketing", messages: 1 }]);
  });
});
