import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/events/route";
import { listApiKeys } from "@/clickhouse/queries/api-keys";
import { getContactState, getJourney } from "@/clickhouse/queries/contacts";
import { createApiKey, flushApiKeyUse, registerApiKey } from "@/server/auth/api-keys";
import { EVENT_TYPES } from "@/server/events/schema";
import { revokeApiKey } from "@/clickhouse/queries/api-keys";
import { randomId } from "../helpers/factories";
import { jsonRequest } from "../helpers/http";
import { useTestStore } from "../helpers/store";

const store = useTestStore();
const send = (key: string, body: string, contentType = "application/json") =>
  POST(jsonRequest("/api/v1/events", body, { authorization: `Bearer ${key}`, "content-type": contentType }));

const inbound = (id: string, contact = "+919812345678", extra: object = {}) => ({
  event_id: id,
  type: "message.inbound",
  contact,
  ts: "2026-11-20T10:00:00Z",
  text: "hello",
  ...extra,
});

const TYPE_PROBLEM = `type must be one of ${EVENT_TYPES.join(", ")}`;

describe("Event API", () => {
  it("stores the valid events of a JSON batch and explains every rejected one", async () => {
    const ws = randomId("ws");
    const { token } = await createApiKey(store(), ws, "backend", "test");
    const res = await send(token, JSON.stringify([inbound("a"), { ...inbound("b"), ts: "20/11/2026" }, inbound("c"), { type: "nope" }]));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      stored: 2,
      duplicates: 0,
      rejected: [
        { index: 2, reason: "event 2: ts is not an ISO-8601 time (like 2026-11-23T09:30:00Z)" },
        { index: 4, reason: expect.stringMatching(/^event 4: type must be one of message\.inbound/) },
      ],
      rejectedCount: 2,
    });
    expect(await getJourney(store(), ws, "+919812345678")).toHaveLength(2);
  });

  it("takes NDJSON and names rejected lines by their line number", async () => {
    const ws = randomId("ws");
    const { token } = await createApiKey(store(), ws, "backend", "test");
    const body = [JSON.stringify(inbound("n1")), "", "{not json", JSON.stringify({ ...inbound("n2"), contact: "12" })].join("\n");
    const res = await send(token, body, "application/x-ndjson");
    expect(await res.json()).toEqual({
      stored: 1,
      duplicates: 0,
      rejected: [
        { index: 3, reason: "line 3: not valid JSON" },
        { index: 4, reason: "line 4: contact must be a phone number in E.164 form, like +919812345678" },
      ],
      rejectedCount: 2,
    });
  });

  it("changes nothing when a batch is retried, and counts the duplicates", async () => {
    const ws = randomId("ws");
    const { token } = await createApiKey(store(), ws, "backend", "test");
    const batch = JSON.stringify([inbound("r1"), inbound("r2", "+919812345678", { ts: "2026-11-20T10:05:00Z" })]);
    expect(await (await send(token, batch)).json()).toMatchObject({ stored: 2, duplicates: 0 });
    expect(await (await send(token, batch)).json()).toMatchObject({ stored: 0, duplicates: 2 });
    const state = await getContactState(store(), ws, "+919812345678", new Date("2026-11-21T00:00:00Z"));
    expect(state?.sessionMessages).toBe(2);
  });

  it("refuses an event id that is not well-formed text, so sending it again never stores it again", async () => {
    const ws = randomId("ws");
    const { token } = await createApiKey(store(), ws, "backend", "test");
    // JSON.stringify keeps a lone surrogate as the escape \ud800, as a client's encoder would send it.
    const body = JSON.stringify([inbound("\ud800-x")]);
    for (let i = 0; i < 3; i++) {
      const res = await send(token, body);
      expect(res.status).toBe(400);
      expect((await res.json()).rejected).toEqual([
        { index: 1, reason: expect.stringMatching(/^event 1: event_id is not well-formed text/) },
      ]);
    }
    expect(await getJourney(store(), ws, "+919812345678")).toEqual([]);
  });

  it("stores nothing twice when a big batch holding one ill-formed id is retried", async () => {
    const ws = randomId("ws");
    const { token } = await createApiKey(store(), ws, "backend", "test");
    // Past the 2,000 ids where the duplicate check first looks at the batch's id range.
    const events = Array.from({ length: 2_500 }, (_, i) =>
      inbound(`big-${String(i).padStart(5, "0")}`, "+919812345678", { ts: new Date(Date.parse("2026-11-20T10:00:00Z") + i * 1000).toISOString() }),
    );
    const body = JSON.stringify([...events.slice(0, 1_000), inbound("\udc00-bad"), ...events.slice(1_000)]);
    expect(await (await send(token, body)).json()).toMatchObject({ stored: 2_500, duplicates: 0, rejected: [{ index: 1_001 }] });
    expect(await (await send(token, body)).json()).toMatchObject({ stored: 0, duplicates: 2_500, rejected: [{ index: 1_001 }] });
    const state = await getContactState(store(), ws, "+919812345678", new Date("2026-11-21T00:00:00Z"));
    expect(state?.sessionMessages).toBe(2_500);
  });

  it("stores a batch that spans more than 100 months", async () => {
    const ws = randomId("ws");
    const { token } = await createApiKey(store(), ws, "backend", "test");
    // One event a month since 2000: 120 monthly partitions in one batch.
    const monthly = Array.from({ length: 120 }, (_, i) =>
      inbound(`month-${i}`, "+919812345678", { ts: new Date(Date.UTC(2000, i, 15)).toISOString() }),
    );
    const res = await send(token, JSON.stringify(monthly));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ stored: 120, duplicates: 0, rejected: [], rejectedCount: 0 });
    expect(await getJourney(store(), ws, "+919812345678")).toHaveLength(120);
  });

  it("refuses an event time outside the event window, 2000-01-01 to one day after now, and keeps the times at its edges", async () => {
    const ws = randomId("ws");
    const { token } = await createApiKey(store(), ws, "backend", "test");
    const hour = 3_600_000;
    const times = [
      "0000-01-01T00:00:00Z",
      "1970-01-01T00:00:00Z",
      "1999-12-31T23:59:59.999Z",
      "2000-01-01T00:00:00Z",
      new Date(Date.now() + 23 * hour).toISOString(),
      new Date(Date.now() + 25 * hour).toISOString(),
      "2105-12-31T23:59:59Z",
      "9999-01-01T00:00:00Z",
    ];
    const res = await send(token, JSON.stringify(times.map((ts, i) => inbound(`edge-${i}`, "+919812345678", { ts }))));
    expect(await res.json()).toEqual({
      stored: 2,
      duplicates: 0,
      rejected: [1, 2, 3, 6, 7, 8].map((index) => ({
        index,
        reason: `event ${index}: ts is outside the accepted event times, 2000-01-01 to one day after now`,
      })),
      rejectedCount: 6,
    });
    expect((await getJourney(store(), ws, "+919812345678")).map((e) => e.event_id).sort()).toEqual(["edge-3", "edge-4"]);
  });

  it("checks every number against its column: error.code is an Int32, and a code out of it is refused with the range", async () => {
    const ws = randomId("ws");
    const { token } = await createApiKey(store(), ws, "backend", "test");
    const codes = [2_147_483_647, -2_147_483_648, 2_147_483_648, 9_007_199_254_740_991, -2_147_483_649, 1.5];
    const statuses = codes.map((code, i) => ({
      event_id: `code-${i}`,
      type: "message.status",
      contact: "+919812345678",
      ts: "2026-11-20T10:00:00Z",
      wamid: `wamid.${i}`,
      status: "failed",
      error: { code, title: "boom" },
    }));
    const answer = await (await send(token, JSON.stringify(statuses))).json();
    const range = "error.code must be a whole number from -2147483648 to 2147483647";
    expect(answer).toEqual({
      stored: 2,
      duplicates: 0,
      rejected: [3, 4, 5, 6].map((index) => ({ index, reason: `event ${index}: ${range}` })),
      rejectedCount: 4,
    });
    const stored = await store().query<{ event_id: string; error_code: number }>(
      "SELECT event_id, error_code FROM events WHERE workspace_id = {workspaceId:String} ORDER BY event_id",
      { workspaceId: ws },
      { report: "test:event-api" },
    );
    expect(stored.map((r) => [r.event_id, Number(r.error_code)])).toEqual([
      ["code-0", 2_147_483_647],
      ["code-1", -2_147_483_648],
    ]);
  });

  it("ignores a UTF-8 byte-order mark at the start of a JSON array or an NDJSON body", async () => {
    const ws = randomId("ws");
    const { token } = await createApiKey(store(), ws, "backend", "test");
    const array = await send(token, `\uFEFF${JSON.stringify([inbound("bom-1")])}`);
    expect(array.status).toBe(200);
    expect(await array.json()).toMatchObject({ stored: 1, rejectedCount: 0 });
    const lines = await send(token, `\uFEFF${JSON.stringify(inbound("bom-2"))}\n${JSON.stringify(inbound("bom-3"))}`, "application/x-ndjson");
    expect(await lines.json()).toMatchObject({ stored: 2, rejectedCount: 0 });
    // The mark as the bytes a file starts with, not a JS escape.
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify([inbound("bom-4")]))]);
    const raw = await POST(new Request("http://localhost/api/v1/events", { method: "POST", body: bytes, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } }));
    expect(await raw.json()).toMatchObject({ stored: 1, rejectedCount: 0 });
    expect(await getJourney(store(), ws, "+919812345678")).toHaveLength(4);
  });

  it("lists the first 100 rejections of a batch with their lines, and counts the rest by reason", async () => {
    const ws = randomId("ws");
    const { token } = await createApiKey(store(), ws, "backend", "test");
    const badContact = JSON.stringify({ ...inbound("bad-contact"), contact: "12" });
    const lines = [
      ...Array.from({ length: 2_999 }, () => "{}"),
      "{not json",
      ...Array.from({ length: 2_000 }, () => badContact),
      JSON.stringify(inbound("the-good-one")),
    ];
    const res = await send(token, lines.join("\n"), "application/x-ndjson");
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text.length).toBeLessThan(64 * 1024);
    const answer = JSON.parse(text);
    expect(answer).toMatchObject({
      stored: 1,
      rejectedCount: 5_000,
      rejectionsTruncated: true,
      rejectionsByReason: {
        [TYPE_PROBLEM]: 2_999,
        "not valid JSON": 1,
        "contact must be a phone number in E.164 form, like +919812345678": 2_000,
      },
    });
    expect(answer.rejected).toHaveLength(100);
    expect(answer.rejected[0]).toEqual({ index: 1, reason: `line 1: ${TYPE_PROBLEM}` });
    expect(answer.rejected[99].index).toBe(100);
  });

  it("answers a 6 MB body of bad lines with a short 400, never a 500", async () => {
    const ws = randomId("ws");
    const { token } = await createApiKey(store(), ws, "backend", "test");
    const res = await send(token, "{}\n".repeat(2_000_000), "application/x-ndjson");
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text.length).toBeLessThan(64 * 1024);
    expect(JSON.parse(text)).toMatchObject({ stored: 0, rejectedCount: 2_000_000, rejectionsByReason: { [TYPE_PROBLEM]: 2_000_000 } });
  });

  it("numbers the capped rejections of a JSON array by position", async () => {
    const ws = randomId("ws");
    const { token } = await createApiKey(store(), ws, "backend", "test");
    const res = await send(token, JSON.stringify([inbound("ok-1"), ...Array.from({ length: 5_000 }, () => ({}))]));
    const answer = await res.json();
    expect(answer).toMatchObject({ stored: 1, rejectedCount: 5_000, rejectionsTruncated: true, rejectionsByReason: { [TYPE_PROBLEM]: 5_000 } });
    expect(answer.rejected.map((r: { index: number }) => r.index)).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
  });

  it("refuses a missing, wrong or revoked key with 401", async () => {
    const ws = randomId("ws");
    const { token, keyId } = await createApiKey(store(), ws, "backend", "test");
    const body = JSON.stringify([inbound("k1")]);
    expect((await POST(jsonRequest("/api/v1/events", body))).status).toBe(401);
    expect((await send(token + "x", body)).status).toBe(401);
    await revokeApiKey(store(), ws, keyId);
    expect((await send(token, body)).status).toBe(401);
    expect(await getJourney(store(), ws, "+919812345678")).toEqual([]);
  });

  it("never lets a key write into another workspace", async () => {
    const mine = randomId("ws");
    const other = randomId("ws");
    const { token } = await createApiKey(store(), mine, "backend", "test");
    const res = await send(token, JSON.stringify([{ ...inbound("x1"), workspace_id: other }]));
    expect(res.status).toBe(400);
    expect((await res.json()).rejected[0].reason).toMatch(/not the workspace of this API key/);
    expect(await getJourney(store(), other, "+919812345678")).toEqual([]);
  });

  it("answers 413 for a body over the limit and 400 for a body that is not events", async () => {
    const ws = randomId("ws");
    const { token } = await createApiKey(store(), ws, "backend", "test");
    const big = JSON.stringify(Array.from({ length: 40_000 }, (_, i) => inbound(`big-${i}`, "+919812345678", { text: "x".repeat(300) })));
    expect((await send(token, big)).status).toBe(413);
    const notArray = await send(token, JSON.stringify({ events: [] }));
    expect(notArray.status).toBe(400);
    expect((await notArray.json()).error).toMatch(/JSON array of events/);
  });

  it("registers the operator's key from the environment once, and lists keys with their last use", async () => {
    const ws = randomId("ws");
    await registerApiKey(store(), ws, "demo-key-0123456789abcdef", "Demo key");
    await registerApiKey(store(), ws, "demo-key-0123456789abcdef", "Demo key");
    expect((await send("demo-key-0123456789abcdef", JSON.stringify([inbound("d1")]))).status).toBe(200);
    // The key's use is recorded beside the answer, not before it: wait for it.
    await vi.waitFor(async () => expect((await listApiKeys(store(), ws))[0]?.lastUsedAt).not.toBeNull());
    const keys = await listApiKeys(store(), ws);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ name: "Demo key", revokedAt: null });
    expect(keys[0].lastUsedAt).not.toBeNull();
  });

  it("writes a busy key's use once a minute, not once a request, and counts every request", async () => {
    const ws = randomId("ws");
    const { token, keyId } = await createApiKey(store(), ws, "backend", "test");
    for (let i = 0; i < 4; i++) expect((await send(token, JSON.stringify([inbound(`busy-${i}`)]))).status).toBe(200);
    // The first use is written at once; the three after it wait for the minute's write.
    await vi.waitFor(async () => expect((await listApiKeys(store(), ws))[0]?.requests).toBe(1));
    const writes = () => store().query<{ n: string }>(`SELECT count() AS n FROM api_key_usage WHERE workspace_id = {workspaceId:String} AND key_id = {keyId:String}`, { workspaceId: ws, keyId }, { report: "test:event-api" });
    expect(Number((await writes())[0].n)).toBe(1);
    await flushApiKeyUse(store());
    expect((await listApiKeys(store(), ws))[0].requests).toBe(4);
    expect(Number((await writes())[0].n)).toBe(2);
  });
});
