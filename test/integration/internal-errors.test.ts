import { readFileSync } from "node:fs";
import { parseError } from "@clickhouse/client";
import type { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as importPost } from "@/app/api/v1/contacts/import/route";
import { POST as eventsPost } from "@/app/api/v1/events/route";
import { POST as webhookPost } from "@/app/api/webhooks/whatsapp/route";
import { setStore, type Store } from "@/clickhouse/client";
import { createApiKey } from "@/server/auth/api-keys";
import { appRouter } from "@/server/routers/_app";
import { ENGINE_TEXT, storeFailingOn, storeFailingWhen } from "../helpers/failing-store";
import { callerFor, createTestWorkspace, type TestWorkspace } from "../helpers/factories";
import { jsonRequest, metaSignature, ndjson } from "../helpers/http";
import { useTestStore } from "../helpers/store";
import { trpcError } from "../helpers/trpc-error";

const store = useTestStore();
const SAFE = /^Something went wrong on the server\. Try again; if it keeps happening, quote request id ([0-9a-f]{12}) when you report it\.$/;
/** What must never be in an answer: the engine's words, its error code, a stack frame. */
const LEAKS = /DB::Exception|Cannot parse|CANNOT_PARSE|\bat .+\.(ts|js):\d+/;
let ws: TestWorkspace;
let log: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  ws = await createTestWorkspace(store(), { members: [{ role: "admin" }] });
});

afterEach(() => {
  setStore(store());
  vi.restoreAllMocks();
});

function quietLog() {
  log = vi.spyOn(console, "error").mockImplementation(() => {});
}

/** The engine error was logged under `requestId`, with its own text. */
function expectLogged(requestId: string) {
  expect(log).toHaveBeenCalledWith(expect.stringContaining(`request ${requestId} failed`), expect.objectContaining({ message: expect.stringContaining("Cannot parse DateTime") }));
}

/** A tRPC call over HTTP, as the browser makes it (superjson in, JSON out). */
async function overHttp(s: Store, procedure: string, input: unknown, createContext = async () => ({ session: { user: { id: ws.members[0].userId } } as never, store: s })) {
  const url = `http://localhost/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req: new Request(url), router: appRouter, createContext });
  return { status: res.status, text: await res.text() };
}

describe("an engine error in a tRPC procedure", () => {
  it("reaches a server-side caller as INTERNAL_SERVER_ERROR with a request id, its text only in the log", async () => {
    quietLog();
    const failing = storeFailingWhen(store(), ({ sql }) => sql.includes("WITH FILL"));
    const err = await trpcError(callerFor(failing, ws.members[0].userId).overview.summary({ workspaceId: ws.workspaceId }));
    expect(err).toMatchObject({ code: "INTERNAL_SERVER_ERROR", message: expect.stringMatching(SAFE) });
    expect(err.cause).toBeUndefined();
    expect(String(err.stack)).not.toMatch(/DB::Exception/);
    expectLogged(SAFE.exec(err.message)![1]);
  });

  it("is made safe when it happens in the workspace check, before the procedure runs", async () => {
    quietLog();
    const failing = storeFailingOn(store(), ws.workspaceId);
    await expect(callerFor(failing, ws.members[0].userId).segments.list({ workspaceId: ws.workspaceId })).rejects.toMatchObject({
      code: "INTERNAL_SERVER_ERROR",
      message: expect.stringMatching(SAFE),
    });
  });

  it("answers an HTTP client with a 500, the request id in its data, no engine text and no stack", async () => {
    quietLog();
    const failing = storeFailingWhen(store(), ({ sql }) => sql.includes("WITH FILL"));
    const { status, text } = await overHttp(failing, "overview.summary", { workspaceId: ws.workspaceId });
    expect(status).toBe(500);
    expect(text).not.toMatch(LEAKS);
    const { error } = JSON.parse(text) as { error: { json: { message: string; data: Record<string, unknown> } } };
    expect(error.json.message).toMatch(SAFE);
    expect(error.json.data).toMatchObject({ code: "INTERNAL_SERVER_ERROR", requestId: SAFE.exec(error.json.message)![1] });
    expect(error.json.data).not.toHaveProperty("stack");
    expectLogged(error.json.data.requestId as string);
  });

  it("is made safe when it happens before any procedure, in creating the context", async () => {
    quietLog();
    const { status, text } = await overHttp(store(), "overview.summary", { workspaceId: ws.workspaceId }, () => Promise.reject(parseError(ENGINE_TEXT)));
    expect(status).toBe(500);
    expect(text).not.toMatch(LEAKS);
    expect(text).toMatch(/quote request id [0-9a-f]{12}/);
  });

  it("is not what a bad input gets: a far-future range is a 400 naming the supported dates", async () => {
    const { status, text } = await overHttp(store(), "overview.summary", { workspaceId: ws.workspaceId, from: "9999-01-01", to: "9999-12-31" });
    expect(status).toBe(400);
    expect(text).toContain("9999-01-01 is outside the supported dates, 1970-01-01 to 2105-12-31");
    expect(text).not.toMatch(LEAKS);
  });
});

describe("an engine error in an HTTP route", () => {
  it("Event API: a 500 with a request id, its text only in the log", async () => {
    quietLog();
    const { token } = await createApiKey(store(), ws.workspaceId, "backend", "test");
    setStore(storeFailingOn(store(), ws.workspaceId));
    const event = { event_id: "e1", type: "message.inbound", contact: "+919812345678", ts: "2026-11-20T10:00:00Z", text: "hi" };
    const res = await eventsPost(jsonRequest("/api/v1/events", JSON.stringify([event]), { authorization: `Bearer ${token}` }));
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: string; requestId: string };
    expect(body).toEqual({ error: expect.stringMatching(SAFE), requestId: SAFE.exec(body.error)![1] });
    expectLogged(body.requestId);
  });

  it("WhatsApp webhook: a 500 (Meta retries) with a request id", async () => {
    quietLog();
    process.env.WHATSAPP_APP_SECRET = "test-app-secret";
    setStore(storeFailingWhen(store(), () => true));
    const body = readFileSync("test/fixtures/whatsapp/messages.json", "utf8").replaceAll("__PHONE_NUMBER_ID__", "100000000000999");
    const res = await webhookPost(jsonRequest("/api/webhooks/whatsapp", body, { "x-hub-signature-256": metaSignature(body, "test-app-secret") }));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(LEAKS);
    expectLogged((JSON.parse(text) as { requestId: string }).requestId);
  });

  it("CSV import: the stream ends with an error line that keeps what was imported and gives a request id", async () => {
    quietLog();
    const { token } = await createApiKey(store(), ws.workspaceId, "cli", "test");
    setStore(storeFailingOn(store(), ws.workspaceId));
    const req = new Request("http://localhost/api/v1/contacts/import", { method: "POST", headers: { authorization: `Bearer ${token}` }, body: "phone,name\n+919812345678,Asha\n" });
    const res = await importPost(req);
    const messages = await ndjson<{ type: string; message?: string; requestId?: string }>(res);
    const last = messages.at(-1)!;
    expect(last).toMatchObject({ type: "error", message: expect.stringContaining("rows before it were kept"), requestId: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(last.message).toContain(`quote request id ${last.requestId}`);
    expect(JSON.stringify(messages)).not.toMatch(LEAKS);
    expectLogged(last.requestId!);
  });
});
