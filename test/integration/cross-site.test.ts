import { describe, expect, it } from "vitest";
import { GET as trpcGet, POST as trpcPost } from "@/app/api/trpc/[trpc]/route";
import { POST as importPost } from "@/app/api/w/[workspace]/import/route";
import { getContactState } from "@/clickhouse/queries/contacts";
import { listTagDefinitions } from "@/clickhouse/queries/tags";
import { createTestWorkspace } from "../helpers/factories";
import { ndjson } from "../helpers/http";
import { appRequest, sessionCookieFor } from "../helpers/sessions";
import { useTestStore } from "../helpers/store";

/**
 * A page on another site can make the browser send ChatLens a request with
 * the session cookie (a form post, a "simple" fetch with text/plain). Every
 * cookie-authenticated request that changes something checks where it came
 * from and refuses another site with 403.
 */

const store = useTestStore();
const PHONE = "+919812345678";
const CROSS_SITE = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
const SAME_ORIGIN = { origin: "http://localhost", "sec-fetch-site": "same-origin" };
const MESSAGE = /came from another site/;

async function marketer() {
  const ws = await createTestWorkspace(store(), { members: [{ role: "marketer" }] });
  return { workspaceId: ws.workspaceId, cookie: await sessionCookieFor(ws.members[0].userId) };
}

function importFrom(workspaceId: string, cookie: string, headers: Record<string, string>) {
  const req = appRequest(`/api/w/${workspaceId}/import`, {
    method: "POST",
    cookie,
    // text/plain is what a cross-site form or fetch can send without asking first.
    body: `phone,name\n${PHONE},Asha\n`,
    headers: { "content-type": "text/plain", ...headers },
  });
  return importPost(req, { params: Promise.resolve({ workspace: workspaceId }) });
}

describe("POST /api/w/<workspace>/import", () => {
  it("from another site is refused with 403 and imports nothing", async () => {
    const { workspaceId, cookie } = await marketer();
    const res = await importFrom(workspaceId, cookie, CROSS_SITE);
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(MESSAGE);
    expect(await getContactState(store(), workspaceId, PHONE, new Date())).toBeNull();
  });

  it("with only an Origin of another site (an older browser) is refused too", async () => {
    const { workspaceId, cookie } = await marketer();
    const res = await importFrom(workspaceId, cookie, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(await getContactState(store(), workspaceId, PHONE, new Date())).toBeNull();
  });

  it("from a sibling subdomain (same site, another origin) is refused", async () => {
    const { workspaceId, cookie } = await marketer();
    const res = await importFrom(workspaceId, cookie, { origin: "http://blog.localhost", "sec-fetch-site": "same-site" });
    expect(res.status).toBe(403);
  });

  it("from ChatLens's own pages imports", async () => {
    const { workspaceId, cookie } = await marketer();
    const res = await importFrom(workspaceId, cookie, SAME_ORIGIN);
    expect(res.status).toBe(200);
    expect((await ndjson<{ type: string; report?: { imported: number } }>(res)).at(-1)).toMatchObject({ report: { imported: 1 } });
    expect(await getContactState(store(), workspaceId, PHONE, new Date())).not.toBeNull();
  });
});

describe("tRPC mutations over HTTP", () => {
  function createTag(workspaceId: string, cookie: string, name: string, headers: Record<string, string>) {
    return trpcPost(
      appRequest("/api/trpc/tags.create", {
        method: "POST",
        cookie,
        body: JSON.stringify({ json: { workspaceId, name } }),
        headers: { "content-type": "application/json", ...headers },
      }),
    );
  }

  it("from another site are refused with 403 and change nothing", async () => {
    const { workspaceId, cookie } = await marketer();
    const res = await createTag(workspaceId, cookie, "Stolen", CROSS_SITE);
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).toMatch(MESSAGE);
    expect(await listTagDefinitions(store(), workspaceId)).toEqual([]);
  });

  it("from ChatLens's own pages go through", async () => {
    const { workspaceId, cookie } = await marketer();
    const res = await createTag(workspaceId, cookie, "VIP", SAME_ORIGIN);
    expect(res.status).toBe(200);
    expect((await listTagDefinitions(store(), workspaceId)).map((t) => t.tag)).toEqual(["VIP"]);
  });

  it("queries (GET, which change nothing) are not checked: a link from elsewhere still opens", async () => {
    const { workspaceId, cookie } = await marketer();
    const input = encodeURIComponent(JSON.stringify({ json: { workspaceId } }));
    const res = await trpcGet(appRequest(`/api/trpc/tags.list?input=${input}`, { cookie, headers: CROSS_SITE }));
    expect(res.status).toBe(200);
  });
});
