import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_DEPTH } from "@/clickhouse/vocabulary/filter-tree";
import { appRouter } from "@/server/routers/_app";
import { exportResponse } from "@/server/segments/export-http";
import { callerFor, createTestWorkspace, type TestWorkspace } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

const store = useTestStore();
let ws: TestWorkspace;
const marketer = () => callerFor(store(), ws.members[0].userId);
const DEPTHS = [MAX_DEPTH + 1, 100, 700, 5000];
const TOO_DEEP = `groups nest at most ${MAX_DEPTH} deep`;

/**
 * A filter `depth` groups deep, as JSON text: built as text because
 * JSON.stringify itself overflows the stack on a tree 5000 levels deep.
 */
function deepTreeJson(depth: number): string {
  return '{"kind":"group","join":"and","children":['.repeat(depth) + '{"kind":"status","values":["active"]}' + "]}".repeat(depth);
}
const deepTree = (depth: number) => JSON.parse(deepTreeJson(depth)) as unknown;

/** A tRPC call over HTTP, as the browser makes it. */
async function overHttp(procedure: string, inputJson: string, method: "GET" | "POST") {
  const body = `{"json":${inputJson}}`;
  const req =
    method === "GET"
      ? new Request(`http://localhost/api/trpc/${procedure}?input=${encodeURIComponent(body)}`)
      : new Request(`http://localhost/api/trpc/${procedure}`, { method, body, headers: { "content-type": "application/json" } });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({ session: { user: { id: ws.members[0].userId } } as never, store: store() }),
  });
  return { status: res.status, text: await res.text() };
}

beforeAll(async () => {
  ws = await createTestWorkspace(store(), { members: [{ role: "marketer" }] });
});

describe("a filter nested too deep", () => {
  it("is a 400 naming the limit on segments.count and segments.save, however deep", async () => {
    for (const depth of DEPTHS) {
      const input = { workspaceId: ws.workspaceId, tree: deepTree(depth) };
      await expect(marketer().segments.count(input), `count, ${depth} deep`).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(TOO_DEEP) });
      await expect(marketer().segments.save({ ...input, name: `Deep ${depth}` }), `save, ${depth} deep`).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining(TOO_DEEP),
      });
    }
    expect(await marketer().segments.list({ workspaceId: ws.workspaceId })).toEqual([]);
  });

  it("is a 400 over HTTP too, on every procedure that takes a tree", async () => {
    for (const depth of [700, 5000]) {
      const input = `{"workspaceId":"${ws.workspaceId}","tree":${deepTreeJson(depth)}}`;
      for (const [procedure, method] of [["segments.count", "GET"], ["segments.preview", "GET"], ["segments.save", "POST"]] as const) {
        const sent = procedure === "segments.save" ? input.replace(/^\{/, '{"name":"Deep",') : input;
        const { status, text } = await overHttp(procedure, sent, method);
        expect(status, `${procedure}, ${depth} deep`).toBe(400);
        expect(text).toContain(TOO_DEEP);
      }
    }
  });

  it("in an export link is a 400 naming the limit", async () => {
    for (const depth of [700, 5000]) {
      const link = Buffer.from(deepTreeJson(depth)).toString("base64url");
      const res = await exportResponse(store(), ws.workspaceId, "draft", new URL(`http://localhost/export?tree=${link}`));
      expect(res.status, `${depth} deep`).toBe(400);
      expect(await res.json()).toEqual({ error: expect.stringContaining(TOO_DEEP) });
    }
  });

  it("just within the limit still counts", async () => {
    expect(await marketer().segments.count({ workspaceId: ws.workspaceId, tree: deepTree(MAX_DEPTH) })).toEqual({ matching: 0, total: 0, optedOut: 0 });
  });
});
