import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { contactStatusCounts } from "@/clickhouse/queries/overview";
import { upsertTagDefinitions } from "@/clickhouse/queries/tags";
import { type EventInput, insertEvents } from "../helpers/events";
import { callerFor, createTestWorkspace, randomId, type TestWorkspace } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

const store = useTestStore();
const HOUR = 3_600_000;

/** A contact's chat as [event type, hours before now, extra columns]. */
type Step = [type: string, hoursAgo: number, extra?: Partial<EventInput>];

function chat(workspaceId: string, contact: string, now: number, steps: Step[]): EventInput[] {
  return steps.map(([type, hoursAgo, extra]) => ({
    workspace_id: workspaceId,
    contact,
    type,
    ts: now - hoursAgo * HOUR,
    message_kind: type === "message.outbound" ? "session" : "",
    ...extra,
  }));
}

const tagAdded = (tag: string, origin = "manual"): Partial<EventInput> => ({
  tag,
  tag_kind: origin === "manual" ? "manual" : "automated",
  tag_origin: origin,
});

const ASHA = "+919800000001";
const BOB = "+919800000002";
const CHEN = "+14155550100";
const NONAME = "+919800000004";
const DANA = "+447700900123";
const EVE = "+919800000006";

const now = Date.now();
let ws: TestWorkspace;
let otherWs: string;
const list = (input: Record<string, unknown> = {}) =>
  callerFor(store(), ws.members[0].userId).contacts.list({ workspaceId: ws.workspaceId, ...input } as never);
const phones = async (input: Record<string, unknown> = {}) => (await list(input)).rows.map((r) => r.phone);

beforeAll(async () => {
  ws = await createTestWorkspace(store(), { members: [{ role: "analyst" }] });
  const w = ws.workspaceId;
  await insertEvents(store(), [
    // Organic, asked for a human an hour ago: requesting. Came from the "Product A" page, tagged vip.
    ...chat(w, ASHA, now, [
      ["message.inbound", 3, { name: "Asha Rao", source: "organic", text: "Hi, about Product A" }],
      ["tag.added", 3, tagAdded("product-a", "first_message")],
      ["tag.added", 2.5, tagAdded("vip")],
      ["attribute.set", 2.5, { attribute: "email", value: "asha@example.com" }],
      ["intervention.requested", 1],
    ]),
    // Started by an API campaign template; an agent took the chat: intervened.
    ...chat(w, BOB, now, [
      ["message.outbound", 6, { message_kind: "template", actor_kind: "api", source: "api" }],
      ["message.outbound", 5.5, { message_kind: "template", actor_kind: "api" }],
      ["message.inbound", 5, { name: "bob" }],
      ["intervention.requested", 4],
      ["agent.intervened", 2],
      ["message.outbound", 1.5, { actor_kind: "agent" }],
    ]),
    // Imported at an expo, resolved and quiet since: closed. A tag added and removed again.
    ...chat(w, CHEN, now, [
      ["contact.imported", 30, { name: "Chen Li", source: "expo-2026" }],
      ["tag.added", 30, tagAdded("vip")],
      ["tag.removed", 20, { tag: "vip" }],
      ["message.inbound", 5],
      ["intervention.requested", 4],
      ["agent.intervened", 3],
      ["chat.resolved", 2],
    ]),
    // No name, quiet for three days: history.
    ...chat(w, NONAME, now, [
      ["message.inbound", 72, { source: "organic" }],
      ["message.outbound", 71.9, { actor_kind: "bot" }],
    ]),
    // Organic, a bot chat going on: active. An attribute set twice; only the latest value counts.
    ...chat(w, DANA, now, [
      ["message.inbound", 0.5, { name: "Dana", source: "organic" }],
      ["message.outbound", 0.4, { actor_kind: "bot" }],
      ["tag.added", 0.4, tagAdded("vip")],
      ["attribute.set", 0.4, { attribute: "company", value: "Globex" }],
      ["attribute.set", 0.3, { attribute: "company", value: "Acme Corp" }],
    ]),
    // An unanswered request two days old: history, still an open request.
    ...chat(w, EVE, now, [
      ["message.inbound", 49, { name: "Eve", source: "organic" }],
      ["intervention.requested", 48.9],
    ]),
  ]);
  // Another tenant with a look-alike contact that must never show up.
  otherWs = randomId("ws");
  await insertEvents(store(), [
    ...chat(otherWs, "+919800000099", now, [["message.inbound", 0.1, { name: "Asha Intruder", source: "organic" }]]),
    ...chat(otherWs, ASHA, now, [
      ["message.inbound", 0.1, { name: "Someone Else", source: "leak" }],
      ["tag.added", 0.1, tagAdded("vip")],
      ["attribute.set", 0.1, { attribute: "company", value: "Acme Leak" }],
    ]),
  ]);
});

describe("contacts.list", () => {
  it("lists every contact by last active, newest first, with its whole chat profile summary", async () => {
    const result = await list();
    expect(result.total).toBe(6);
    expect(result.page).toBe(1);
    expect(result.pageSize).toBe(25);
    expect(result.pageCount).toBe(1);
    // Last inbound: Dana 0.5 h, Asha 3 h, Bob 5 h, Chen 5 h (tie: phone order), Eve 49 h, no-name 72 h.
    expect(result.rows.map((r) => r.phone)).toEqual([DANA, ASHA, CHEN, BOB, EVE, NONAME]);

    const asha = result.rows.find((r) => r.phone === ASHA)!;
    expect(asha).toEqual({
      phone: ASHA,
      name: "Asha Rao",
      status: "requesting",
      inHistory: false,
      firstSeen: expect.any(String),
      lastActive: expect.any(String),
      source: "organic",
      sourceDetail: "",
      firstMessageTag: "product-a",
      tags: ["product-a", "vip"],
      unresolvedQueries: 1,
      templateMessages: 0,
      sessionMessages: 1,
      matchedAttribute: null,
    });
    expect(Date.parse(`${asha.lastActive!.replace(" ", "T")}Z`)).toBe(now - 3 * HOUR);

    const bob = result.rows.find((r) => r.phone === BOB)!;
    expect(bob).toMatchObject({ name: "bob", status: "intervened", source: "api", templateMessages: 2, sessionMessages: 2, unresolvedQueries: 1, tags: [] });
    const chen = result.rows.find((r) => r.phone === CHEN)!;
    expect(chen).toMatchObject({ name: "Chen Li", status: "closed", inHistory: false, source: "expo-2026", tags: [] });
    expect(result.rows.find((r) => r.phone === NONAME)).toMatchObject({ name: "", inHistory: true, lastActive: expect.any(String) });
    expect(result.rows.find((r) => r.phone === EVE)).toMatchObject({ status: "requesting", inHistory: true });
  });

  it("filters by each status the way Overview counts them, history included", async () => {
    expect(await phones({ status: "active" })).toEqual([DANA]);
    expect(await phones({ status: "requesting" })).toEqual([ASHA]);
    expect(await phones({ status: "intervened" })).toEqual([BOB]);
    expect(await phones({ status: "closed" })).toEqual([CHEN]);
    expect(await phones({ status: "history" })).toEqual([EVE, NONAME]);

    const counts = await contactStatusCounts(store(), ws.workspaceId, new Date());
    for (const status of ["active", "requesting", "intervened", "closed", "history"] as const) {
      expect((await list({ status })).total, status).toBe(counts[status]);
    }
  });

  it("filters by source and by a tag the contact has now, and combines filters", async () => {
    expect(await phones({ source: "organic" })).toEqual([DANA, ASHA, EVE, NONAME]);
    expect(await phones({ source: "expo-2026" })).toEqual([CHEN]);
    expect(await phones({ source: "leak" })).toEqual([]);
    // Chen's vip tag was removed again.
    expect(await phones({ tag: "vip" })).toEqual([DANA, ASHA]);
    expect(await phones({ tag: "product-a" })).toEqual([ASHA]);
    expect(await phones({ tag: "vip", status: "requesting" })).toEqual([ASHA]);
    expect(await phones({ tag: "vip", source: "api" })).toEqual([]);
    const none = await list({ tag: "no-such-tag" });
    expect(none).toMatchObject({ rows: [], total: 0, pageCount: 1 });
  });

  it("searches phones by prefix or substring, names case-insensitively, and current attribute values", async () => {
    expect(await phones({ search: "+91 98000-0000" })).toEqual([ASHA, BOB, EVE, NONAME]);
    expect(await phones({ search: "4155" })).toEqual([CHEN]);
    expect(await phones({ search: "aSHa" })).toEqual([ASHA]);
    expect(await phones({ search: "li" })).toEqual([CHEN]);
    expect(await phones({ search: "   " })).toHaveLength(6);

    const byAttribute = await list({ search: "acme" });
    expect(byAttribute.rows.map((r) => [r.phone, r.matchedAttribute])).toEqual([[DANA, { name: "company", value: "Acme Corp" }]]);
    // An overwritten value no longer matches.
    expect(await phones({ search: "globex" })).toEqual([]);
    expect((await list({ search: "EXAMPLE.com" })).rows[0]).toMatchObject({ phone: ASHA, matchedAttribute: { name: "email", value: "asha@example.com" } });
    expect(await phones({ search: "asha", status: "intervened" })).toEqual([]);
    // LIKE's wildcards are characters like any other in a search.
    expect(await phones({ search: "a_ha" })).toEqual([]);
    expect(await phones({ search: "%" })).toEqual([]);
    expect(await phones({ search: "\\" })).toEqual([]);
  });

  it("sorts by any sortable column either way, empty values last and the phone breaking ties", async () => {
    expect(await phones({ sort: "phone", direction: "asc" })).toEqual([CHEN, DANA, ASHA, BOB, NONAME, EVE]);
    expect(await phones({ sort: "phone", direction: "desc" })).toEqual([EVE, NONAME, BOB, ASHA, DANA, CHEN]);
    expect(await phones({ sort: "name", direction: "asc" })).toEqual([ASHA, BOB, CHEN, DANA, EVE, NONAME]);
    expect(await phones({ sort: "name", direction: "desc" })).toEqual([EVE, DANA, CHEN, BOB, ASHA, NONAME]);
    expect(await phones({ sort: "status", direction: "asc" })).toEqual([DANA, ASHA, BOB, CHEN, NONAME, EVE]);
    expect(await phones({ sort: "lastActive", direction: "asc" })).toEqual([NONAME, EVE, CHEN, BOB, ASHA, DANA]);
    expect(await phones({ sort: "templateMessages", direction: "desc" })).toEqual([BOB, CHEN, DANA, ASHA, NONAME, EVE]);
    expect(await phones({ sort: "unresolvedQueries", direction: "desc" })).toEqual([CHEN, ASHA, BOB, EVE, DANA, NONAME]);
    expect(await phones({ sort: "source", direction: "asc" })).toEqual([BOB, CHEN, DANA, ASHA, NONAME, EVE]);
    expect(await phones({ sort: "firstMessageTag", direction: "desc" })).toEqual([ASHA, CHEN, DANA, BOB, NONAME, EVE]);
    expect(await phones({ sort: "sessionMessages", direction: "asc" })).toEqual([CHEN, ASHA, EVE, DANA, BOB, NONAME]);
    expect(await phones({ sort: "firstSeen", direction: "asc" })).toEqual([NONAME, EVE, CHEN, BOB, ASHA, DANA]);
  });

  it("never shows another workspace's contacts, and refuses a non-member", async () => {
    const all = await list({ pageSize: 100 });
    expect(all.rows.map((r) => r.name)).not.toContain("Someone Else");
    expect(all.rows.map((r) => r.name)).not.toContain("Asha Intruder");
    expect(all.rows.find((r) => r.phone === ASHA)?.source).toBe("organic");
    expect(await phones({ search: "intruder" })).toEqual([]);
    expect(await phones({ search: "leak" })).toEqual([]);

    const stranger = await createTestWorkspace(store(), { members: [{ role: "admin" }] });
    const call = callerFor(store(), stranger.members[0].userId).contacts.list({ workspaceId: ws.workspaceId });
    await expect(call).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers bad input with BAD_REQUEST and a message a person can act on", async () => {
    const problem = async (input: Record<string, unknown>) => {
      try {
        await list(input);
      } catch (err) {
        expect(err).toBeInstanceOf(TRPCError);
        expect((err as TRPCError).code).toBe("BAD_REQUEST");
        return (err as TRPCError).message;
      }
      throw new Error(`accepted ${JSON.stringify(input)}`);
    };
    expect(await problem({ sort: "payload; DROP TABLE events" })).toBe(
      "sort: sort by one of these columns: phone, name, status, lastActive, source, firstMessageTag, unresolvedQueries, templateMessages, sessionMessages, firstSeen",
    );
    expect(await problem({ direction: "sideways" })).toBe("direction: the sort direction is asc or desc");
    expect(await problem({ status: "asleep" })).toMatch(/^status: filter by one of these statuses: active, requesting, intervened, closed, history$/);
    expect(await problem({ pageSize: 30 })).toBe("pageSize: show 25, 50, 100 contacts per page");
    expect(await problem({ page: 0 })).toBe("page: the page is a whole number from 1");
    expect(await problem({ search: "x".repeat(101) })).toBe("search: the search can be at most 100 characters");
  });

  it("returns the sources and tags for the quick filters, with how many contacts have each", async () => {
    const options = await callerFor(store(), ws.members[0].userId).contacts.filterOptions({ workspaceId: ws.workspaceId });
    expect(options.sources).toEqual([
      { value: "organic", label: "organic", contacts: 4 },
      { value: "api", label: "api", contacts: 1 },
      { value: "expo-2026", label: "expo-2026", contacts: 1 },
    ]);
    expect(options.tags).toEqual([
      { value: "product-a", label: "product-a", contacts: 1 },
      { value: "vip", label: "vip", contacts: 2 },
    ]);
  });

  it("shows a renamed tag by its catalogue label, and still filters by its key", async () => {
    const renamed = await createTestWorkspace(store(), { members: [{ role: "analyst" }] });
    const w = renamed.workspaceId;
    await insertEvents(
      store(),
      chat(w, ASHA, now, [
        ["message.inbound", 2, { name: "Asha", source: "organic" }],
        ["tag.added", 2, tagAdded("product-a", "first_message")],
        ["tag.added", 1, tagAdded("vip")],
        ["tag.added", 1, tagAdded("broadcast:autumn", "broadcast")],
        ["tag.added", 1, tagAdded("broadcast:zz-unknown", "broadcast")],
      ]),
    );
    await insertEvents(store(), [{ workspace_id: w, contact: "", type: "campaign.created", ts: now - 3 * HOUR, campaign_id: "autumn", name: "Autumn sale" }]);
    await upsertTagDefinitions(store(), w, [
      { tag: "vip", label: "VIP customers" },
      { tag: "product-a", label: "Product A page", firstMessageText: "Hi, about Product A" },
    ]);
    const caller = callerFor(store(), renamed.members[0].userId);
    const { rows } = await caller.contacts.list({ workspaceId: w, tag: "vip" });
    // Broadcast tags are named by their campaign, after the others.
    const tags = ["Product A page", "VIP customers", "Broadcast · Autumn sale", "Broadcast · zz-unknown"];
    expect(rows.map((r) => [r.phone, r.tags, r.firstMessageTag])).toEqual([[ASHA, tags, "Product A page"]]);
    const options = await caller.contacts.filterOptions({ workspaceId: w });
    expect(options.tags).toEqual([
      { value: "product-a", label: "Product A page", contacts: 1 },
      { value: "vip", label: "VIP customers", contacts: 1 },
      { value: "broadcast:autumn", label: "Broadcast · Autumn sale", contacts: 1 },
      { value: "broadcast:zz-unknown", label: "Broadcast · zz-unknown", contacts: 1 },
    ]);
  });
});

describe("contacts.list over state written in many inserts", () => {
  it("merges a contact's rows from separate inserts before filtering, sorting or showing them", async () => {
    const split = await createTestWorkspace(store(), { members: [{ role: "analyst" }] });
    const w = split.workspaceId;
    const phone = "+919811111111";
    // Each insert becomes a part of its own, so the list must merge the contact's rows itself.
    for (const step of [
      chat(w, phone, now, [["message.inbound", 10, { name: "Old Name", source: "organic" }]]),
      chat(w, phone, now, [["tag.added", 9, tagAdded("vip")], ["attribute.set", 9, { attribute: "plan", value: "gold" }]]),
      chat(w, phone, now, [["intervention.requested", 8]]),
      chat(w, phone, now, [["message.inbound", 2, { name: "New Name" }], ["tag.removed", 2, { tag: "vip" }]]),
      chat(w, phone, now, [["attribute.set", 1, { attribute: "plan", value: "silver" }], ["agent.intervened", 1]]),
      // A late-arriving older event must not win over newer ones.
      chat(w, phone, now, [["message.inbound", 20, { name: "Oldest Name", source: "api" }]]),
    ]) {
      await insertEvents(store(), step);
    }
    const caller = callerFor(store(), split.members[0].userId);
    const listed = (input: Record<string, unknown> = {}) => caller.contacts.list({ workspaceId: w, ...input } as never);

    const { rows, total } = await listed();
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({
      phone,
      name: "New Name",
      status: "intervened",
      source: "api",
      tags: [],
      unresolvedQueries: 1,
      sessionMessages: 3,
    });
    expect((await listed({ status: "intervened" })).total).toBe(1);
    expect((await listed({ status: "requesting" })).total).toBe(0);
    expect((await listed({ tag: "vip" })).total).toBe(0);
    expect((await listed({ source: "organic" })).total).toBe(0);
    expect((await listed({ search: "old name" })).total).toBe(0);
    expect((await listed({ search: "new" })).total).toBe(1);
    expect((await listed({ search: "gold" })).total).toBe(0);
    expect((await listed({ search: "silver" })).rows[0]?.matchedAttribute).toEqual({ name: "plan", value: "silver" });
    const options = await caller.contacts.filterOptions({ workspaceId: w });
    expect(options).toEqual({ sources: [{ value: "api", label: "api", contacts: 1 }], tags: [] });
  });
});

describe("contacts.list paging", () => {
  it("pages through 60 contacts without overlap, with the total and page count", async () => {
    const paged = await createTestWorkspace(store(), { members: [{ role: "marketer" }] });
    const contacts = Array.from({ length: 60 }, (_, i) => `+9199${String(i).padStart(8, "0")}`);
    // Contact i last wrote i minutes ago, so last-active order is contact order.
    await insertEvents(
      store(),
      contacts.map((contact, i) => ({ workspace_id: paged.workspaceId, contact, type: "message.inbound", ts: now - i * 60_000, source: "organic" })),
    );
    const caller = callerFor(store(), paged.members[0].userId);
    const page = (n: number, pageSize = 25) => caller.contacts.list({ workspaceId: paged.workspaceId, page: n, pageSize });

    const [p1, p2, p3, p4] = await Promise.all([page(1), page(2), page(3), page(4)]);
    expect([p1, p2, p3].map((p) => [p.total, p.pageCount])).toEqual([[60, 3], [60, 3], [60, 3]]);
    expect(p1.rows.map((r) => r.phone)).toEqual(contacts.slice(0, 25));
    expect(p2.rows.map((r) => r.phone)).toEqual(contacts.slice(25, 50));
    expect(p3.rows.map((r) => r.phone)).toEqual(contacts.slice(50));
    expect(p4).toMatchObject({ rows: [], total: 60, page: 4, pageCount: 3 });

    const big = await page(1, 50);
    expect([big.rows.length, big.pageCount]).toEqual([50, 2]);
    const ascending = await caller.contacts.list({ workspaceId: paged.workspaceId, sort: "lastActive", direction: "asc", page: 2, pageSize: 50 });
    expect(ascending.rows.map((r) => r.phone)).toEqual(contacts.slice(0, 10).reverse());
  });

  it("keeps the newest-first landing view exact when contacts' rows are spread over many inserts", async () => {
    const spread = await createTestWorkspace(store(), { members: [{ role: "analyst" }] });
    const contacts = Array.from({ length: 40 }, (_, i) => `+9198${String(i).padStart(8, "0")}`);
    // First every contact writes, oldest to newest; then, in a later insert, every third writes again, the newest of all.
    await insertEvents(
      store(),
      contacts.map((contact, i) => ({ workspace_id: spread.workspaceId, contact, type: "message.inbound", ts: now - (100 - i) * 60_000 })),
    );
    const again = contacts.filter((_, i) => i % 3 === 0);
    await insertEvents(
      store(),
      again.map((contact, i) => ({ workspace_id: spread.workspaceId, contact, type: "message.inbound", ts: now - i * 1000 })),
    );
    const expected = [...again, ...contacts.filter((_, i) => i % 3 !== 0).reverse()];
    const caller = callerFor(store(), spread.members[0].userId);
    const [p1, p2] = await Promise.all([1, 2].map((page) => caller.contacts.list({ workspaceId: spread.workspaceId, page })));
    expect([...p1.rows, ...p2.rows].map((r) => r.phone)).toEqual(expected);
    expect(p1.total).toBe(40);
  });
});
