import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { upsertAttributeDefinitions } from "@/clickhouse/queries/attributes";
import { getContactCampaignTicks } from "@/clickhouse/queries/contacts";
import { listTagDefinitions, upsertTagDefinitions } from "@/clickhouse/queries/tags";
import { toClickHouseTime } from "@/clickhouse/time";
import { foldTicks } from "@/components/profile/journey-groups";
import type { ChatEventInput } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { validateEvents } from "@/server/ingestion/validate";
import { insertEvents } from "../helpers/events";
import { callerFor, createTestWorkspace, type TestWorkspace } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

const store = useTestStore();

const DAY0 = Date.parse("2026-10-01T09:00:00Z");
/** Minutes into the given day of the story (day 1 is 2026-10-01), as ISO text. */
const at = (day: number, minutes: number) => new Date(DAY0 + (day - 1) * 86_400_000 + minutes * 60_000).toISOString();
const stored = (iso: string) => toClickHouseTime(iso);

const ASHA = "+919812345678";
const agent = { kind: "agent", id: "agent:priya", name: "Priya Menon" } as const;
const shop = { kind: "api", id: "api-key:shop", name: "Shop sync" } as const;

async function ingest(workspaceId: string, raw: ChatEventInput[]) {
  const { valid, rejected } = validateEvents(raw, workspaceId);
  expect(rejected).toEqual([]);
  return ingestEvents(store(), workspaceId, valid.map((v) => v.event));
}

function campaign(id: string, name: string, day: number, minute: number): ChatEventInput[] {
  return [
    { event_id: `${id}-created`, type: "campaign.created", ts: at(day, minute - 5), campaign_id: id, name, template: `${id}_tpl` },
    { event_id: `${id}-sent`, type: "campaign.sent", ts: at(day, minute), campaign_id: id },
    {
      event_id: `${id}-out`,
      type: "message.outbound",
      contact: ASHA,
      ts: at(day, minute),
      kind: "template",
      wamid: `wamid.${id}`,
      campaign_id: id,
      actor: shop,
    },
  ];
}

/** Asha's story over three days: an ad, a human hand-off, four campaigns, tags and an attribute. */
const STORY: ChatEventInput[] = [
  {
    event_id: "in-1",
    type: "message.inbound",
    contact: ASHA,
    ts: at(1, 0),
    text: "Hi, I want Product A please",
    profile_name: "Asha Verma",
    referral: { source_type: "ad", headline: "Product A launch" },
  },
  { event_id: "bot-1", type: "message.outbound", contact: ASHA, ts: at(1, 1), kind: "session", text: "Hello Asha!" },
  { event_id: "req-1", type: "intervention.requested", contact: ASHA, ts: at(1, 2), text: "I need a person" },
  { event_id: "int-1", type: "agent.intervened", contact: ASHA, ts: at(1, 3), actor: agent },
  { event_id: "agent-1", type: "message.outbound", contact: ASHA, ts: at(1, 4), kind: "session", actor: agent, text: "Priya here" },
  { event_id: "res-1", type: "chat.resolved", contact: ASHA, ts: at(1, 5), actor: agent },
  ...campaign("summer", "Summer sale", 1, 60),
  ...campaign("winter", "Winter preview", 2, 0),
  { event_id: "winter-failed", type: "message.status", contact: ASHA, ts: at(2, 1), wamid: "wamid.winter", status: "failed", error: { code: 131047, title: "Re-engagement message" } },
  ...campaign("autumn", "Autumn drop", 2, 60),
  { event_id: "autumn-delivered", type: "message.status", contact: ASHA, ts: at(2, 61), wamid: "wamid.autumn", status: "delivered" },
  { event_id: "autumn-reply", type: "message.inbound", contact: ASHA, ts: at(2, 63), text: "Interested!", context_wamid: "wamid.autumn" },
  ...campaign("spring", "Spring teaser", 3, 0),
  { event_id: "spring-delivered", type: "message.status", contact: ASHA, ts: at(3, 1), wamid: "wamid.spring", status: "delivered" },
  { event_id: "email-1", type: "attribute.set", contact: ASHA, ts: at(3, 10), attribute: "email", value: "asha@example.com", actor: shop },
  { event_id: "tag-wholesale", type: "tag.added", contact: ASHA, ts: at(3, 11), tag: "Wholesale", kind: "automated", origin: "api", actor: shop },
  { event_id: "tag-vip", type: "tag.added", contact: ASHA, ts: at(3, 12), tag: "VIP", kind: "manual", origin: "manual", actor: agent },
  { event_id: "tag-old", type: "tag.added", contact: ASHA, ts: at(3, 13), tag: "Old", kind: "manual", origin: "manual", actor: agent },
  { event_id: "untag-old", type: "tag.removed", contact: ASHA, ts: at(3, 14), tag: "Old", kind: "manual", origin: "manual", actor: agent },
  { event_id: "req-2", type: "intervention.requested", contact: ASHA, ts: at(3, 20), text: "Where is my order?" },
];

/** Every event of Asha's journey: the story's contact events plus the first-message tag ingestion derives. */
const JOURNEY_SIZE = STORY.filter((e) => e.contact).length + 1;

let ws: TestWorkspace;
const as = (role: "admin" | "marketer" | "manager" | "analyst") => callerFor(store(), ws.members.find((m) => m.role === role)!.userId);

beforeAll(async () => {
  ws = await createTestWorkspace(store(), {
    members: [{ role: "admin" }, { email: "maya@example.test", role: "marketer" }, { role: "manager" }, { role: "analyst" }],
  });
  await upsertTagDefinitions(store(), ws.workspaceId, [
    { tag: "Product A", firstMessageText: "Hi, I want Product A" },
    { tag: "VIP" },
    { tag: "Lead" },
    { tag: "Retired", archived: true },
  ]);
  await upsertAttributeDefinitions(store(), ws.workspaceId, [
    { name: "email", type: "email", options: [] },
    { name: "plan", type: "list", options: ["Free", "Pro"] },
    { name: "lifetime_value", type: "number", options: [] },
  ]);
  const events = STORY.map((e) => ({ ...e }));
  // Meta sent `read` before `delivered`: they arrive in separate deliveries, read first, and the late delivered is later in time too.
  await ingest(ws.workspaceId, events);
  await ingest(ws.workspaceId, [{ event_id: "summer-read", type: "message.status", contact: ASHA, ts: at(1, 62), wamid: "wamid.summer", status: "read" }]);
  await ingest(ws.workspaceId, [{ event_id: "summer-delivered", type: "message.status", contact: ASHA, ts: at(1, 64), wamid: "wamid.summer", status: "delivered" }]);
});

// Two late statuses, and the broadcast tag of each of the four campaigns Asha got.
const JOURNEY_WITH_STATUSES = JOURNEY_SIZE + 2 + 4;

describe("profile.overview", () => {
  it("derives the basic parameters from the event log", async () => {
    const p = await as("analyst").profile.overview({ workspaceId: ws.workspaceId, contact: ASHA });
    expect(p).toMatchObject({
      contact: ASHA,
      name: "Asha Verma",
      // Asked for a human again on day 3 and nobody took it; quiet since, so in history too.
      status: "requesting",
      inHistory: true,
      lastActive: stored(at(2, 63)),
      templateMessages: 4,
      // Two from Asha, the bot's greeting and Priya's reply.
      sessionMessages: 4,
      unresolvedQueries: 2,
      source: "organic",
      sourceDetail: "ad: Product A launch",
      firstMessageTag: "Product A",
      canAct: false,
      role: "analyst",
    });
    expect(p.eventCounts["message.status"]).toBe(5);
  });

  it("lists every campaign newest first with ticks that never go backwards, and a failure with its reason", async () => {
    const p = await as("manager").profile.overview({ workspaceId: ws.workspaceId, contact: ASHA });
    expect(p.campaigns.map((c) => [c.campaignId, c.name, c.tick])).toEqual([
      ["spring", "Spring teaser", "delivered"],
      ["autumn", "Autumn drop", "replied"],
      ["winter", "Winter preview", "failed"],
      ["summer", "Summer sale", "read"],
    ]);
    const summer = p.campaigns.find((c) => c.campaignId === "summer")!;
    // The read came first and counts as delivered; the late delivered does not move the tick back.
    expect(summer).toMatchObject({ sentAt: stored(at(1, 60)), deliveredAt: stored(at(1, 62)), readAt: stored(at(1, 62)), error: null });
    const winter = p.campaigns.find((c) => c.campaignId === "winter")!;
    expect(winter).toMatchObject({ failedAt: stored(at(2, 1)), readAt: null, error: { code: 131047, title: "Re-engagement message" } });
    expect(p.campaigns.find((c) => c.campaignId === "autumn")).toMatchObject({ repliedAt: stored(at(2, 63)), readAt: null });

    // The same numbers as the campaign_recipients view the campaign reports read.
    const viaView = await getContactCampaignTicks(store(), ws.workspaceId, ASHA);
    for (const t of viaView) {
      const mine = p.campaigns.find((c) => c.campaignId === t.campaign_id)!;
      expect([mine.deliveredAt, mine.readAt, mine.repliedAt, mine.failedAt]).toEqual([t.delivered_at, t.read_at, t.replied_at, t.failed_at]);
    }
  });

  it("shows every attribute definition with this contact's value and who set it", async () => {
    const p = await as("analyst").profile.overview({ workspaceId: ws.workspaceId, contact: ASHA });
    expect(p.attributes.map((a) => [a.name, a.type, a.value])).toEqual([
      ["email", "email", "asha@example.com"],
      ["lifetime_value", "number", ""],
      ["plan", "list", ""],
    ]);
    expect(p.attributes[0]).toMatchObject({ defined: true, setBy: { kind: "api", name: "Shop sync" }, setAt: stored(at(3, 10)) });
    expect(p.attributes[2]).toMatchObject({ options: ["Free", "Pro"], setBy: null, setAt: null });
  });

  it("tells automated tags from manual ones, with who added each and when; a removed tag is gone", async () => {
    const p = await as("analyst").profile.overview({ workspaceId: ws.workspaceId, contact: ASHA });
    const tags = Object.fromEntries(p.tags.map((t) => [t.tag, t]));
    expect(Object.keys(tags).sort()).toEqual(["Product A", "VIP", "Wholesale", "broadcast:autumn", "broadcast:spring", "broadcast:summer", "broadcast:winter"]);
    expect(tags["broadcast:summer"]).toMatchObject({ label: "Broadcast · Summer sale", kind: "automated", origin: "broadcast", addedBy: { kind: "system" } });
    expect(tags["Product A"]).toMatchObject({ kind: "automated", origin: "first_message", addedBy: { kind: "system" }, addedAt: stored(at(1, 0)) });
    expect(tags.Wholesale).toMatchObject({ kind: "automated", origin: "api", addedBy: { kind: "api", name: "Shop sync" } });
    expect(tags.VIP).toMatchObject({ kind: "manual", origin: "manual", addedBy: { kind: "agent", id: "agent:priya", name: "Priya Menon" } });
  });

  it("says plainly when the contact is unknown or not a phone number", async () => {
    const call = as("analyst").profile.overview;
    await expect(call({ workspaceId: ws.workspaceId, contact: "+14155550199" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "There is no contact +14155550199 in this workspace.",
    });
    await expect(call({ workspaceId: ws.workspaceId, contact: "asha" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "contact: contact must be a phone number in E.164 form, like +919812345678",
    });
  });
});

type Journey = Awaited<ReturnType<ReturnType<typeof as>["profile"]["journey"]>>;

describe("profile.journey", () => {
  async function walk(pageSize: number, extra: { types?: string[] } = {}) {
    const seen: Journey["events"] = [];
    let cursor: { ts: string; eventId: string } | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await as("analyst").profile.journey({ workspaceId: ws.workspaceId, contact: ASHA, limit: pageSize, cursor, ...(extra as object) });
      seen.push(...page.events);
      if (!page.hasMore) return { seen, pages: pages + 1 };
      const last = page.events.at(-1)!;
      cursor = { ts: last.ts, eventId: last.eventId };
    }
    throw new Error("the journey never ended");
  }

  it("pages newest first through every event exactly once, with the actor of each", async () => {
    const { seen, pages } = await walk(4);
    expect(seen).toHaveLength(JOURNEY_WITH_STATUSES);
    expect(pages).toBe(Math.ceil(JOURNEY_WITH_STATUSES / 4));
    expect(new Set(seen.map((e) => e.eventId)).size).toBe(seen.length);
    const order = seen.map((e) => `${e.ts}|${e.eventId}`);
    expect(order).toEqual([...order].sort().reverse());
    expect(seen[0]).toMatchObject({ eventId: "req-2", type: "intervention.requested", text: "Where is my order?", actor: { kind: "user" } });
    expect(seen.find((e) => e.eventId === "int-1")).toMatchObject({ actor: { kind: "agent", id: "agent:priya", name: "Priya Menon" } });
    expect(seen.find((e) => e.eventId === "summer-read")).toMatchObject({ campaignId: "summer", campaignName: "Summer sale", status: "read", messageId: "wamid.summer" });
    expect(seen.find((e) => e.eventId === "winter-failed")).toMatchObject({ error: { code: 131047, title: "Re-engagement message" } });
  });

  it("gives each status the id of its message, so one page shows a campaign send as one row with its ticks", async () => {
    const { seen } = await walk(200);
    const rows = foldTicks(seen);
    const send = (c: string) => rows.find((r) => r.event.eventId === `${c}-out`)!;
    // Summer's statuses arrived before its message (linked copies), out of order: shown in the order they happened.
    expect(send("summer").ticks.map((t) => [t.status, t.messageId])).toEqual([
      ["read", "wamid.summer"],
      ["delivered", "wamid.summer"],
    ]);
    expect(send("winter").ticks).toMatchObject([{ status: "failed", error: { code: 131047 } }]);
    expect(send("autumn").ticks.map((t) => t.eventId)).toEqual(["autumn-delivered"]);
    expect(rows.some((r) => r.event.type === "message.status")).toBe(false);
    expect(rows.length + rows.reduce((n, r) => n + r.ticks.length, 0)).toBe(JOURNEY_WITH_STATUSES);
  });

  it("filters by event type", async () => {
    const { seen } = await walk(2, { types: ["tag.added", "tag.removed"] });
    expect(seen.map((e) => e.eventId)).toEqual([
      "untag-old",
      "tag-old",
      "tag-vip",
      "tag-wholesale",
      ...["spring", "autumn", "winter", "summer"].map((c) => `broadcast-tag:${c}:${ASHA}`),
      "in-1:first-message-tag",
    ]);
    // A broadcast tag is dated by the send and names its campaign.
    expect(seen.find((e) => e.eventId === `broadcast-tag:summer:${ASHA}`)).toMatchObject({ tagLabel: "Broadcast · Summer sale", campaignName: "Summer sale" });
  });

  it("jumps to a date, then pages newer and older from there", async () => {
    const journey = as("analyst").profile.journey;
    const day2 = await journey({ workspaceId: ws.workspaceId, contact: ASHA, at: "2026-10-02", limit: 3 });
    // The last events of 2 October come first, then older ones (the send and its broadcast tag share a time).
    expect(day2.events.map((e) => e.eventId)).toEqual(["autumn-reply", "autumn-delivered", `broadcast-tag:autumn:${ASHA}`]);
    expect(day2.hasMore).toBe(true);
    expect(day2.olderCursor).toEqual({ ts: day2.events[2].ts, eventId: `broadcast-tag:autumn:${ASHA}` });
    expect(day2.newerCursor).toEqual({ ts: day2.events[0].ts, eventId: "autumn-reply" });
    const top = day2.events[0];
    const newer = await journey({ workspaceId: ws.workspaceId, contact: ASHA, direction: "newer", cursor: { ts: top.ts, eventId: top.eventId }, limit: 2 });
    // Shown newest first too: the two events right after the anchor.
    expect(newer.events.map((e) => e.eventId)).toEqual(["spring-out", `broadcast-tag:spring:${ASHA}`]);
    expect(newer.hasMore).toBe(true);

    const exact = await journey({ workspaceId: ws.workspaceId, contact: ASHA, at: at(1, 3), limit: 2 });
    expect(exact.events.map((e) => e.eventId)).toEqual(["int-1", "req-1"]);
    const beforeEverything = await journey({ workspaceId: ws.workspaceId, contact: ASHA, at: "2026-09-01" });
    // Nothing before that day, but the page can still offer what came after it.
    expect(beforeEverything).toEqual({ events: [], hasMore: false, olderCursor: null, newerCursor: { ts: "2026-09-02 00:00:00.000", eventId: "" } });
    const fromThere = await journey({ workspaceId: ws.workspaceId, contact: ASHA, direction: "backward", cursor: beforeEverything.newerCursor!, limit: 2 });
    expect(fromThere.events.map((e) => e.eventId)).toEqual(["in-1:first-message-tag", "in-1"]);
    // The latest page has nothing newer to offer.
    expect((await journey({ workspaceId: ws.workspaceId, contact: ASHA })).newerCursor).toBeNull();
    await expect(journey({ workspaceId: ws.workspaceId, contact: ASHA, at: "yesterday" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at: use a date like 2026-10-01 or a time like 2026-10-01T09:30:00Z"),
    });
  });

  it("pages a journey of thousands of events fifty at a time, from the latest or from a jumped-to day", async () => {
    const contact = "+12025550123";
    const start = Date.parse("2026-01-01T00:00:00Z");
    const HOUR = 3_600_000;
    // 3,000 messages, one an hour for 125 days.
    await insertEvents(
      store(),
      Array.from({ length: 3000 }, (_, i) => ({
        workspace_id: ws.workspaceId,
        contact,
        type: i % 2 ? "message.outbound" : "message.inbound",
        message_kind: i % 2 ? "session" : "",
        event_id: `bulk-${String(i).padStart(4, "0")}`,
        ts: start + i * HOUR,
      })),
    );
    const journey = as("analyst").profile.journey;
    const first = await journey({ workspaceId: ws.workspaceId, contact });
    expect(first.events).toHaveLength(50);
    expect(first.events[0].eventId).toBe("bulk-2999");
    expect(first.hasMore).toBe(true);
    const second = await journey({ workspaceId: ws.workspaceId, contact, cursor: first.olderCursor! });
    expect(second.events.map((e) => e.eventId)).toEqual(Array.from({ length: 50 }, (_, i) => `bulk-${2949 - i}`));

    // 2026-02-01 is hour 744: the jump starts at the last message of 1 February (hour 767).
    const jumped = await journey({ workspaceId: ws.workspaceId, contact, at: "2026-02-01", limit: 10 });
    expect(jumped.events[0].eventId).toBe("bulk-0767");
    const above = await journey({ workspaceId: ws.workspaceId, contact, direction: "newer", cursor: jumped.newerCursor!, limit: 10 });
    expect(above.events.map((e) => e.eventId)).toEqual(Array.from({ length: 10 }, (_, i) => `bulk-${String(777 - i).padStart(4, "0")}`));
    const overview = await as("analyst").profile.overview({ workspaceId: ws.workspaceId, contact });
    expect(overview.eventCounts).toEqual({ "message.inbound": 1500, "message.outbound": 1500 });
  });

  it("never shows a duplicated event twice", async () => {
    // The same batch again through ingestion: every id is a duplicate, nothing is stored.
    const again = await ingest(ws.workspaceId, STORY.slice(0, 3));
    expect(again).toEqual({ stored: 0, duplicates: 3 });
    // And copies written straight into the log, around ingestion, for another contact.
    const contact = "+447700900123";
    const base = { workspace_id: ws.workspaceId, contact, type: "message.inbound" };
    await insertEvents(store(), [
      { ...base, event_id: "dup-a", ts: DAY0 },
      { ...base, event_id: "dup-b", ts: DAY0 + 1000 },
      { ...base, event_id: "dup-c", ts: DAY0 + 2000 },
    ]);
    await insertEvents(store(), [
      { ...base, event_id: "dup-b", ts: DAY0 + 1000 },
      { ...base, event_id: "dup-b", ts: DAY0 + 1000 },
    ]);
    const ids: string[] = [];
    let cursor: { ts: string; eventId: string } | undefined;
    for (;;) {
      const page = await as("analyst").profile.journey({ workspaceId: ws.workspaceId, contact, limit: 1, cursor });
      ids.push(...page.events.map((e) => e.eventId));
      if (!page.hasMore) break;
      cursor = { ts: page.events[0].ts, eventId: page.events[0].eventId };
    }
    expect(ids).toEqual(["dup-c", "dup-b", "dup-a"]);
    const { seen } = await walk(50);
    expect(seen).toHaveLength(JOURNEY_WITH_STATUSES);
    const p = await as("analyst").profile.overview({ workspaceId: ws.workspaceId, contact });
    expect(p.eventCounts["message.inbound"]).toBe(3);
  });
});

describe("profile actions", () => {
  const latest = async (contact = ASHA) =>
    (await as("analyst").profile.journey({ workspaceId: ws.workspaceId, contact, limit: 1 })).events[0];

  it("a marketer adds a catalogue tag: written as an event by the member, in tags and journey at once", async () => {
    const marketer = as("marketer");
    // Typed in another case, the catalogue's spelling is used.
    expect(await marketer.profile.addTag({ workspaceId: ws.workspaceId, contact: ASHA, tag: "  lead " })).toEqual({ tag: "Lead", label: "Lead", created: false });
    const p = await marketer.profile.overview({ workspaceId: ws.workspaceId, contact: ASHA });
    expect(p.canAct).toBe(true);
    expect(p.tags.find((t) => t.tag === "Lead")).toMatchObject({ kind: "manual", origin: "manual", addedBy: { kind: "member", name: "maya" } });
    expect(await latest()).toMatchObject({ type: "tag.added", tag: "Lead", tagKind: "manual", actor: { kind: "member", name: "maya" } });

    await marketer.profile.removeTag({ workspaceId: ws.workspaceId, contact: ASHA, tag: "Lead" });
    const after = await marketer.profile.overview({ workspaceId: ws.workspaceId, contact: ASHA });
    expect(after.tags.map((t) => t.tag)).not.toContain("Lead");
    expect(await latest()).toMatchObject({ type: "tag.removed", tag: "Lead", actor: { kind: "member" } });
  });

  it("creates a new tag on the spot only when asked, and refuses what breaks a rule", async () => {
    const admin = as("admin");
    const input = { workspaceId: ws.workspaceId, contact: ASHA };
    await expect(admin.profile.addTag({ ...input, tag: "Diwali 2026" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "“Diwali 2026” is not in the tag catalogue. Pick a tag from the list, or create it.",
    });
    expect(await admin.profile.addTag({ ...input, tag: "Diwali 2026", create: true })).toEqual({ tag: "Diwali 2026", label: "Diwali 2026", created: true });
    expect((await listTagDefinitions(store(), ws.workspaceId)).map((t) => t.tag)).toContain("Diwali 2026");

    const before = await admin.profile.overview(input);
    await expect(admin.profile.addTag({ ...input, tag: "VIP" })).rejects.toMatchObject({ message: "This contact already has the tag “VIP”." });
    await expect(admin.profile.addTag({ ...input, tag: "Retired" })).rejects.toMatchObject({ message: expect.stringContaining("archived") });
    await expect(admin.profile.removeTag({ ...input, tag: "Product A" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "“Product A” was added automatically; only manual tags can be removed here.",
    });
    const after = await admin.profile.overview(input);
    expect(after.eventCounts).toEqual(before.eventCounts);
  });

  it("names a renamed tag by its label everywhere, and stores its key", async () => {
    const admin = as("admin");
    const input = { workspaceId: ws.workspaceId, contact: ASHA };
    // Manage renames "Lead" to "Warm lead": events and contact_tags keep the key "Lead".
    const lead = (await listTagDefinitions(store(), ws.workspaceId)).find((t) => t.tag === "Lead")!;
    await upsertTagDefinitions(store(), ws.workspaceId, [{ ...lead, label: "Warm lead" }]);
    expect(await admin.profile.addTag({ ...input, tag: "warm lead" })).toEqual({ tag: "Lead", label: "Warm lead", created: false });
    const p = await admin.profile.overview(input);
    expect(p.tags.find((t) => t.tag === "Lead")).toMatchObject({ label: "Warm lead", kind: "manual" });
    expect(await latest()).toMatchObject({ type: "tag.added", tag: "Lead", tagLabel: "Warm lead" });
    expect((await admin.profile.tagOptions({ workspaceId: ws.workspaceId })).find((t) => t.tag === "Lead")).toEqual({ tag: "Lead", label: "Warm lead", category: "" });
    await admin.profile.removeTag({ ...input, tag: "Lead" });
    await upsertTagDefinitions(store(), ws.workspaceId, [lead]);
  });

  it("sets an attribute value checked by its type; a wrong one changes nothing", async () => {
    const marketer = as("marketer");
    const input = { workspaceId: ws.workspaceId, contact: ASHA };
    expect(await marketer.profile.setAttribute({ ...input, attribute: "email", value: " Asha.New@Example.com " })).toEqual({
      attribute: "email",
      value: "asha.new@example.com",
      defined: false,
    });
    const p = await marketer.profile.overview(input);
    expect(p.attributes.find((a) => a.name === "email")).toMatchObject({ value: "asha.new@example.com", setBy: { kind: "member", name: "maya" } });
    expect(await latest()).toMatchObject({ type: "attribute.set", attribute: "email", value: "asha.new@example.com" });

    const refusals: Array<[Parameters<typeof marketer.profile.setAttribute>[0], string]> = [
      [{ ...input, attribute: "lifetime_value", value: "a lot" }, 'lifetime_value must be a number, got "a lot"'],
      [{ ...input, attribute: "plan", value: "Gold" }, 'plan must be one of Free, Pro, got "Gold"'],
      [{ ...input, attribute: "shoe_size", value: "42" }, "There is no attribute “shoe_size” in this workspace; define it in Manage → Attributes first."],
    ];
    for (const [bad, message] of refusals) {
      await expect(marketer.profile.setAttribute(bad)).rejects.toMatchObject({ code: "BAD_REQUEST", message });
    }
    const after = await marketer.profile.overview(input);
    expect(after.eventCounts).toEqual(p.eventCounts);
    expect(after.attributes.map((a) => [a.name, a.value])).toEqual(p.attributes.map((a) => [a.name, a.value]));

    // Cleared with an empty value; a list value is stored with its defined spelling.
    await marketer.profile.setAttribute({ ...input, attribute: "plan", value: "pro" });
    await marketer.profile.setAttribute({ ...input, attribute: "email", value: "" });
    const cleared = await marketer.profile.overview(input);
    expect(cleared.attributes.filter((a) => a.value).map((a) => [a.name, a.value])).toEqual([["plan", "Pro"]]);
  });

  it("keeps an archived attribute's value on show but takes no new one", async () => {
    const input = { workspaceId: ws.workspaceId, contact: ASHA };
    await upsertAttributeDefinitions(store(), ws.workspaceId, [{ name: "fax", type: "text", options: [] }]);
    await as("marketer").profile.setAttribute({ ...input, attribute: "fax", value: "+91 22 1234" });
    await upsertAttributeDefinitions(store(), ws.workspaceId, [{ name: "fax", type: "text", options: [], archived: true }]);
    const p = await as("marketer").profile.overview(input);
    expect(p.attributes.find((a) => a.name === "fax")).toMatchObject({ label: "Fax", archived: true, value: "+91 22 1234" });
    await expect(as("marketer").profile.setAttribute({ ...input, attribute: "fax", value: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "“Fax” is archived; unarchive it in Manage → Attributes to set values again.",
    });
  });

  it("defines a new attribute on the spot, but never a 21st", async () => {
    const full = await createTestWorkspace(store(), { members: [{ role: "marketer" }] });
    await ingest(full.workspaceId, [{ event_id: "hello", type: "message.inbound", contact: ASHA, ts: at(1, 0), text: "hi" }]);
    const marketer = callerFor(store(), full.members[0].userId);
    const input = { workspaceId: full.workspaceId, contact: ASHA };
    expect(await marketer.profile.setAttribute({ ...input, attribute: "shoe_size", value: "42", define: { type: "number", options: [] } })).toEqual({
      attribute: "shoe_size",
      value: "42",
      defined: true,
    });
    await upsertAttributeDefinitions(
      store(),
      full.workspaceId,
      Array.from({ length: 19 }, (_, i) => ({ name: `field_${i}`, type: "text", options: [] })),
    );
    await expect(
      marketer.profile.setAttribute({ ...input, attribute: "hat_size", value: "7", define: { type: "number", options: [] } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "A workspace can have at most 20 attributes; archive one first." });
    const p = await marketer.profile.overview(input);
    expect(p.attributes).toHaveLength(20);
    expect(p.attributes.find((a) => a.name === "shoe_size")).toMatchObject({ type: "number", value: "42" });
  });

  it("managers and analysts read the profile but may not act on it", async () => {
    const input = { workspaceId: ws.workspaceId, contact: ASHA };
    const before = await as("analyst").profile.overview(input);
    for (const role of ["analyst", "manager"] as const) {
      const caller = as(role);
      // Started one at a time: a refusal nobody awaits yet would be an unhandled rejection.
      const attempts = [
        () => caller.profile.addTag({ ...input, tag: "Lead" }),
        () => caller.profile.removeTag({ ...input, tag: "VIP" }),
        () => caller.profile.setAttribute({ ...input, attribute: "email", value: "x@example.com" }),
      ];
      for (const attempt of attempts) {
        await expect(attempt()).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("ask a workspace admin or marketer") });
      }
    }
    expect((await as("analyst").profile.overview(input)).eventCounts).toEqual(before.eventCounts);
  });

  it("another workspace sees nothing of this contact, and its own contact of the same number is its own", async () => {
    const other = await createTestWorkspace(store(), { members: [{ role: "admin" }] });
    const outsider = callerFor(store(), other.members[0].userId);
    const mine = { workspaceId: ws.workspaceId, contact: ASHA };
    await expect(outsider.profile.overview(mine)).rejects.toMatchObject({ code: "NOT_FOUND", message: "No such workspace." });
    await expect(outsider.profile.journey(mine)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outsider.profile.addTag({ ...mine, tag: "VIP" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const theirs = { workspaceId: other.workspaceId, contact: ASHA };
    await expect(outsider.profile.overview(theirs)).rejects.toMatchObject({ code: "NOT_FOUND", message: `There is no contact ${ASHA} in this workspace.` });
    await ingest(other.workspaceId, [{ event_id: "in-1", type: "message.inbound", contact: ASHA, ts: at(1, 0), text: "Hello from elsewhere" }]);
    const p = await outsider.profile.overview(theirs);
    expect(p).toMatchObject({ templateMessages: 0, campaigns: [], tags: [], attributes: [] });
    const journey = await outsider.profile.journey(theirs);
    expect(journey.events.map((e) => e.text)).toEqual(["Hello from elsewhere"]);
    // And nobody signed out gets anything.
    await expect(callerFor(store(), null).profile.overview(mine)).rejects.toBeInstanceOf(TRPCError);
  });
});
