import { describe, expect, it } from "vitest";
import { timeZones } from "@/clickhouse/vocabulary/time-zones";
import { callerFor, createTestWorkspace } from "../helpers/factories";
import { useTestStore } from "../helpers/store";
import { trpcError } from "../helpers/trpc-error";

const store = useTestStore();

describe("the workspace's time zone", () => {
  it("starts as UTC, and an admin sets it; every procedure's context and the workspace query carry it", async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "admin" }, { role: "analyst" }] });
    const admin = callerFor(store(), ws.members[0].userId);
    const analyst = callerFor(store(), ws.members[1].userId);
    expect(await analyst.workspaces.current({ workspaceId: ws.workspaceId })).toEqual({
      workspaceId: ws.workspaceId,
      role: "analyst",
      timeZone: "UTC",
    });

    const saved = await admin.settings.setTimeZone({ workspaceId: ws.workspaceId, timeZone: "Asia/Kolkata" });
    expect(saved).toMatchObject({ name: ws.name, timeZone: "Asia/Kolkata" });
    expect((await analyst.settings.get({ workspaceId: ws.workspaceId })).timeZone).toBe("Asia/Kolkata");
    expect((await analyst.workspaces.current({ workspaceId: ws.workspaceId })).timeZone).toBe("Asia/Kolkata");
  });

  it("is for admins to change; the others read it", async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "admin" }, { role: "marketer" }, { role: "manager" }, { role: "analyst" }] });
    for (const member of ws.members.slice(1)) {
      const caller = callerFor(store(), member.userId);
      const error = await trpcError(caller.settings.setTimeZone({ workspaceId: ws.workspaceId, timeZone: "Asia/Kolkata" }));
      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toMatch(/cannot do this; ask a workspace admin/);
      expect((await caller.settings.get({ workspaceId: ws.workspaceId })).timeZone).toBe("UTC");
    }
  });

  it("refuses a name that is not a zone, saying what a zone looks like, and reads an old name as its new one", async () => {
    const ws = await createTestWorkspace(store());
    const admin = callerFor(store(), ws.members[0].userId);
    for (const timeZone of ["Mars/Olympus_Mons", "IST", "+05:30", ""]) {
      const error = await trpcError(admin.settings.setTimeZone({ workspaceId: ws.workspaceId, timeZone }));
      expect(error.code, timeZone).toBe("BAD_REQUEST");
      expect(error.message, timeZone).toBe(`timeZone: "${timeZone}" is not a time zone; use an IANA name, like Asia/Kolkata or UTC`);
    }
    expect((await admin.settings.get({ workspaceId: ws.workspaceId })).timeZone).toBe("UTC");
    // Browsers and ICU still report India as Asia/Calcutta; IANA's name is Asia/Kolkata.
    expect((await admin.settings.setTimeZone({ workspaceId: ws.workspaceId, timeZone: "Asia/Calcutta" })).timeZone).toBe("Asia/Kolkata");
  });

  it("is kept when the name or the phone number id changes, and they are kept when it changes", async () => {
    const ws = await createTestWorkspace(store(), { timeZone: "America/Sao_Paulo" });
    const admin = callerFor(store(), ws.members[0].userId);
    await admin.settings.update({ workspaceId: ws.workspaceId, name: "Renamed", phoneNumberId: "" });
    expect(await admin.settings.get({ workspaceId: ws.workspaceId })).toMatchObject({ name: "Renamed", timeZone: "America/Sao_Paulo" });
    await admin.settings.setTimeZone({ workspaceId: ws.workspaceId, timeZone: "Asia/Kathmandu" });
    expect(await admin.settings.get({ workspaceId: ws.workspaceId })).toMatchObject({ name: "Renamed", timeZone: "Asia/Kathmandu" });
  });

  it("offers only zones the store knows too, UTC first, under their current names", async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "admin" }] });
    const admin = callerFor(store(), ws.members[0].userId);
    const offered = await admin.workspaces.timeZones();
    expect(offered[0]).toBe("UTC");
    expect(offered.length).toBeGreaterThan(400);
    expect(timeZones()).toEqual(expect.arrayContaining(offered));
    expect(offered).toEqual(expect.arrayContaining(["Asia/Kolkata", "Asia/Kathmandu", "Europe/Kyiv", "America/Sao_Paulo"]));
    expect(offered).not.toContain("Asia/Calcutta");
    // A zone ClickHouse did not know would fail every report of the workspace that picked it.
    const rows = await store().query<{ time_zone: string }>(
      "SELECT time_zone FROM system.time_zones WHERE time_zone IN {zones:Array(String)} AND {workspaceId:String} != ''",
      { workspaceId: ws.workspaceId, zones: offered },
      { report: "test:time-zone-setting" },
    );
    const known = new Set(rows.map((r) => r.time_zone));
    expect(offered.filter((z) => !known.has(z))).toEqual([]);
    // One JavaScript knows and the store does not (if this ClickHouse lacks any) is refused, not saved.
    const missing = timeZones().find((z) => !offered.includes(z));
    if (missing) {
      const error = await trpcError(admin.settings.setTimeZone({ workspaceId: ws.workspaceId, timeZone: missing }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toBe(`timeZone: ChatLens's database does not know "${missing}" yet; pick a neighbouring zone with the same time`);
    }
  });
});
