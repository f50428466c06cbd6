import { Readable } from "node:stream";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { POST as importRoute } from "@/app/api/v1/contacts/import/route";
import { POST as events } from "@/app/api/v1/events/route";
import { POST as webhook } from "@/app/api/webhooks/whatsapp/route";
import { upsertAttributeDefinitions } from "@/clickhouse/queries/attributes";
import { existingEventIds } from "@/clickhouse/queries/ingestion";
import { createApiKey } from "@/server/auth/api-keys";
import { importContactsCsv, ImportMappingError } from "@/server/ingestion/csv-import";
import { checkEvent } from "@/server/ingestion/validate";
import { webhookInbox } from "@/server/ingestion/whatsapp/inbox";
import { callerFor, createTestWorkspace } from "../helpers/factories";
import {
  batchItemArb,
  csvCell,
  expectNoLeak,
  garbageCell,
  mutate,
  nastyString,
  nastyValue,
  phone,
  shown,
  waTimestamp,
  withoutLeaks,
} from "../helpers/fuzz";
import { jsonRequest, metaSignature } from "../helpers/http";
import { useTestStore } from "../helpers/store";
import { ATTRIBUTES, treeArb } from "./segments-data";

/**
 * Random and adversarial input at every door: the Event API, signed webhook
 * deliveries, tRPC inputs and CSV files. Whatever comes in, no answer is a
 * 5xx or carries engine text or a stack, nothing valid beside a bad part is
 * lost, a replay changes no figure, and the store still answers afterwards.
 * Runs are few and small, so the suite takes seconds; the seed is printed on
 * a failure (fast-check), so a failure can be replayed.
 */
const store = useTestStore();
const SECRET = "fuzz-app-secret";
process.env.WHATSAPP_APP_SECRET = SECRET;
const NOW = Date.now();

let workspaceId: string;
let token: string;
let phoneNumberId: string;
let admin: ReturnType<typeof callerFor>;

/** Every request the suite makes, for the summary line. */
const tally = { requests: 0, started: 0 };
const counted = <T>(request: Promise<T>) => {
  tally.requests++;
  return request;
};

/** The figures a replay must not change. */
async function figures() {
  const [row] = await store().query<Record<string, string>>(
    `SELECT
       (SELECT count() FROM events WHERE workspace_id = {workspaceId:String}) AS events,
       (SELECT count() FROM contacts FINAL WHERE workspace_id = {workspaceId:String}) AS contacts,
       (SELECT sum(recipients) FROM campaign_stats WHERE workspace_id = {workspaceId:String}) AS recipients,
       (SELECT sum(read) FROM campaign_stats WHERE workspace_id = {workspaceId:String}) AS reads`,
    { workspaceId },
    { report: "test:fuzz" },
  );
  return row;
}

/** Event ids the store holds, of these. */
const stored = async (ids: string[]) => existingEventIds(store(), workspaceId, ids);

beforeAll(async () => {
  // The webhook route logs every note of a delivery; hundreds of random ones would bury the output.
  vi.spyOn(console, "warn").mockImplementation(() => {});
  const ws = await createTestWorkspace(store(), { members: [{ role: "admin" }] });
  workspaceId = ws.workspaceId;
  admin = callerFor(store(), ws.members[0].userId);
  phoneNumberId = `3${NOW}`;
  await admin.settings.update({ workspaceId, name: ws.name, phoneNumberId });
  ({ token } = await createApiKey(store(), workspaceId, "fuzz", "test"));
  // The attributes the random segment trees name (segments-data.ts), so most trees reach the store.
  await upsertAttributeDefinitions(store(), workspaceId, ATTRIBUTES);
  tally.started = performance.now();
});

afterAll(() => {
  const seconds = (performance.now() - tally.started) / 1000;
  console.log(`[fuzz] ${tally.requests} requests in ${seconds.toFixed(1)} s`);
});

describe("Event API", () => {
  const send = (body: string | Uint8Array<ArrayBuffer>, contentType: string) =>
    counted(
      events(
        new Request("http://localhost/api/v1/events", {
          method: "POST",
          body,
          headers: { authorization: `Bearer ${token}`, "content-type": contentType },
        }),
      ),
    );
  /** Ids already stored by earlier runs: a batch's valid event with one of them is a duplicate. */
  const known = new Set<string>();
  let run = 0;

  it("stores every valid event beside garbage, answers every batch without a 5xx or engine text, and a replay changes nothing", async () => {
    const batch = withoutLeaks(
      fc.record({
        items: fc.array(batchItemArb(NOW), { maxLength: 12 }),
        ndjson: fc.boolean(),
        bom: fc.boolean(),
        junkLines: fc.array(fc.string({ maxLength: 20 }).map((s) => `{${s.replace(/\n/g, " ")}`), { maxLength: 2 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(batch, async ({ items, ndjson, bom, junkLines }) => {
        run++;
        // Numbered ids, so a valid event is new unless a mutation gave it an old id.
        const numbered = items.map((item, i) =>
          typeof item === "object" && item !== null && !Array.isArray(item) && !("event_id" in item) ? { event_id: `fz${run}-${i}`, ...item } : item,
        );
        const lines = numbered.map((item) => JSON.stringify(item) ?? "undefined");
        const body = (bom ? "\uFEFF" : "") + (ndjson ? [...lines, ...junkLines].join("\n") : JSON.stringify(numbered.map((i) => i ?? null)));
        // What the schema accepts of the batch as it travels (JSON drops undefined, turns -0 to 0…).
        const travelled: unknown[] = ndjson ? lines.map((l) => (l === "undefined" ? undefined : JSON.parse(l))) : JSON.parse(JSON.stringify(numbered.map((i) => i ?? null)));
        const accepted = travelled.flatMap((item) => {
          const checked = checkEvent(item, workspaceId);
          return "event" in checked ? [checked.event.event_id] : [];
        });
        const valid = [...new Set(accepted)];
        const fresh = valid.filter((id) => !known.has(id));

        const res = await send(body, ndjson ? "application/x-ndjson" : "application/json");
        const text = await res.text();
        expect(res.status, text).toBeLessThan(500);
        expectNoLeak(text, "an Event API answer");
        if (valid.length === 0 && lines.length + junkLines.length === 0) return;
        const answer = JSON.parse(text);
        expect(answer.stored, text).toBe(fresh.length);
        expect((await stored(valid)).size).toBe(valid.length);
        valid.forEach((id) => known.add(id));

        const before = await figures();
        const again = await send(body, ndjson ? "application/x-ndjson" : "application/json");
        expect(again.status).toBeLessThan(500);
        expect(await again.json()).toMatchObject({ stored: 0, duplicates: accepted.length });
        expect(await figures()).toEqual(before);
      }),
      { numRuns: 20 },
    );
  });

  it("answers any body at all, of any type, with something other than a 5xx and without engine text", async () => {
    const body = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }).map((bytes) => new Uint8Array(bytes) as Uint8Array<ArrayBuffer>),
      fc.json({ maxDepth: 3 }),
      fc.integer({ min: 1, max: 5_000 }).map((n) => "[".repeat(n) + "]".repeat(n)),
      fc.integer({ min: 1, max: 2_000 }).map((n) => `[{"type":"message.inbound","referral":${'{"a":'.repeat(n)}1${"}".repeat(n)}}]`),
    );
    const contentType = fc.constantFrom("application/json", "application/x-ndjson", "", "text/plain", "application/json; charset=latin1");
    await fc.assert(
      fc.asyncProperty(withoutLeaks(body), contentType, async (b, type) => {
        const res = await send(b, type);
        expect(res.status).toBeLessThan(500);
        expectNoLeak(await res.text(), "an Event API answer");
      }),
      { numRuns: 30 },
    );
  });
});

describe("WhatsApp webhook", () => {
  /** A delivery; resolves once its events have left the durable inbox for the event log. */
  const deliver = async (body: string, signature = metaSignature(body, SECRET)) => {
    const res = await counted(webhook(jsonRequest("/api/webhooks/whatsapp", body, { "x-hub-signature-256": signature })));
    await webhookInbox(store()).idle();
    return res;
  };
  const delivery = (value: object) =>
    JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { phone_number_id: phoneNumberId }, ...value } }] }] });
  let run = 0;

  it("stores every valid message and status beside broken parts, acknowledges every signed delivery, and a redelivery changes nothing", async () => {
    const digits = phone.map((p) => p.slice(1));
    const message = fc.record({ from: digits, timestamp: waTimestamp(NOW), type: fc.constant("text"), text: fc.record({ body: nastyString }) });
    const status = fc.record({
      id: fc.integer({ min: 0, max: 30 }).map((n) => `wamid.fuzz.${n}`),
      status: fc.constantFrom("sent", "delivered", "read", "failed"),
      timestamp: waTimestamp(NOW),
      recipient_id: digits,
      errors: fc.option(fc.tuple(fc.record({ code: fc.integer({ min: 0, max: 2 ** 31 - 1 }), title: fc.string({ maxLength: 20 }) })), { nil: undefined }),
    });
    // Broken by construction: a field made nasty and the timestamp made unreadable, or not an object at all.
    const broken = fc.oneof(
      fc.tuple(fc.oneof(message, status), fc.nat(), nastyValue).map(([part, pick, v]) => ({ ...(mutate(part, pick, v) as object), timestamp: "not a time" })),
      fc.tuple(status, fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1)).map(([s, code]) => ({ ...s, status: "failed", errors: [{ code, title: "x" }] })),
      fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 2 })),
    );
    const parts = withoutLeaks(
      fc.record({
        messages: fc.array(message, { maxLength: 4 }),
        statuses: fc.array(status, { maxLength: 4 }),
        brokenMessages: fc.array(broken, { maxLength: 3 }),
        brokenStatuses: fc.array(broken, { maxLength: 3 }),
        shuffle: fc.nat(),
      }),
    );
    await fc.assert(
      fc.asyncProperty(parts, async ({ messages, statuses, brokenMessages, brokenStatuses, shuffle }) => {
        run++;
        const named = messages.map((m, i) => ({ ...m, id: `wamid.fz${run}.m${i}` }));
        // One status per (wamid, status): Meta's ids make a second one a duplicate.
        const distinct = [...new Map(statuses.map((s) => [`${s.id}:${s.status}`, s])).values()];
        const rotate = <T>(list: T[]) => list.map((_, i) => list[(i + shuffle) % list.length]);
        const body = delivery({ messages: rotate([...named, ...brokenMessages]), statuses: rotate([...distinct, ...brokenStatuses]) });
        const ids = [...named.map((m) => `wa:${m.id}`), ...distinct.map((s) => `wa:${s.id}:${s.status}`)];

        const res = await deliver(body);
        const text = await res.text();
        expect(res.status, text).toBe(200);
        expectNoLeak(text, "a webhook answer");
        const answer = JSON.parse(text);
        // Every valid part is taken (into the inbox, then the log); a broken one is rejected or, an untracked status, noted.
        expect(answer.accepted, text).toBe(ids.length);
        expect(answer.rejected).toBeLessThanOrEqual(brokenMessages.length + brokenStatuses.length);
        expect((await stored(ids)).size).toBe(ids.length);

        const before = await figures();
        const again = await deliver(body);
        expect(again.status).toBe(200);
        expect(await again.json()).toMatchObject({ accepted: ids.length, rejected: answer.rejected });
        expect(await figures()).toEqual(before);
      }),
      { numRuns: 15 },
    );
  });

  it("answers unsigned, badly signed and unreadable deliveries without a 5xx or engine text", async () => {
    const body = withoutLeaks(fc.oneof(fc.string({ maxLength: 100 }), fc.json({ maxDepth: 4 }), fc.anything({ maxDepth: 3 }).map((v) => delivery({ messages: [v], statuses: v }))));
    const signing = fc.constantFrom("right", "wrong", "missing", "garbage");
    await fc.assert(
      fc.asyncProperty(body, signing, async (b, how) => {
        const signature = how === "right" ? metaSignature(b, SECRET) : how === "wrong" ? metaSignature(b, "not-the-secret") : how === "garbage" ? "sha256=zz" : "";
        const res = await deliver(b, signature);
        expect(res.status).toBeLessThan(500);
        if (how !== "right") expect(res.status).toBe(401);
        expectNoLeak(await res.text(), "a webhook answer");
      }),
      { numRuns: 25 },
    );
  });
});

describe("tRPC inputs", () => {
  /** A procedure either answers or refuses the input in words: never INTERNAL_SERVER_ERROR, never engine text. */
  async function answersOrRefuses(call: () => Promise<unknown>, what: string) {
    tally.requests++;
    try {
      await call();
    } catch (err) {
      expect(err, what).toBeInstanceOf(TRPCError);
      const { code, message } = err as TRPCError;
      expect(["BAD_REQUEST", "NOT_FOUND"], `${what}: ${code} ${message}`).toContain(code);
      expectNoLeak(message, what);
    }
  }
  // Mostly inputs a screen sends, so most calls reach the store; the rest at and past every edge.
  const DAY = 86_400_000;
  const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);
  const recentDay = fc.integer({ min: -400, max: 30 }).map((d) => dayOf(NOW + d * DAY));
  const day = fc.oneof(
    { arbitrary: recentDay, weight: 3 },
    { arbitrary: fc.integer({ min: Date.UTC(1969, 0, 1), max: Date.UTC(2110, 0, 1) }).map(dayOf), weight: 1 },
    { arbitrary: fc.constantFrom("2026-02-30", "0000-01-01", "9999-12-31", "+002026-01-01", "2026-1-1", "", "2105-12-31", "1970-01-01"), weight: 1 },
    { arbitrary: nastyString, weight: 1 },
  );
  const range = fc.oneof(
    { arbitrary: fc.tuple(fc.integer({ min: -400, max: 0 }), fc.integer({ min: 0, max: 366 })).map(([d, n]) => ({ from: dayOf(NOW + d * DAY), to: dayOf(NOW + (d + n) * DAY) })), weight: 2 },
    { arbitrary: fc.record({ from: fc.option(day, { nil: undefined }), to: fc.option(day, { nil: undefined }) }), weight: 2 },
  );

  it("answers or refuses report ranges on every range procedure", async () => {
    const procedures = ["overview.summary", "unresolved.volume", "unresolved.speed", "unresolved.interveneSpeed", "unresolved.sources", "unresolved.terms", "unresolved.repeaters", "campaigns.list", "campaigns.summary", "campaigns.timing"] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...procedures), range, async (name, r) => {
        const [router, procedure] = name.split(".") as [keyof typeof admin, string];
        const call = (admin[router] as unknown as Record<string, (i: unknown) => Promise<unknown>>)[procedure];
        await answersOrRefuses(() => call({ workspaceId, ...r }), `${name} ${JSON.stringify(r)}`);
      }),
      { numRuns: 40 },
    );
  });

  it("answers or refuses search strings, pages and sorts", async () => {
    const input = fc.record({
      search: withoutLeaks(nastyString),
      page: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 3 }), weight: 3 }, { arbitrary: fc.oneof(fc.integer({ min: -2, max: 20_000 }), fc.constantFrom(1.5, 2 ** 53)), weight: 1 }),
      which: fc.constantFrom("contacts", "campaigns", "asked", "report", "journey"),
      sort: fc.oneof({ arbitrary: fc.constantFrom("name", "lastActive", "readRate", "sentAt", "phone"), weight: 3 }, { arbitrary: nastyString, weight: 1 }),
      campaignId: fc.oneof({ arbitrary: fc.constantFrom("fuzz-spring", "fuzz-autumn"), weight: 3 }, { arbitrary: withoutLeaks(nastyString), weight: 1 }),
      hours: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 720 }), weight: 3 }, { arbitrary: fc.constantFrom(0, 721, -1, 1.5, 2 ** 31), weight: 1 }),
      contact: fc.oneof({ arbitrary: phone, weight: 3 }, { arbitrary: withoutLeaks(nastyString), weight: 1 }),
      at: fc.oneof({ arbitrary: recentDay, weight: 2 }, { arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: withoutLeaks(nastyString), weight: 1 }),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ search, page, which, sort, campaignId, hours, contact, at }) => {
        const call = {
          contacts: () => admin.contacts.list({ workspaceId, search, page, sort: sort as never }),
          campaigns: () => admin.campaigns.list({ workspaceId, search, sort: sort as never, page }),
          asked: () => admin.unresolved.asked({ workspaceId, search, page }),
          report: () => admin.campaigns.report({ workspaceId, campaignId, replyWindowHours: hours }),
          journey: () => admin.profile.journey({ workspaceId, contact, at, limit: 20 }),
        }[which];
        await answersOrRefuses(call, `${which} ${shown({ search, page, sort, campaignId, hours, contact, at })}`);
      }),
      { numRuns: 40 },
    );
  });

  it("answers or refuses segment trees: valid ones, ones with a nasty field, deep ones and anything at all", async () => {
    const tree = fc.oneof(
      treeArb(NOW),
      fc.tuple(treeArb(NOW), fc.nat(), nastyValue).map(([t, pick, v]) => mutate(t, pick, v)),
      fc.integer({ min: 6, max: 3_000 }).map((depth) => {
        let node: object = { kind: "status", values: ["active"] };
        for (let i = 0; i < depth; i++) node = { kind: "group", join: "and", children: [node] };
        return node;
      }),
      fc.anything({ maxDepth: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(withoutLeaks(tree), fc.boolean(), async (t, preview) => {
        const call = preview ? () => admin.segments.preview({ workspaceId, tree: t, pageSize: 10 }) : () => admin.segments.count({ workspaceId, tree: t });
        await answersOrRefuses(call, `segments ${shown(t)}`);
      }),
      { numRuns: 40 },
    );
  });
});

describe("CSV import", () => {
  let run = 0;
  /** A phone of this run: new to the workspace, so an import of it counts as new. */
  const phoneOf = (i: number) => `+9197${String(run).padStart(4, "0")}${String(i).padStart(4, "0")}`;

  it("imports every valid row beside broken ones, and importing the file again changes nothing", async () => {
    const file = fc.record({
      valid: fc.array(withoutLeaks(fc.string({ maxLength: 12 }).filter((s) => !/["\r\n,]/.test(s))), { maxLength: 8 }),
      broken: fc.array(fc.array(withoutLeaks(garbageCell), { minLength: 1, maxLength: 4 }), { maxLength: 6 }),
      order: fc.nat(),
      bom: fc.boolean(),
      crlf: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(file, async ({ valid, broken, order, bom, crlf }) => {
        run++;
        const good = valid.map((name, i) => `${phoneOf(i)},${name}`);
        const bad = broken.map((cells) => cells.join(","));
        const rows = [...good, ...bad].map((_, i, all) => all[(i + order) % all.length]);
        const text = (bom ? "\uFEFF" : "") + ["phone,name", ...rows].join(crlf ? "\r\n" : "\n");
        tally.requests++;
        const report = await importContactsCsv(store(), workspaceId, Readable.from([Buffer.from(text)]), { country: "IN" });
        expect(report, text).toMatchObject({ rows: rows.length, imported: good.length, rejectedCount: bad.length, delimiter: "," });
        const before = await figures();
        tally.requests++;
        const again = await importContactsCsv(store(), workspaceId, Readable.from([Buffer.from(text)]), { country: "IN" });
        expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: good.length, rejectedCount: bad.length });
        expect(await figures()).toEqual(before);
      }),
      { numRuns: 12 },
    );
  });

  it("reads any file to a report or a mapping problem in words, never a server error, over HTTP too", async () => {
    const header = fc.oneof(fc.constant(["phone", "name", "plan", "score", "birthday", "tags"]), fc.array(csvCell, { minLength: 1, maxLength: 4 }));
    const delimiter = fc.constantFrom(",", ";", "\t", "|");
    const file = fc.oneof(
      fc.tuple(header, fc.array(fc.array(fc.oneof(csvCell, phone, fc.constantFrom("Pro", "12.5", "2026-11-31")), { maxLength: 7 }), { maxLength: 6 }), delimiter).map(([h, rows, d]) =>
        [h, ...rows].map((r) => r.join(d)).join(d === "\t" ? "\r\n" : "\n"),
      ),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
    );
    await fc.assert(
      fc.asyncProperty(withoutLeaks(file), fc.boolean(), async (text, overHttp) => {
        tally.requests++;
        if (overHttp) {
          const res = await importRoute(
            new Request("http://localhost/api/v1/contacts/import", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" }, body: text }),
          );
          const answer = await res.text();
          expect(res.status).toBeLessThan(500);
          expectNoLeak(answer, "an import answer");
          const last = JSON.parse(answer.trim().split("\n").at(-1)!);
          expect(last.requestId, answer).toBeUndefined();
          expect(["done", "error"]).toContain(last.type);
          return;
        }
        try {
          const report = await importContactsCsv(store(), workspaceId, Readable.from([text]), { country: "IN" });
          expect(report.imported + report.updated + report.unchanged + report.rejectedCount).toBeLessThanOrEqual(report.rows + 1);
          for (const r of report.rejected) expectNoLeak(r.reason, "a rejected row's reason");
        } catch (err) {
          expect(err, String(err)).toBeInstanceOf(ImportMappingError);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe("afterwards", () => {
  it("the store still answers /api/health", async () => {
    const res = await counted(health());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });
});
