import { describe, expect, it } from "vitest";
import { callerFor, createTestWorkspace } from "../helpers/factories";
import { useTestStore } from "../helpers/store";
import { trpcError } from "../helpers/trpc-error";

const store = useTestStore();

describe("Manage: API keys and WhatsApp settings", () => {
  it("lets an admin create a key shown once, list it without the secret, and revoke it", async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "admin" }] });
    const admin = callerFor(store(), ws.members[0].userId);
    const { token, keyId } = await admin.apiKeys.create({ workspaceId: ws.workspaceId, name: "Shopify sync" });
    expect(token).toMatch(/^clk_[0-9a-f]{12}_/);
    const [listed] = await admin.apiKeys.list({ workspaceId: ws.workspaceId });
    expect(listed).toMatchObject({ keyId, name: "Shopify sync", revokedAt: null, lastUsedAt: null });
    expect(JSON.stringify(listed)).not.toContain(token.slice(20));
    await admin.apiKeys.revoke({ workspaceId: ws.workspaceId, keyId });
    expect((await admin.apiKeys.list({ workspaceId: ws.workspaceId }))[0].revokedAt).not.toBeNull();
  });

  it("keeps keys and settings away from every role but admin", async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "admin" }, { role: "marketer" }, { role: "analyst" }] });
    for (const member of ws.members.slice(1)) {
      const caller = callerFor(store(), member.userId);
      const error = await trpcError(caller.apiKeys.create({ workspaceId: ws.workspaceId, name: "mine" }));
      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toMatch(/cannot do this; ask a workspace admin/);
      expect((await trpcError(caller.settings.update({ workspaceId: ws.workspaceId, name: "x", phoneNumberId: "1" }))).code).toBe("FORBIDDEN");
    }
  });

  it("sets the WhatsApp phone number id, refusing one that another workspace uses", async () => {
    const a = await createTestWorkspace(store());
    const b = await createTestWorkspace(store());
    const phone = String(Date.now());
    const adminA = callerFor(store(), a.members[0].userId);
    await adminA.settings.update({ workspaceId: a.workspaceId, name: "Acme", phoneNumberId: phone });
    expect(await adminA.settings.get({ workspaceId: a.workspaceId })).toMatchObject({ name: "Acme", phoneNumberId: phone });

    const adminB = callerFor(store(), b.members[0].userId);
    const conflict = await trpcError(adminB.settings.update({ workspaceId: b.workspaceId, name: "B", phoneNumberId: phone }));
    expect(conflict.code).toBe("CONFLICT");
    const bad = await trpcError(adminB.settings.update({ workspaceId: b.workspaceId, name: "B", phoneNumberId: "+91 98" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toMatch(/^phoneNumberId: use digits only: the phone number id is the number Meta shows/);
  });
});
