import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { upsertAttributeDefinitions } from "@/clickhouse/queries/attributes";
import { eventSchema } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { callerFor, createTestWorkspace, randomId } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

const store = useTestStore();

/**
 * Breakdowns and "when it works", on hand-made recipients whose profile and
 * ticks are known. Their profiles are made in January 2026; campaign "launch"
 * is sent on Tuesday 3 March 2026 at 10:00 UTC to P1…P8:
 *
 *   who  source (earliest)              first-message tag  tags       city   launch ticks
 *   P1   organic, via an ad             Product A          VIP        Pune   delivered 10:01, read 10:05
 *   P2   organic                        Product A          —          Pune   delivered 10:01, never read: ignored
 *   P3   import:fair                    —                  —          —      failed 10:00:05 (131026)
 *   P4   import:fair                    Product B          VIP        Delhi  read 11:30 with no delivered tick
 *   P5   api (an API message)           —                  —          —      delivered 10:02, replied 10:10 (no read tick)
 *   P6   import:web                     Product B          —          —      delivered 10:03: ignored
 *   P7   — (nothing but the campaign)   —                  VIP        —      delivered 10:30, read 12:00
 *   P8   organic, via an ad             Product A          —          —      sent, nothing since
 *
 * Campaign "weekend" is sent on Sunday 8 March at 20:00 to Q1…Q4: Q1 delivered
 * 20:05 and read 21:00, Q2 delivered 20:10 (ignored), Q3 delivered 23:59
 * (ignored), Q4 delivered Monday 00:10 and read. "old" (February) is outside
 * the range, and another workspace has its own "launch" with the same phones.
 */
const RANGE = { from: "2026-03-01", to: "2026-03-31" };
const P = (n: number) => `+9198800000${String(n).padStart(2, "0")}`;
const Q = (n: number) => `+9197700000${String(n).padStart(2, "0")}`;

let seq = 0;
const ev = (e: Record<string, unknown>) => eventSchema.parse({ event_id: `b${++seq}`, ...e });
const at = (iso: string) => (iso.length <= 8 ? `2026-03-03T${iso}Z` : `2026-${iso}Z`);
const wamid = (campaign: string, contact: string) => `wamid.${campaign}.${contact}`;
const send = (campaign: string, contact: string, ts: string) =>
  ev({ type: "message.outbound", kind: "template", contact, ts: at(ts), wamid: wamid(campaign, contact), campaign_id: campaign, template: "t1" });
const status = (campaign: string, contact: string, ts: string, s: string, error?: { code: number; title: string }) =>
  ev({ type: "message.status", contact, ts: at(ts), wamid: wamid(campaign, contact), status: s, error });
const reply = (campaign: string, contact: string, ts: string) =>
  ev({ type: "message.inbound", contact, ts: at(ts), text: "Yes please", context_wamid: wamid(campaign, contact) });
const created = (campaign: string, name: string, ts: string) => ev({ type: "campaign.created", campaign_id: campaign, name, template: "t1", ts: at(ts) });

// Profiles, in January.
const JAN = "01-05T09:00:00";
const firstMessage = (contact: string, ad?: string) =>
  ev({ type: "message.inbound", contact, ts: at(JAN), text: "Hi", ...(ad ? { referral: { source_type: "ad", headline: ad } } : {}) });
const imported = (contact: string, source: string) => ev({ type: "contact.imported", contact, ts: at(JAN), source });
const apiMessage = (contact: string) => ev({ type: "message.outbound", kind: "session", contact, ts: at(JAN), text: "Welcome", actor: { kind: "api" } });
const fmTag = (contact: string, tag: string) =>
  ev({ type: "tag.added", contact, ts: at("01-05T09:00:01"), tag, kind: "automated", origin: "first_message" });
const vip = (contact: string) => ev({ type: "tag.added", contact, ts: at("01-06T00:00:00"), tag: "VIP", kind: "manual" });
const city = (contact: string, value: string) => ev({ type: "attribute.set", contact, ts: at("01-06T00:00:00"), attribute: "city", value });

const UNDELIVERABLE = { code: 131026, title: "Message undeliverable" };
const LAUNCH = [1, 2, 3, 4, 5, 6, 7, 8].map(P);

describe("campaign breakdowns and timing", () => {
  let workspaceId: string;
  let analyst: ReturnType<typeof callerFor>;
  let marketer: ReturnType<typeof callerFor>;

  beforeAll(async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "analyst" }, { role: "marketer" }] });
    workspaceId = ws.workspaceId;
    analyst = callerFor(store(), ws.members[0].userId);
    marketer = callerFor(store(), ws.members[1].userId);
    await upsertAttributeDefinitions(store(), workspaceId, [{ name: "city", type: "text", options: [] }]);
    await ingestEvents(store(), workspaceId, [
      firstMessage(P(1), "Spring promo"),
      firstMessage(P(2)),
      imported(P(3), "import:fair"),
      imported(P(4), "import:fair"),
      apiMessage(P(5)),
      imported(P(6), "import:web"),
      firstMessage(P(8), "Spring promo"),
      fmTag(P(1), "Product A"),
      fmTag(P(2), "Product A"),
      fmTag(P(8), "Product A"),
      fmTag(P(4), "Product B"),
      fmTag(P(6), "Product B"),
      vip(P(1)),
      vip(P(4)),
      vip(P(7)),
      city(P(1), "Pune"),
      city(P(2), "Pune"),
      city(P(4), "Delhi"),
    ]);
    await ingestEvents(store(), workspaceId, [
      created("launch", "Launch", "09:00:00"),
      ...LAUNCH.map((p) => send("launch", p, "10:00:00")),
      status("launch", P(1), "10:01:00", "delivered"),
      status("launch", P(1), "10:05:00", "read"),
      status("launch", P(2), "10:01:00", "delivered"),
      status("launch", P(3), "10:00:05", "failed", UNDELIVERABLE),
      status("launch", P(4), "11:30:00", "read"),
      status("launch", P(5), "10:02:00", "delivered"),
      reply("launch", P(5), "10:10:00"),
      status("launch", P(6), "10:03:00", "delivered"),
      status("launch", P(7), "10:30:00", "delivered"),
      status("launch", P(7), "12:00:00", "read"),
      created("weekend", "Weekend", "03-08T19:00:00"),
      ...[1, 2, 3, 4].map((n) => send("weekend", Q(n), "03-08T20:00:00")),
      status("weekend", Q(1), "03-08T20:05:00", "delivered"),
      status("weekend", Q(1), "03-08T21:00:00", "read"),
      status("weekend", Q(2), "03-08T20:10:00", "delivered"),
      status("weekend", Q(3), "03-08T23:59:00", "delivered"),
      status("weekend", Q(4), "03-09T00:10:00", "delivered"),
      status("weekend", Q(4), "03-09T00:20:00", "read"),
      created("old", "Old", "02-10T09:00:00"),
      send("old", P(1), "02-10T10:00:00"),
      status("old", P(1), "02-10T10:01:00", "read"),
    ]);
    // Another tenant: its own "launch" to the same phones, all read on a Tuesday at 10.
    const other = await createTestWorkspace(store(), { members: [{ role: "admin" }] });
    await ingestEvents(
      store(),
      other.workspaceId,
      LAUNCH.flatMap((p) => [send("launch", p, "10:00:00"), status("launch", p, "10:00:01", "read")]).map((e) => ({ ...e, event_id: randomId("o") })),
    );
  });

  const breakdown = (by: Parameters<typeof analyst.campaigns.breakdown>[0]["by"]) => analyst.campaigns.breakdown({ workspaceId, campaignId: "launch", by });
  const row = (value: string, recipients: number, delivered: number, read: number, replied: number, ignored: number, failed: number, ad = false) => ({
    value,
    ad,
    recipients,
    delivered,
    read,
    replied,
    ignored,
    failed,
    readRate: delivered > 0 ? read / delivered : null,
    replyRate: delivered > 0 ? replied / delivered : null,
    small: true,
  });

  it("splits the funnel by first-message tag ('' = none)", async () => {
    const result = await breakdown({ dimension: "firstMessageTag" });
    expect(result.smallBelow).toBe(30);
    expect(result.rows).toEqual([row("", 3, 2, 2, 1, 0, 1), row("Product A", 3, 2, 1, 0, 1, 0), row("Product B", 2, 2, 1, 0, 1, 0)]);
  });

  it("splits the funnel by source, with the contacts who came from an ad as their own (overlapping) group", async () => {
    const { rows } = await breakdown({ dimension: "source" });
    expect(rows).toEqual([
      row("organic", 3, 2, 1, 0, 1, 0),
      row("import:fair", 2, 1, 1, 0, 0, 1),
      row("", 1, 1, 1, 0, 0, 0),
      row("api", 1, 1, 1, 1, 0, 0),
      row("import:web", 1, 1, 0, 0, 1, 0),
      row("", 2, 1, 1, 0, 0, 0, true),
    ]);
  });

  it("splits the funnel by tag and by an attribute's value, and names an unknown attribute", async () => {
    expect((await breakdown({ dimension: "tag" })).rows).toEqual([
      row("Product A", 3, 2, 1, 0, 1, 0),
      row("VIP", 3, 3, 3, 0, 0, 0),
      row("Product B", 2, 2, 1, 0, 1, 0),
    ]);
    expect((await breakdown({ dimension: "attribute", attribute: "city" })).rows).toEqual([
      row("", 5, 3, 2, 1, 1, 1),
      row("Pune", 2, 2, 1, 0, 1, 0),
      row("Delhi", 1, 1, 1, 0, 0, 0),
    ]);
    const error = await breakdown({ dimension: "attribute", attribute: "nope" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/no attribute “nope” in this workspace/) });
  });

  const drill = async (stage: "sent" | "delivered" | "read" | "replied" | "ignored" | "failed", group: Record<string, unknown>) => {
    const res = await analyst.campaigns.contacts({ workspaceId, campaignId: "launch", stage, group: group as never, pageSize: 50 });
    expect(res.total).toBe(res.rows.length);
    return res.rows.map((r) => r.contact);
  };

  it("opens each breakdown cell as exactly its contacts", async () => {
    expect(await drill("read", { dimension: "firstMessageTag", value: "Product A" })).toEqual([P(1)]);
    expect(await drill("sent", { dimension: "firstMessageTag", value: "" })).toEqual([P(3), P(5), P(7)]);
    expect(await drill("ignored", { dimension: "source", value: "import:web" })).toEqual([P(6)]);
    expect(await drill("failed", { dimension: "source", value: "import:fair" })).toEqual([P(3)]);
    expect(await drill("sent", { dimension: "source", value: "", ad: true })).toEqual([P(1), P(8)]);
    expect(await drill("delivered", { dimension: "source", value: "" })).toEqual([P(7)]);
    expect(await drill("replied", { dimension: "source", value: "api" })).toEqual([P(5)]);
    expect(await drill("read", { dimension: "tag", value: "VIP" })).toEqual([P(1), P(4), P(7)]);
    expect(await drill("ignored", { dimension: "tag", value: "Product B" })).toEqual([P(6)]);
    expect(await drill("read", { dimension: "attribute", attribute: "city", value: "Pune" })).toEqual([P(1)]);
    expect(await drill("failed", { dimension: "attribute", attribute: "city", value: "" })).toEqual([P(3)]);
    expect(await drill("read", { dimension: "tag", value: "Nobody" })).toEqual([]);

    const paged = await analyst.campaigns.contacts({ workspaceId, campaignId: "launch", stage: "read", group: { dimension: "tag", value: "VIP" }, page: 1, pageSize: 2 });
    expect(paged.total).toBe(3);
    expect(paged.rows.map((r) => r.contact)).toEqual([P(7)]);
    expect(paged.rows[0]).toMatchObject({ deliveredAt: "2026-03-03T10:30:00.000Z", readAt: "2026-03-03T12:00:00.000Z" });
  });

  it("agrees with every count of every breakdown", async () => {
    const STAGE_COLUMN = { sent: "recipients", delivered: "delivered", read: "read", replied: "replied", ignored: "ignored", failed: "failed" } as const;
    for (const by of [{ dimension: "tag" }, { dimension: "firstMessageTag" }, { dimension: "source" }, { dimension: "attribute", attribute: "city" }] as const) {
      for (const r of (await breakdown(by)).rows) {
        const group = { ...by, value: r.value, ...(r.ad ? { ad: true } : {}) };
        for (const [stage, column] of Object.entries(STAGE_COLUMN)) {
          const res = await analyst.campaigns.contacts({ workspaceId, campaignId: "launch", stage: stage as never, group: group as never, pageSize: 1 });
          expect({ by: by.dimension, value: r.value, ad: r.ad, stage, n: res.total }).toEqual({ by: by.dimension, value: r.value, ad: r.ad, stage, n: r[column] });
        }
      }
    }
  });

  it("saves a breakdown cell as a segment of exactly those contacts", async () => {
    const group = { dimension: "tag", value: "VIP" } as const;
    await expect(analyst.campaigns.saveAsSegment({ workspaceId, campaignId: "launch", stage: "read", group })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const saved = await marketer.campaigns.saveAsSegment({ workspaceId, campaignId: "launch", stage: "read", group });
    expect(saved.size).toBe(3);
    expect(saved.name).toMatch(/^Launch: read, tag “VIP” \(\d{4}-\d{2}-\d{2}\)$/);
    const segment = await analyst.segments.get({ workspaceId, segmentId: saved.segmentId });
    const preview = await analyst.segments.preview({ workspaceId, tree: segment.tree, sort: "phone", direction: "asc" });
    expect(preview.rows.map((r) => r.contact)).toEqual([P(1), P(4), P(7)]);

    const ignored = await marketer.campaigns.saveAsSegment({ workspaceId, campaignId: "launch", stage: "ignored", group: { dimension: "source", value: "import:web" } });
    expect(ignored.size).toBe(1);
    const ignoredTree = (await analyst.segments.get({ workspaceId, segmentId: ignored.segmentId })).tree;
    expect((await analyst.segments.preview({ workspaceId, tree: ignoredTree, sort: "phone", direction: "asc" })).rows.map((r) => r.contact)).toEqual([P(6)]);

    const fromAd = await marketer.campaigns.saveAsSegment({ workspaceId, campaignId: "launch", stage: "sent", group: { dimension: "source", value: "", ad: true } });
    expect(fromAd).toMatchObject({ size: 2, name: expect.stringMatching(/^Launch: sent, came from an ad/) });
    await expect(
      marketer.campaigns.saveAsSegment({ workspaceId, campaignId: "launch", stage: "failed", group: { dimension: "tag", value: "VIP" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/Nobody/) });
  });

  it("counts a recipient in the groups of its latest profile when a later round changed its tags and city", async () => {
    // Each round writes its contacts' new rows beside the old ones; the breakdown reads the latest of each.
    const ws = await createTestWorkspace(store(), { members: [{ role: "analyst" }] });
    const caller = callerFor(store(), ws.members[0].userId);
    await upsertAttributeDefinitions(store(), ws.workspaceId, [{ name: "city", type: "text", options: [] }]);
    const [asha, ravi] = [P(91), P(92)];
    await ingestEvents(store(), ws.workspaceId, [vip(asha), city(asha, "Pune"), city(ravi, "Delhi")]);
    await ingestEvents(store(), ws.workspaceId, [
      created("relaunch", "Relaunch", "09:00:00"),
      ...[asha, ravi].flatMap((p) => [send("relaunch", p, "10:00:00"), status("relaunch", p, "10:01:00", "delivered")]),
    ]);
    const relaunch = (by: Parameters<typeof analyst.campaigns.breakdown>[0]["by"]) =>
      caller.campaigns.breakdown({ workspaceId: ws.workspaceId, campaignId: "relaunch", by }).then((r) => r.rows.map((g) => [g.value, g.recipients]));
    expect(await relaunch({ dimension: "tag" })).toEqual([["VIP", 1]]);
    expect(await relaunch({ dimension: "attribute", attribute: "city" })).toEqual([["Delhi", 1], ["Pune", 1]]);

    await ingestEvents(store(), ws.workspaceId, [
      ev({ type: "tag.removed", contact: asha, ts: at("03-04T09:00:00"), tag: "VIP", kind: "manual" }),
      ev({ type: "tag.added", contact: ravi, ts: at("03-04T09:00:00"), tag: "VIP", kind: "manual" }),
      ev({ type: "tag.added", contact: ravi, ts: at("03-04T09:00:00"), tag: "Gold", kind: "manual" }),
      ev({ type: "attribute.set", contact: ravi, ts: at("03-04T09:00:00"), attribute: "city", value: "Pune" }),
    ]);
    expect(await relaunch({ dimension: "tag" })).toEqual([["Gold", 1], ["VIP", 1]]);
    expect(await relaunch({ dimension: "attribute", attribute: "city" })).toEqual([["Pune", 2]]);
    const drilled = await caller.campaigns.contacts({
      workspaceId: ws.workspaceId,
      campaignId: "relaunch",
      stage: "delivered",
      group: { dimension: "tag", value: "VIP" } as never,
      pageSize: 50,
    });
    expect(drilled.rows.map((r) => r.contact)).toEqual([ravi]);
  });

  it("refuses a bad group with a message a person can act on", async () => {
    const bad = async (group: unknown, message: RegExp) => {
      const error = await analyst.campaigns.contacts({ workspaceId, campaignId: "launch", stage: "read", group: group as never }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      expect((error as Error).message).toMatch(message);
    };
    await bad({ dimension: "city", value: "Pune" }, /break down by tag, first-message tag, source or attribute/);
    await bad({ dimension: "tag", value: "" }, /name the tag/);
    await bad({ dimension: "attribute", attribute: "nope", value: "x" }, /no attribute “nope” in this workspace/);
    await bad({ dimension: "source", value: "organic", ad: true }, /came from an ad.*no source value/);
  });

  it("gives the read rate by weekday and hour of delivery, in UTC", async () => {
    const timing = await analyst.campaigns.timing({ workspaceId, ...RANGE });
    expect(timing.timeZone).toBe("UTC");
    expect(timing.cells).toHaveLength(7 * 24);
    expect(timing.cells[0]).toMatchObject({ weekday: 1, hour: 0 });
    const filled = timing.cells.filter((c) => c.delivered > 0).map((c) => [c.weekday, c.hour, c.delivered, c.read, c.readRate]);
    // Tuesday 10: P1, P2, P5 (reply = read), P6, P7; Tuesday 11: P4, whose read had no delivered tick;
    // Sunday 20: Q1 (read at 21, counted at delivery), Q2; Sunday 23: Q3; Monday 0: Q4.
    expect(filled).toEqual([
      [1, 0, 1, 1, 1],
      [2, 10, 5, 3, 0.6],
      [2, 11, 1, 1, 1],
      [7, 20, 2, 1, 0.5],
      [7, 23, 1, 0, 0],
    ]);
    expect(timing.cells.every((c) => c.few === c.delivered < 30)).toBe(true);
    expect(timing.totals).toEqual({ delivered: 10, read: 6 });
    // The same campaigns as the list's totals for the range.
    expect((await analyst.campaigns.summary({ workspaceId, ...RANGE })).totals.delivered).toBe(10);
    // Ten deliveries support no hour above the others (test/unit/campaign-timing.test.ts ranks bigger ones).
    expect(timing.best).toEqual([]);

    const feb = await analyst.campaigns.timing({ workspaceId, from: "2026-02-01", to: "2026-02-28" });
    expect(feb.cells.filter((c) => c.delivered > 0).map((c) => [c.weekday, c.hour, c.delivered, c.read])).toEqual([[2, 10, 1, 1]]);
    await expect(analyst.campaigns.timing({ workspaceId, from: "2026-03-31", to: "2026-03-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
