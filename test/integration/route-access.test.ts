import { describe, expect, it } from "vitest";
import { POST as importPost } from "@/app/api/w/[workspace]/import/route";
import { GET as exportGet } from "@/app/api/w/[workspace]/segments/[segment]/export/route";
import { EMPTY_TREE } from "@/clickhouse/vocabulary/filter-tree";
import { encodeTree } from "@/server/segments/url";
import { createTestWorkspace, randomId } from "../helpers/factories";
import { ndjson } from "../helpers/http";
import { appRequest, sessionCookieFor } from "../helpers/sessions";
import { useTestStore } from "../helpers/store";

/**
 * The cookie-authenticated routes of a workspace (/api/w/<ws>/…) answer like
 * the tRPC tiers: 401 signed out, 404 not a member or no such workspace (the
 * same answer, so nothing leaks across tenants), 403 a role that may not.
 */

const store = useTestStore();
const CSV = "phone,name\n+919812345678,Asha\n";

function importAs(workspaceId: string, cookie: string | null, csv = CSV) {
  const req = appRequest(`/api/w/${workspaceId}/import?options=${encodeURIComponent(JSON.stringify({ country: "IN" }))}`, {
    method: "POST",
    cookie,
    body: csv,
    headers: { "content-type": "text/csv" },
  });
  return importPost(req, { params: Promise.resolve({ workspace: workspaceId }) });
}

function exportAs(workspaceId: string, cookie: string | null) {
  const req = appRequest(`/api/w/${workspaceId}/segments/draft/export?tree=${encodeTree(EMPTY_TREE)}`, { cookie });
  return exportGet(req, { params: Promise.resolve({ workspace: workspaceId, segment: "draft" }) });
}

const ROUTES = [
  { name: "import", call: importAs, doing: "import contacts" },
  { name: "export", call: exportAs, doing: "export contacts" },
] as const;

describe.each(ROUTES)("/api/w/<workspace>/$name", ({ call, doing }) => {
  it("a visitor without a session gets 401 and is told to sign in", async () => {
    const ws = await createTestWorkspace(store());
    const res = await call(ws.workspaceId, null);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "Sign in to continue." });
  });

  it("a forged session cookie is no session: 401", async () => {
    const ws = await createTestWorkspace(store());
    const res = await call(ws.workspaceId, "next-auth.session-token=not-a-token");
    expect(res.status).toBe(401);
  });

  it("a role that may not gets 403 naming the roles that may", async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "admin" }, { role: "analyst" }] });
    const res = await call(ws.workspaceId, await sessionCookieFor(ws.members[1].userId));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: `Your role (analyst) cannot ${doing}; ask an admin or marketer.` });
  });

  it("a member of another workspace and a workspace that does not exist get the same 404", async () => {
    const mine = await createTestWorkspace(store());
    const other = await createTestWorkspace(store());
    const cookie = await sessionCookieFor(mine.members[0].userId);
    const notMine = await call(other.workspaceId, cookie);
    const missing = await call(randomId("ws"), cookie);
    expect(notMine.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await notMine.json()).toEqual(await missing.json());
  });

  it("an admin or a marketer gets through", async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "admin" }, { role: "marketer" }] });
    for (const member of ws.members) {
      const res = await call(ws.workspaceId, await sessionCookieFor(member.userId));
      expect(res.status, member.role).toBe(200);
      await res.text();
    }
  });
});

describe("the routes do what they are for once through", () => {
  it("a marketer imports a row and exports it", async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "marketer" }] });
    const cookie = await sessionCookieFor(ws.members[0].userId);
    const lines = await ndjson<{ type: string; report?: { imported: number } }>(await importAs(ws.workspaceId, cookie));
    expect(lines.at(-1)).toMatchObject({ type: "done", report: { imported: 1 } });
    const csv = await (await exportAs(ws.workspaceId, cookie)).text();
    expect(csv).toContain("+919812345678");
  });
});
