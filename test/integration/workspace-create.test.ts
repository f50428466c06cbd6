import { describe, expect, it } from "vitest";
import { getWorkspace } from "@/clickhouse/queries/workspaces";
import { callerFor, createTestWorkspace } from "../helpers/factories";
import { useTestStore } from "../helpers/store";
import { trpcError } from "../helpers/trpc-error";

const store = useTestStore();

/** A signed-in person with no workspace yet (a member of a throwaway one, to have an account). */
async function newcomer() {
  const { members } = await createTestWorkspace(store(), { members: [{ role: "analyst" }] });
  return { userId: members[0].userId, caller: callerFor(store(), members[0].userId) };
}

describe("creating a workspace", () => {
  it("makes its creator its admin, in the time zone the browser gave", async () => {
    const { caller } = await newcomer();
    const { workspaceId } = await caller.workspaces.create({ name: "  Acme Retail India ", timeZone: "Asia/Calcutta" });

    expect(workspaceId).toMatch(/^acme-retail-india-[0-9a-f]{6}$/);
    expect(await caller.workspaces.current({ workspaceId })).toEqual({ workspaceId, role: "admin", timeZone: "Asia/Kolkata" });
    expect((await caller.workspaces.mine()).find((w) => w.workspaceId === workspaceId)).toEqual({ workspaceId, name: "Acme Retail India", role: "admin" });
    expect((await getWorkspace(store(), workspaceId))?.time_zone).toBe("Asia/Kolkata");
    // The admin can use it straight away: Manage → General reads it back.
    expect(await caller.settings.get({ workspaceId })).toMatchObject({ name: "Acme Retail India", timeZone: "Asia/Kolkata" });
  });

  it("gives two workspaces of the same name two ids", async () => {
    const { caller } = await newcomer();
    const a = await caller.workspaces.create({ name: "Clinic", timeZone: "UTC" });
    const b = await caller.workspaces.create({ name: "Clinic", timeZone: "UTC" });
    expect(a.workspaceId).not.toBe(b.workspaceId);
  });

  it("names a workspace whose name has no Latin letters or digits by a word of its own", async () => {
    const { caller } = await newcomer();
    const { workspaceId } = await caller.workspaces.create({ name: "मेरी दुकान", timeZone: "UTC" });
    expect(workspaceId).toMatch(/^workspace-[0-9a-f]{6}$/);
    expect((await caller.workspaces.mine()).find((w) => w.workspaceId === workspaceId)?.name).toBe("मेरी दुकान");
  });

  it("refuses a blank name, a long one and an unknown zone with a message, and signed-out visitors", async () => {
    const { caller } = await newcomer();
    expect((await trpcError(caller.workspaces.create({ name: "   ", timeZone: "UTC" }))).message).toMatch(/needs a name/);
    expect((await trpcError(caller.workspaces.create({ name: "x".repeat(101), timeZone: "UTC" }))).message).toMatch(/at most 100/);
    const zone = await trpcError(caller.workspaces.create({ name: "Shop", timeZone: "Mars/Olympus" }));
    expect(zone.code).toBe("BAD_REQUEST");
    expect(zone.message).toMatch(/not a time zone/);
    expect((await trpcError(callerFor(store(), null).workspaces.create({ name: "Shop", timeZone: "UTC" }))).code).toBe("UNAUTHORIZED");
  });
});
