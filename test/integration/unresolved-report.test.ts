import { beforeAll, describe, expect, it } from "vitest";
import { getContactState } from "@/clickhouse/queries/contacts";
import { eventSchema, type Actor } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { callerFor, createTestWorkspace, randomId } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

const store = useTestStore();
const MIN = 60_000;
const HOUR = 60 * MIN;

/**
 * A workspace with known chats, every figure of the report worked out by hand
 * below. Days are in March 2026; the range is Mon 2 – Sun 15 March (two weeks).
 */
const RANGE = { from: "2026-03-02", to: "2026-03-15" };
const C = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`c${n}`, `+9198000000${String(n).padStart(2, "0")}`]),
) as Record<`c${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`, string>;
const ASHA: Actor = { kind: "agent", id: "agent:asha", name: "Asha Rao" };
const BEN: Actor = { kind: "agent", id: "agent:ben", name: "Ben Okafor" };
const CHEN: Actor = { kind: "agent", id: "agent:chen", name: "Chen Li" };

let seq = 0;
/** A validated event, as a source would send it; ids are unique unless given. */
function ev(e: Record<string, unknown>) {
  return eventSchema.parse({ event_id: `e${++seq}`, ...e });
}
const at = (iso: string) => `2026-${iso}Z`;
const inbound = (contact: string, ts: string, text: string) => ev({ type: "message.inbound", contact, ts: at(ts), text });
const request = (contact: string, ts: string, text: string) =>
  ev({ type: "intervention.requested", contact, ts: at(ts), text, actor: { kind: "user", id: contact } });
const take = (contact: string, ts: string, agent: Actor) => ev({ type: "agent.intervened", contact, ts: at(ts), actor: agent });
const resolve = (contact: string, ts: string, agent: Actor) => ev({ type: "chat.resolved", contact, ts: at(ts), actor: agent });
const firstTag = (contact: string, ts: string, tag: string) =>
  ev({ type: "tag.added", contact, ts: at(ts), tag, kind: "automated", origin: "first_message" });
const imported = (contact: string, ts: string, source: string) => ev({ type: "contact.imported", contact, ts: at(ts), source });

function knownChats() {
  return [
    // c1: taken in 5 min by Asha, resolved 30 min later.
    inbound(C.c1, "03-02T10:00:00", "Where is my order 12345?"),
    firstTag(C.c1, "03-02T10:00:00", "Product A"),
    request(C.c1, "03-02T10:01:00", "Where is my order 12345?"),
    take(C.c1, "03-02T10:06:00", ASHA),
    resolve(C.c1, "03-02T10:36:00", ASHA),
    // c2: asks, says hello? and asks again; Ben takes it 30 min after the *first* request, resolves in an hour.
    inbound(C.c2, "03-02T11:00:00", "I want a refund for a damaged product"),
    firstTag(C.c2, "03-02T11:00:00", "Product A"),
    request(C.c2, "03-02T11:00:30", "I want a refund for a damaged product"),
    inbound(C.c2, "03-02T11:20:00", "hello?"),
    request(C.c2, "03-02T11:20:10", "refund for damaged product!!"),
    take(C.c2, "03-02T11:30:30", BEN),
    resolve(C.c2, "03-02T12:30:30", BEN),
    ev({ type: "tag.added", contact: C.c2, ts: at("03-02T11:31:00"), tag: "VIP", kind: "manual", actor: BEN }),
    // c3: imported, asks twice, never taken.
    imported(C.c3, "02-20T08:00:00", "expo"),
    firstTag(C.c3, "02-20T08:00:00", "Product B"),
    request(C.c3, "03-03T09:00:00", "Order not delivered yet"),
    request(C.c3, "03-03T09:10:00", "order not delivered"),
    // c4: resolved from the queue by Asha, nobody took it.
    imported(C.c4, "02-20T08:00:00", "expo"),
    request(C.c4, "03-04T08:00:00", "Change delivery address"),
    resolve(C.c4, "03-04T08:20:00", ASHA),
    // c5: Ben took it in 2 min and still has it.
    imported(C.c5, "02-20T08:00:00", "expo"),
    request(C.c5, "03-04T14:00:00", "Refund please"),
    take(C.c5, "03-04T14:02:00", BEN),
    ev({ type: "tag.added", contact: C.c5, ts: at("03-04T14:03:00"), tag: "VIP", kind: "manual", actor: BEN }),
    ev({ type: "tag.removed", contact: C.c5, ts: at("03-04T15:00:00"), tag: "VIP", kind: "manual", actor: BEN }),
    // c6 (second week): Chen takes it in 10 min, resolves in 15.
    inbound(C.c6, "03-10T09:59:00", "talk to a human"),
    request(C.c6, "03-10T10:00:00", "Talk to a human"),
    take(C.c6, "03-10T10:10:00", CHEN),
    resolve(C.c6, "03-10T10:25:00", CHEN),
    // c7: asked two days before the range; Asha took it in the range, 2 d 30 min later, and resolved an hour after.
    request(C.c7, "02-28T00:00:00", "Is anyone there"),
    take(C.c7, "03-02T00:30:00", ASHA),
    resolve(C.c7, "03-02T01:30:00", ASHA),
    // c8: asks late in the range, still waiting.
    inbound(C.c8, "03-11T15:59:00", "Cancel my subscription"),
    request(C.c8, "03-11T16:00:00", "Cancel my subscription"),
    // c9: a bot-only chat on two days.
    inbound(C.c9, "03-02T09:00:00", "Hi"),
    firstTag(C.c9, "03-02T09:00:00", "Product B"),
    inbound(C.c9, "03-03T09:00:00", "Thanks"),
  ];
}

describe("the unresolved-query report", () => {
  let workspaceId: string;
  let api: ReturnType<typeof callerFor>;

  beforeAll(async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "analyst" }] });
    workspaceId = ws.workspaceId;
    api = callerFor(store(), ws.members[0].userId);
    const events = knownChats();
    // c6's events arrive twice in one batch and again in a retried batch; c1's request is retried alone.
    const c6 = events.filter((e) => e.contact === C.c6);
    await ingestEvents(store(), workspaceId, [...events, ...c6]);
    const retry = await ingestEvents(store(), workspaceId, [...c6, events[2]]);
    expect(retry).toEqual({ stored: 0, duplicates: c6.length + 1 });
    // Another tenant's chats with the same phones, in the same days, must change nothing.
    const other = randomId("ws");
    await ingestEvents(store(), other, [
      request(C.c1, "03-02T10:00:00", "Where is my order"),
      take(C.c1, "03-02T10:01:00", ASHA),
      request(C.c3, "03-05T10:00:00", "refund"),
      resolve(C.c3, "03-05T10:01:00", BEN),
    ]);
  });

  it("counts requests per day beside the day's conversations", async () => {
    const { range, days } = await api.unresolved.volume({ workspaceId, ...RANGE });
    expect(range).toEqual({ ...RANGE, timeZone: "UTC" });
    expect(days).toHaveLength(14);
    const nonZero = days.filter((d) => d.conversations > 0 || d.requests > 0);
    expect(nonZero).toEqual([
      { day: "2026-03-02", requests: 3, conversations: 3, escalated: 2 },
      { day: "2026-03-03", requests: 2, conversations: 2, escalated: 1 },
      { day: "2026-03-04", requests: 2, conversations: 2, escalated: 2 },
      { day: "2026-03-10", requests: 1, conversations: 1, escalated: 1 },
      { day: "2026-03-11", requests: 1, conversations: 1, escalated: 1 },
    ]);
  });

  it("measures time to intervene and to resolve: median, p90, histogram, weeks", async () => {
    const speed = await api.unresolved.speed({ workspaceId, ...RANGE });
    // Takes: 2 min (c5), 5 min (c1), 10 min (c6), 30 min (c2, from its first request), 2 d 30 min (c7).
    expect(speed.intervene).toMatchObject({ events: 5, measured: 5, medianMs: 10 * MIN });
    // p90, interpolated between the 4th and 5th of 5: 30 min + 0.6 × (2 d 30 min − 30 min).
    expect(speed.intervene.p90Ms).toBeCloseTo(30 * MIN + 0.6 * 48 * HOUR, 3);
    expect(speed.buckets).toEqual(["< 1 min", "1–5 min", "5–15 min", "15–60 min", "1–4 h", "4–24 h", "1–3 days", "> 3 days"]);
    expect(speed.intervene.histogram).toEqual([0, 1, 2, 1, 0, 0, 1, 0]);
    // Resolves: 15 min (c6), 30 min (c1), 1 h (c2), 1 h (c7); c4's resolve from the queue has no time.
    expect(speed.resolve).toMatchObject({ events: 5, measured: 4, medianMs: 45 * MIN, p90Ms: HOUR });
    expect(speed.resolve.histogram).toEqual([0, 0, 0, 2, 2, 0, 0, 0]);
    expect(speed.intervene.weeks).toEqual([
      { week: "2026-03-02", events: 4, measured: 4, medianMs: 17.5 * MIN, p90Ms: expect.any(Number) },
      { week: "2026-03-09", events: 1, measured: 1, medianMs: 10 * MIN, p90Ms: 10 * MIN },
    ]);
    expect(speed.resolve.weeks).toEqual([
      { week: "2026-03-02", events: 4, measured: 3, medianMs: HOUR, p90Ms: HOUR },
      { week: "2026-03-09", events: 1, measured: 1, medianMs: 15 * MIN, p90Ms: 15 * MIN },
    ]);
  });

  it("gives the headline's time to intervene alone, as the full report has it", async () => {
    const { intervene } = await api.unresolved.speed({ workspaceId, ...RANGE });
    const headline = await api.unresolved.interveneSpeed({ workspaceId, ...RANGE });
    expect(headline.intervene).toEqual({ events: 5, measured: 5, medianMs: 10 * MIN, p90Ms: intervene.p90Ms });
    // The week before the range: c7's request, taken only in the range.
    const before = await api.unresolved.interveneSpeed({ workspaceId, from: "2026-02-23", to: "2026-03-01" });
    expect(before.intervene).toEqual({ events: 0, measured: 0, medianMs: null, p90Ms: null });
  });

  it("shows each agent's takes, resolves and median time to resolve", async () => {
    const { agents } = await api.unresolved.speed({ workspaceId, ...RANGE });
    expect(agents).toEqual([
      { agentId: "agent:asha", agentName: "Asha Rao", intervened: 2, resolved: 3, resolvesTimed: 2, medianResolveMs: 45 * MIN },
      { agentId: "agent:ben", agentName: "Ben Okafor", intervened: 2, resolved: 1, resolvesTimed: 1, medianResolveMs: HOUR },
      { agentId: "agent:chen", agentName: "Chen Li", intervened: 1, resolved: 1, resolvesTimed: 1, medianResolveMs: 15 * MIN },
    ]);
  });

  it("lists the backlog now, oldest first, and agrees with the Overview", async () => {
    const backlog = await api.unresolved.backlog({ workspaceId });
    expect(backlog.waitingCount).toBe(2);
    expect(backlog.waiting).toEqual([
      { contact: C.c3, name: "", waitingSince: "2026-03-03T09:00:00.000Z", requests: 2 },
      { contact: C.c8, name: "", waitingSince: "2026-03-11T16:00:00.000Z", requests: 1 },
    ]);
    expect(backlog.intervenedCount).toBe(1);
    expect(backlog.intervened).toEqual([
      { contact: C.c5, name: "", agentId: "agent:ben", agentName: "Ben Okafor", since: "2026-03-04T14:02:00.000Z" },
    ]);
    expect(backlog.openByAgent).toEqual([{ agentId: "agent:ben", agentName: "Ben Okafor", open: 1 }]);
    const overview = await api.overview.summary({ workspaceId, ...RANGE });
    expect(overview.openUnresolved).toBe(backlog.waitingCount);
  });

  it("counts every open chat and each agent's, most first, however short the lists", async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "analyst" }] });
    const caller = callerFor(store(), ws.members[0].userId);
    const phone = (n: number) => `+9198100000${String(n).padStart(2, "0")}`;
    await ingestEvents(store(), ws.workspaceId, [
      // Chen holds two chats, Asha one; Ben's chat is resolved, and one chat waits again after Asha resolved it.
      ...[1, 2].flatMap((n) => [request(phone(n), `03-05T0${n}:00:00`, "help"), take(phone(n), `03-05T0${n}:05:00`, CHEN)]),
      request(phone(3), "03-05T03:00:00", "help"),
      take(phone(3), "03-05T03:05:00", ASHA),
      request(phone(4), "03-05T04:00:00", "help"),
      take(phone(4), "03-05T04:05:00", BEN),
      resolve(phone(4), "03-05T04:10:00", BEN),
      request(phone(5), "03-05T05:00:00", "help"),
      take(phone(5), "03-05T05:05:00", ASHA),
      resolve(phone(5), "03-05T05:10:00", ASHA),
      request(phone(5), "03-05T06:00:00", "again"),
      request(phone(6), "03-05T07:00:00", "help"),
    ]);
    const backlog = await caller.unresolved.backlog({ workspaceId: ws.workspaceId, limit: 1 });
    expect(backlog).toMatchObject({ waitingCount: 2, intervenedCount: 3 });
    expect(backlog.waiting.map((c) => c.contact)).toEqual([phone(5)]);
    expect(backlog.intervened.map((c) => [c.contact, c.agentId])).toEqual([[phone(1), "agent:chen"]]);
    expect(backlog.openByAgent).toEqual([
      { agentId: "agent:chen", agentName: "Chen Li", open: 2 },
      { agentId: "agent:asha", agentName: "Asha Rao", open: 1 },
    ]);
  });

  it("breaks requests down by first-message tag, source and tag, with contacts to rate them", async () => {
    const sources = async (by?: "firstMessageTag" | "source" | "tag") => api.unresolved.sources({ workspaceId, ...RANGE, by });
    expect(await sources("source")).toEqual([
      { value: "organic", contacts: 5, requests: 5, askingContacts: 4 },
      { value: "expo", contacts: 3, requests: 4, askingContacts: 3 },
      { value: "", contacts: 1, requests: 0, askingContacts: 0 },
    ]);
    // The page opens on the first-message tags.
    expect(await sources()).toEqual(await sources("firstMessageTag"));
    expect(await sources("firstMessageTag")).toEqual([
      { value: "", contacts: 5, requests: 4, askingContacts: 4 },
      { value: "Product A", contacts: 2, requests: 3, askingContacts: 2 },
      { value: "Product B", contacts: 2, requests: 2, askingContacts: 1 },
    ]);
    expect(await sources("tag")).toEqual([
      { value: "Product A", contacts: 2, requests: 3, askingContacts: 2 },
      { value: "Product B", contacts: 2, requests: 2, askingContacts: 1 },
      { value: "VIP", contacts: 1, requests: 2, askingContacts: 1 },
    ]);
  });

  it("lists what people asked, newest first, paged and searchable, with their messages just before", async () => {
    const first = await api.unresolved.asked({ workspaceId, ...RANGE, pageSize: 3 });
    expect(first.total).toBe(9);
    expect(first.requests.map((r) => [r.contact, r.at, r.text])).toEqual([
      [C.c8, "2026-03-11T16:00:00.000Z", "Cancel my subscription"],
      [C.c6, "2026-03-10T10:00:00.000Z", "Talk to a human"],
      [C.c5, "2026-03-04T14:00:00.000Z", "Refund please"],
    ]);
    expect(first.requests[0].before).toEqual([{ at: "2026-03-11T15:59:00.000Z", text: "Cancel my subscription" }]);
    const last = await api.unresolved.asked({ workspaceId, ...RANGE, pageSize: 3, page: 3 });
    expect(last.requests.map((r) => r.contact)).toEqual([C.c2, C.c2, C.c1]);
    expect(last.requests[0].before.map((m) => m.text)).toEqual(["I want a refund for a damaged product", "hello?"]);

    const refunds = await api.unresolved.asked({ workspaceId, ...RANGE, search: "REFUND" });
    expect(refunds.total).toBe(3);
    expect(refunds.requests.map((r) => r.text)).toEqual([
      "Refund please",
      "refund for damaged product!!",
      "I want a refund for a damaged product",
    ]);
    const byPhone = await api.unresolved.asked({ workspaceId, ...RANGE, search: C.c3 });
    expect(byPhone.total).toBe(2);
  });

  it("finds the most frequent words and phrases, stop words and order numbers removed", async () => {
    const terms = await api.unresolved.terms({ workspaceId, ...RANGE });
    expect(terms.words).toEqual([
      { term: "order", requests: 3 },
      { term: "refund", requests: 3 },
      { term: "damaged", requests: 2 },
      { term: "delivered", requests: 2 },
      { term: "product", requests: 2 },
      { term: "address", requests: 1 },
      { term: "cancel", requests: 1 },
      { term: "change", requests: 1 },
      { term: "delivery", requests: 1 },
      { term: "subscription", requests: 1 },
      { term: "yet", requests: 1 },
    ]);
    expect(terms.phrases).toEqual([{ term: "damaged product", requests: 2 }]);
  });

  it("ranks repeaters, and every contact's count agrees with its profile", async () => {
    const top = await api.unresolved.repeaters({ workspaceId, ...RANGE });
    expect(top.map((r) => [r.contact, r.requests])).toEqual([
      [C.c3, 2],
      [C.c2, 2],
      [C.c8, 1],
      [C.c6, 1],
      [C.c5, 1],
      [C.c4, 1],
      [C.c1, 1],
    ]);
    // Over all time the report's count is the profile's "unresolved queries", contact by contact.
    const allTime = await api.unresolved.repeaters({ workspaceId, from: "2026-01-01", to: "2026-03-31" });
    expect(allTime.find((r) => r.contact === C.c7)?.requests).toBe(1);
    for (const r of allTime) {
      const profile = await getContactState(store(), workspaceId, r.contact, new Date());
      expect(r.requests, r.contact).toBe(profile?.unresolvedQueries);
      expect(r.allTime, r.contact).toBe(profile?.unresolvedQueries);
    }
    const volume = await api.unresolved.volume({ workspaceId, from: "2026-01-01", to: "2026-03-31" });
    expect(volume.days.reduce((n, d) => n + d.requests, 0)).toBe(allTime.reduce((n, r) => n + r.requests, 0));
  });

  it("refuses a bad range with a message a person can act on", async () => {
    await expect(api.unresolved.volume({ workspaceId, from: "2026-03-10", to: "2026-03-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("the start date must be on or before the end date"),
    });
    await expect(api.unresolved.speed({ workspaceId, from: "2026-3-1", to: "2026-03-10" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("use a date like 2026-11-23"),
    });
    await expect(api.unresolved.asked({ workspaceId, from: "2024-01-01", to: "2026-03-10" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at most 366 days"),
    });
    await expect(api.unresolved.asked({ workspaceId, ...RANGE, page: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("shows nothing of another workspace, and nothing to a non-member", async () => {
    const outsider = await createTestWorkspace(store(), { members: [{ role: "admin" }] });
    const theirs = callerFor(store(), outsider.members[0].userId);
    await expect(theirs.unresolved.volume({ workspaceId, ...RANGE })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(store(), null).unresolved.backlog({ workspaceId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const empty = await theirs.unresolved.speed({ workspaceId: outsider.workspaceId, ...RANGE });
    expect(empty.intervene).toMatchObject({ events: 0, measured: 0, medianMs: null, p90Ms: null });
    expect(empty.agents).toEqual([]);
    const backlog = await theirs.unresolved.backlog({ workspaceId: outsider.workspaceId });
    expect(backlog).toMatchObject({ waitingCount: 0, waiting: [], intervenedCount: 0, intervened: [], openByAgent: [] });
    const asked = await theirs.unresolved.asked({ workspaceId: outsider.workspaceId, ...RANGE });
    expect(asked).toMatchObject({ total: 0, requests: [] });
  });
});

describe("waits do not depend on the order events arrive in", () => {
  it("a request that arrives after its take still starts the wait", async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "manager" }] });
    const api = callerFor(store(), ws.members[0].userId);
    const contact = "+14155550100";
    await ingestEvents(store(), ws.workspaceId, [take(contact, "03-05T10:10:00", ASHA), resolve(contact, "03-05T10:40:00", ASHA)]);
    let speed = await api.unresolved.speed({ workspaceId: ws.workspaceId, ...RANGE });
    expect(speed.intervene).toMatchObject({ events: 1, measured: 0 });
    expect(speed.resolve).toMatchObject({ events: 1, measured: 1, medianMs: 30 * MIN });

    await ingestEvents(store(), ws.workspaceId, [request(contact, "03-05T10:00:00", "late")]);
    // The late request is older than the resolve: the chat is not waiting.
    expect(await api.unresolved.backlog({ workspaceId: ws.workspaceId })).toMatchObject({ waitingCount: 0, intervenedCount: 0 });
    speed = await api.unresolved.speed({ workspaceId: ws.workspaceId, ...RANGE });
    expect(speed.intervene).toMatchObject({ events: 1, measured: 1, medianMs: 10 * MIN });
    expect(speed.resolve).toMatchObject({ events: 1, measured: 1, medianMs: 30 * MIN });
  });
});
