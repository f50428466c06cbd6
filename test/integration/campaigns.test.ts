import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { upsertAttributeDefinitions } from "@/clickhouse/queries/attributes";
import { eventSchema } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { callerFor, createTestWorkspace, randomId } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

const store = useTestStore();

/**
 * A hand-made campaign, "Summer sale", sent on 2 March 2026 at 10:00 to 13
 * people whose every tick is known (times below are 2 March unless said):
 *
 *   r01 delivered 10:00:30, read 10:00:50 (20 s), replied 10:05 — as "Asha"
 *   r02 delivered 10:01 and again 10:02, read 10:04 (3 min) and again 10:30; the read retried
 *   r03 read 10:20 arrives before delivered 10:30: delivered counts from 10:20 (0 s)
 *   r04 delivered 10:00:10, read 12:00:10 (2 h)
 *   r05 delivered 10:01, never read, a late "failed" 10:05 (code 131026) does not undo the delivery: ignored
 *   r06 delivered 10:01, read 3 March 12:01 (26 h)
 *   r07 failed 10:00:05, 131026 "Message undeliverable"
 *   r08 failed 10:00:05, 131047 "Re-engagement message"
 *   r09 failed 10:00:06, 131026 "Message undeliverable"
 *   r10 sent, nothing since (pending)
 *   r11 delivered 10:02, no read tick (receipts off) but replied 10:40: read at 10:40 (38 min)
 *   r12 delivered 10:00:20, read 10:10:20 (10 min)
 *   r13 delivered 10:00, read 17:00 (7 h)
 *
 * Beside it: "Autumn" (5 March, 2 people, one read), a campaign with no
 * created event ("ghost", 6 March, one send), and "Old" (1 February, outside
 * the range). Another workspace has a campaign with the same id and phones.
 */
const RANGE = { from: "2026-03-01", to: "2026-03-31" };
const R = (n: number) => `+9199000000${String(n).padStart(2, "0")}`;
const ALL = Array.from({ length: 13 }, (_, i) => R(i + 1));

let seq = 0;
const ev = (e: Record<string, unknown>) => eventSchema.parse({ event_id: `e${++seq}`, ...e });
const at = (iso: string) => (iso.length <= 8 ? `2026-03-02T${iso}Z` : `2026-${iso}Z`);
const iso = (t: string) => new Date(at(t)).toISOString();
const wamid = (campaign: string, contact: string) => `wamid.${campaign}.${contact}`;
const send = (campaign: string, contact: string, ts: string) =>
  ev({ type: "message.outbound", kind: "template", contact, ts: at(ts), wamid: wamid(campaign, contact), campaign_id: campaign, template: "sale_v1" });
const status = (campaign: string, contact: string, ts: string, s: string, error?: { code: number; title: string }, id?: string) =>
  ev({ type: "message.status", contact, ts: at(ts), wamid: wamid(campaign, contact), status: s, error, ...(id ? { event_id: id } : {}) });
const reply = (campaign: string, contact: string, ts: string, name?: string) =>
  ev({ type: "message.inbound", contact, ts: at(ts), text: "Interested!", context_wamid: wamid(campaign, contact), profile_name: name });
const created = (campaign: string, name: string, ts: string) =>
  ev({ type: "campaign.created", campaign_id: campaign, name, template: "sale_v1", ts: at(ts) });
const sentEvent = (campaign: string, ts: string) => ev({ type: "campaign.sent", campaign_id: campaign, ts: at(ts) });

const UNDELIVERABLE = { code: 131026, title: "Message undeliverable" };
const REENGAGE = { code: 131047, title: "Re-engagement message" };

function summer(c = "summer") {
  return [
    created(c, "Summer sale", "09:00:00"),
    sentEvent(c, "10:00:00"),
    ...ALL.map((p) => send(c, p, "10:00:00")),
    status(c, R(1), "10:00:30", "delivered"),
    status(c, R(1), "10:00:50", "read"),
    reply(c, R(1), "10:05:00", "Asha"),
    status(c, R(2), "10:01:00", "delivered"),
    status(c, R(2), "10:02:00", "delivered"),
    status(c, R(2), "10:04:00", "read", undefined, "r02-read"),
    status(c, R(2), "10:30:00", "read"),
    status(c, R(4), "10:00:10", "delivered"),
    status(c, R(4), "12:00:10", "read"),
    status(c, R(5), "10:01:00", "delivered"),
    status(c, R(5), "10:05:00", "failed", UNDELIVERABLE),
    status(c, R(6), "10:01:00", "delivered"),
    status(c, R(6), "03-03T12:01:00", "read"),
    status(c, R(7), "10:00:05", "failed", UNDELIVERABLE),
    status(c, R(8), "10:00:05", "failed", REENGAGE),
    status(c, R(9), "10:00:06", "failed", UNDELIVERABLE),
    status(c, R(11), "10:02:00", "delivered"),
    reply(c, R(11), "10:40:00"),
    status(c, R(12), "10:00:20", "delivered"),
    status(c, R(12), "10:10:20", "read"),
    status(c, R(13), "10:00:00", "delivered"),
    status(c, R(13), "17:00:00", "read"),
  ];
}

describe("campaign analytics", () => {
  let workspaceId: string;
  let api: ReturnType<typeof callerFor>;
  let marketer: ReturnType<typeof callerFor>;
  let outsider: ReturnType<typeof callerFor>;
  let otherWorkspaceId: string;

  beforeAll(async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "analyst" }, { role: "marketer" }] });
    workspaceId = ws.workspaceId;
    api = callerFor(store(), ws.members[0].userId);
    marketer = callerFor(store(), ws.members[1].userId);
    // Batch 1: the campaign; the retried read of r02 comes again in batch 2 (a duplicate, ignored).
    await ingestEvents(store(), workspaceId, summer());
    // r03's statuses arrive out of order, in later batches: read first, then the (later stamped) delivered.
    await ingestEvents(store(), workspaceId, [status("summer", R(3), "10:20:00", "read"), status("summer", R(2), "10:04:00", "read", undefined, "r02-read")]);
    await ingestEvents(store(), workspaceId, [status("summer", R(3), "10:30:00", "delivered")]);
    await ingestEvents(store(), workspaceId, [
      created("autumn", "Autumn", "03-05T08:00:00"),
      sentEvent("autumn", "03-05T09:00:00"),
      send("autumn", R(1), "03-05T09:00:00"),
      send("autumn", R(20), "03-05T09:00:00"),
      status("autumn", R(1), "03-05T09:01:00", "read"),
      status("autumn", R(20), "03-05T09:01:00", "delivered"),
      send("ghost", R(21), "03-06T09:00:00"),
      created("old", "Old", "02-01T08:00:00"),
      sentEvent("old", "02-01T09:00:00"),
      send("old", R(1), "02-01T09:00:00"),
      status("old", R(1), "02-01T09:01:00", "read"),
    ]);
    // Audiences: VIP on r01 (read), r05 (ignored), r07 (failed); Lead on r05 then removed; plan on r01, r02, r05.
    const tag = (contact: string, t: string, type = "tag.added") => ev({ type, contact, ts: at("01-01T00:00:00"), tag: t, kind: "manual" });
    const plan = (contact: string, value: string) => ev({ type: "attribute.set", contact, ts: at("01-01T00:00:00"), attribute: "plan", value });
    await upsertAttributeDefinitions(store(), workspaceId, [{ name: "plan", type: "text", options: [] }]);
    await ingestEvents(store(), workspaceId, [
      tag(R(1), "VIP"),
      tag(R(5), "VIP"),
      tag(R(7), "VIP"),
      tag(R(5), "Lead"),
      ev({ type: "tag.removed", contact: R(5), ts: at("01-02T00:00:00"), tag: "Lead", kind: "manual" }),
      tag(R(2), "Lead"),
      plan(R(1), "Premium"),
      plan(R(2), "Premium"),
      plan(R(5), "Basic"),
    ]);
    // Another tenant: the same campaign id and phones, everyone read at once.
    const other = await createTestWorkspace(store(), { members: [{ role: "admin" }] });
    outsider = callerFor(store(), other.members[0].userId);
    otherWorkspaceId = other.workspaceId;
    await ingestEvents(
      store(),
      other.workspaceId,
      [...ALL, R(30)].flatMap((p) => [send("summer", p, "10:00:00"), status("summer", p, "10:00:01", "read")]).map((e) => ({ ...e, event_id: randomId("o") })),
    );
  });

  it("lists the range's campaigns with their ticks and rates", async () => {
    const { rows, total } = await api.campaigns.list({ workspaceId, ...RANGE });
    expect(total).toBe(3);
    expect(rows.map((r) => r.campaignId)).toEqual(["ghost", "autumn", "summer"]);
    expect(rows[2]).toEqual({
      campaignId: "summer",
      name: "Summer sale",
      template: "sale_v1",
      sentAt: iso("10:00:00"),
      recipients: 13,
      delivered: 9,
      read: 8,
      replied: 2,
      failed: 3,
      readRate: 8 / 9,
      ignoredRate: 1 / 9,
      replyRate: 2 / 9,
      // No conversion event: the conversion columns are zero, with no revenue in any currency.
      conversions: 0,
      converted: 0,
      engaged: 0,
      withoutValue: 0,
      revenue: [],
      conversionRate: 0,
      engagedRate: null,
      revenuePerRecipient: [],
      roas: null,
      costPerConversion: null,
      costCurrency: null,
    });
    expect(rows[0]).toMatchObject({ name: "ghost", sentAt: iso("03-06T09:00:00"), recipients: 1, delivered: 0, readRate: null });
    expect(rows[1]).toMatchObject({ name: "Autumn", recipients: 2, delivered: 2, read: 1, readRate: 0.5, ignoredRate: 0.5 });
  });

  it("sorts by a whitelisted key (rates without deliveries last), searches by name, pages", async () => {
    const byRate = await api.campaigns.list({ workspaceId, ...RANGE, sort: "readRate", direction: "desc" });
    expect(byRate.rows.map((r) => r.campaignId)).toEqual(["summer", "autumn", "ghost"]);
    const byRateAsc = await api.campaigns.list({ workspaceId, ...RANGE, sort: "readRate", direction: "asc" });
    expect(byRateAsc.rows.map((r) => r.campaignId)).toEqual(["autumn", "summer", "ghost"]);
    const byName = await api.campaigns.list({ workspaceId, ...RANGE, sort: "name", direction: "asc", pageSize: 2, page: 1 });
    expect(byName).toMatchObject({ total: 3, rows: [{ campaignId: "summer" }] });
    const search = await api.campaigns.list({ workspaceId, ...RANGE, search: "SUMM" });
    expect(search.rows.map((r) => r.campaignId)).toEqual(["summer"]);
    const past = await api.campaigns.list({ workspaceId, ...RANGE, page: 5 });
    expect(past).toMatchObject({ rows: [], total: 3 });
    const feb = await api.campaigns.list({ workspaceId, from: "2026-02-01", to: "2026-02-28" });
    expect(feb.rows.map((r) => r.name)).toEqual(["Old"]);
  });

  it("totals the range and gives the read rate of each day", async () => {
    const { totals, days } = await api.campaigns.summary({ workspaceId, ...RANGE });
    expect(totals).toEqual({
      campaigns: 3,
      recipients: 16,
      delivered: 11,
      read: 9,
      replied: 2,
      failed: 3,
      readRate: 9 / 11,
      ignoredRate: 2 / 11,
      replyRate: 2 / 11,
    });
    expect(days).toHaveLength(31);
    expect(days.filter((d) => d.campaigns > 0).map((d) => [d.day, d.campaigns, d.readRate, d.names])).toEqual([
      ["2026-03-02", 1, 8 / 9, ["Summer sale"]],
      ["2026-03-05", 1, 0.5, ["Autumn"]],
      ["2026-03-06", 1, null, ["ghost"]],
    ]);
    // The cards' baseline: the 31 days before the range, when "Old" went out (February).
    const { previous } = await api.campaigns.summary({ workspaceId, ...RANGE });
    expect(previous?.range).toEqual({ from: "2026-01-29", to: "2026-02-28", timeZone: "UTC" });
    expect(previous?.totals.campaigns).toBe(1);
    // A day without sends has no rate, so the chart's line breaks there instead of drawing through it.
    expect(days.find((d) => d.day === "2026-03-03")).toMatchObject({ campaigns: 0, readRate: null, names: [] });
  });

  it("gives the funnel with shares of sent and of the previous step, ignored and failed by error", async () => {
    const report = await api.campaigns.report({ workspaceId, campaignId: "summer" });
    expect(report.campaign).toEqual({
      campaignId: "summer",
      name: "Summer sale",
      template: "sale_v1",
      createdAt: iso("09:00:00"),
      sentAt: iso("10:00:00"),
    });
    // Eight read, seven with a read receipt: r11 only replied, which proves the read.
    expect(report.counts).toEqual({ sent: 13, delivered: 9, read: 8, readReceipts: 7, replied: 2, ignored: 1, failed: 3, pending: 1, optedOut: 0 });
    expect(report.steps).toEqual([
      { stage: "sent", count: 13, ofSent: 1, ofPrevious: 1 },
      { stage: "delivered", count: 9, ofSent: 9 / 13, ofPrevious: 9 / 13 },
      { stage: "read", count: 8, ofSent: 8 / 13, ofPrevious: 8 / 9 },
      { stage: "replied", count: 2, ofSent: 2 / 13, ofPrevious: 2 / 8 },
      // Converted follows, as a share of delivered: nobody converted here (conversions.test.ts has them).
      { stage: "converted", count: 0, ofSent: 0, ofPrevious: 0 },
    ]);
    expect(report.ignored).toEqual({ count: 1, ofDelivered: 1 / 9 });
    expect(report.failed).toEqual({
      count: 3,
      ofSent: 3 / 13,
      byError: [
        { errorCode: 131026, errorTitle: "Message undeliverable", contacts: 2 },
        { errorCode: 131047, errorTitle: "Re-engagement message", contacts: 1 },
      ],
    });
  });

  it("measures time to read: delivered → read buckets and the cumulative share by hours since sending", async () => {
    const report = await api.campaigns.report({ workspaceId, campaignId: "summer" });
    // r01 20 s, r03 0 s | r02 3 min | r12 10 min | r11 38 min | r04 2 h | r13 7 h | r06 26 h
    expect(report.readDelay).toEqual([
      { label: "< 1 min", reads: 2 },
      { label: "1–5 min", reads: 1 },
      { label: "5–15 min", reads: 1 },
      { label: "15–60 min", reads: 1 },
      { label: "1–6 h", reads: 1 },
      { label: "6–24 h", reads: 1 },
      { label: "> 24 h", reads: 1 },
    ]);
    // Since the 10:00 send: r01, r02, r03, r11, r12 within the first hour; r04 at 2 h 0 min 10 s; r13 at 7 h; r06 at 26 h 1 min.
    const within = report.readCurve.map((p) => p.reads);
    expect(within).toHaveLength(73);
    expect(within.slice(0, 9)).toEqual([0, 5, 5, 6, 6, 6, 6, 7, 7]);
    expect(within[26]).toBe(7);
    expect(within[27]).toBe(8);
    expect(within[72]).toBe(8);
    expect(report.readCurve[1].share).toBe(5 / 9);
  });

  it("lists each stage's contacts exactly, paged", async () => {
    const list = async (stage: "sent" | "delivered" | "read" | "replied" | "ignored" | "failed", errorCode?: number) => {
      const res = await api.campaigns.contacts({ workspaceId, campaignId: "summer", stage, errorCode, pageSize: 50 });
      expect(res.total).toBe(res.rows.length);
      return res.rows.map((r) => r.contact);
    };
    expect(await list("sent")).toEqual(ALL);
    expect(await list("delivered")).toEqual([1, 2, 3, 4, 5, 6, 11, 12, 13].map(R));
    expect(await list("read")).toEqual([1, 2, 3, 4, 6, 11, 12, 13].map(R));
    expect(await list("replied")).toEqual([R(1), R(11)]);
    expect(await list("ignored")).toEqual([R(5)]);
    expect(await list("failed")).toEqual([R(7), R(8), R(9)]);
    expect(await list("failed", 131026)).toEqual([R(7), R(9)]);
    expect(await list("failed", 131047)).toEqual([R(8)]);
    expect(await list("failed", 1)).toEqual([]);

    const page = await api.campaigns.contacts({ workspaceId, campaignId: "summer", stage: "sent", page: 1, pageSize: 5 });
    expect(page.total).toBe(13);
    expect(page.rows.map((r) => r.contact)).toEqual([6, 7, 8, 9, 10].map(R));

    const read = await api.campaigns.contacts({ workspaceId, campaignId: "summer", stage: "read", pageSize: 3 });
    expect(read.rows).toEqual([
      { contact: R(1), name: "Asha", sentAt: iso("10:00:00"), deliveredAt: iso("10:00:30"), readAt: iso("10:00:50"), repliedAt: iso("10:05:00"), repliedInWindow: false, failedAt: null, errorCode: 0, errorTitle: "" },
      { contact: R(2), name: "", sentAt: iso("10:00:00"), deliveredAt: iso("10:01:00"), readAt: iso("10:04:00"), repliedAt: null, repliedInWindow: false, failedAt: null, errorCode: 0, errorTitle: "" },
      { contact: R(3), name: "", sentAt: iso("10:00:00"), deliveredAt: iso("10:20:00"), readAt: iso("10:20:00"), repliedAt: null, repliedInWindow: false, failedAt: null, errorCode: 0, errorTitle: "" },
    ]);
    const failed = await api.campaigns.contacts({ workspaceId, campaignId: "summer", stage: "failed", pageSize: 1 });
    expect(failed.rows[0]).toMatchObject({ contact: R(7), deliveredAt: null, failedAt: iso("10:00:05"), errorCode: 131026, errorTitle: "Message undeliverable" });
    const ignored = await api.campaigns.contacts({ workspaceId, campaignId: "summer", stage: "ignored" });
    expect(ignored.rows[0]).toMatchObject({ contact: R(5), deliveredAt: iso("10:01:00"), failedAt: null, errorCode: 0 });
  });

  it("saves a stage as a static segment (admins and marketers only)", async () => {
    await expect(api.campaigns.saveAsSegment({ workspaceId, campaignId: "summer", stage: "ignored" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const saved = await marketer.campaigns.saveAsSegment({ workspaceId, campaignId: "summer", stage: "failed", errorCode: 131026 });
    expect(saved.size).toBe(2);
    expect(saved.name).toMatch(/^Summer sale: failed with error 131026 \(\d{4}-\d{2}-\d{2}\)$/);
    const segment = await api.segments.get({ workspaceId, segmentId: saved.segmentId });
    expect(segment).toMatchObject({ kind: "static", name: saved.name });
    const count = await api.segments.count({ workspaceId, tree: segment.tree });
    expect(count.matching).toBe(2);
    const preview = await api.segments.preview({ workspaceId, tree: segment.tree, sort: "phone", direction: "asc" });
    expect(preview.rows.map((r) => r.contact)).toEqual([R(7), R(9)]);
    const named = await marketer.campaigns.saveAsSegment({ workspaceId, campaignId: "summer", stage: "ignored", name: "  Nudge again " });
    expect(named).toMatchObject({ name: "Nudge again", size: 1 });
    await expect(marketer.campaigns.saveAsSegment({ workspaceId, campaignId: "summer", stage: "failed", errorCode: 1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("breaks the recipients down by tag and by an attribute's value", async () => {
    const row = (value: string, recipients: number, delivered: number, read: number, replied: number, ignored: number, failed: number) =>
      ({ value, ad: false, recipients, delivered, read, replied, ignored, failed, readRate: delivered ? read / delivered : null, replyRate: delivered ? replied / delivered : null, small: true });
    const byTag = await api.campaigns.breakdown({ workspaceId, campaignId: "summer", by: { dimension: "tag" } });
    expect(byTag.rows).toEqual([row("VIP", 3, 2, 1, 1, 1, 1), row("Lead", 1, 1, 1, 0, 0, 0)]);
    const byPlan = await api.campaigns.breakdown({ workspaceId, campaignId: "summer", by: { dimension: "attribute", attribute: "plan" } });
    expect(byPlan.rows).toEqual([row("", 10, 6, 6, 1, 0, 3), row("Premium", 2, 2, 2, 1, 0, 0), row("Basic", 1, 1, 0, 0, 1, 0)]);
  });

  it("compares campaigns side by side, in the order asked", async () => {
    const rows = await api.campaigns.compare({ workspaceId, campaignIds: ["autumn", "summer"] });
    expect(rows.map((r) => [r.campaignId, r.name, r.sent, r.delivered, r.read, r.replied, r.ignored, r.failed, r.readRate])).toEqual([
      ["autumn", "Autumn", 2, 2, 1, 0, 1, 0, 0.5],
      ["summer", "Summer sale", 13, 9, 8, 2, 1, 3, 8 / 9],
    ]);
    const summerReport = await api.campaigns.report({ workspaceId, campaignId: "summer" });
    expect(rows[1].readCurve).toEqual(summerReport.readCurve);
    await expect(api.campaigns.compare({ workspaceId, campaignIds: ["summer"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.campaigns.compare({ workspaceId, campaignIds: ["summer", "summer"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.campaigns.compare({ workspaceId, campaignIds: ["summer", "nope"] })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers bad input with a readable BAD_REQUEST, an unknown campaign with NOT_FOUND", async () => {
    const bad = async (p: Promise<unknown>, message: RegExp) => {
      const error = await p.then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      expect((error as Error).message).toMatch(message);
    };
    await bad(api.campaigns.list({ workspaceId, ...RANGE, sort: "name; DROP TABLE events" as never }), /sort by one of/);
    await bad(api.campaigns.list({ workspaceId, from: "2026-03-31", to: "2026-03-01" }), /on or before/);
    await bad(api.campaigns.list({ workspaceId, from: "2024-01-01", to: "2026-03-01" }), /at most 366 days/);
    await bad(api.campaigns.contacts({ workspaceId, campaignId: "summer", stage: "bogus" as never }), /stage must be one of/);
    await bad(api.campaigns.contacts({ workspaceId, campaignId: "summer", stage: "read", errorCode: 131026 }), /only the failed stage/);
    await expect(api.campaigns.report({ workspaceId, campaignId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.campaigns.contacts({ workspaceId, campaignId: "nope", stage: "sent" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps tenants apart", async () => {
    await expect(outsider.campaigns.list({ workspaceId, ...RANGE })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outsider.campaigns.report({ workspaceId, campaignId: "summer" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The other tenant's own "summer" is its own: 14 sends, all read.
    const theirs = await outsider.campaigns.report({ workspaceId: otherWorkspaceId, campaignId: "summer" });
    expect(theirs.counts).toMatchObject({ sent: 14, delivered: 14, read: 14, failed: 0 });
    await expect(callerFor(store(), null).campaigns.list({ workspaceId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("a status that arrives before its message", () => {
  /**
   * The Summer sale once more, its events arriving three ways: every message
   * before its statuses; every status in a round before the messages; and in
   * four rounds, statuses of half the recipients before their messages and
   * half after, with two rounds replayed. (Replies come with or after the
   * messages: a reply is tied to its campaign by its own context.)
   */
  const events = summer("late");
  const isStatus = (e: (typeof events)[number]) => e.type === "message.status";
  const statuses = events.filter(isStatus);
  const rest = events.filter((e) => !isStatus(e));
  const firstHalf = new Set(ALL.slice(0, 7));
  const half = (list: typeof events, first: boolean) => list.filter((e) => firstHalf.has(e.contact ?? "") === first);
  const ARRIVALS: Record<string, Array<typeof events>> = {
    "messages first": [events],
    "statuses first": [statuses, rest],
    "mixed, over four rounds, two replayed": [
      half(statuses, true),
      [...rest.filter((e) => e.type !== "message.outbound" && e.type !== "message.inbound"), ...half(rest.filter((e) => e.type === "message.outbound"), true)],
      half(statuses, false),
      half(statuses, true),
      [...rest.filter((e) => e.type === "message.outbound" || e.type === "message.inbound")],
      half(statuses, false),
    ],
  };

  /** What every campaign screen reads, and the read models under them, for one workspace. */
  async function figures(workspaceId: string, userId: string) {
    const api = callerFor(store(), userId);
    const rows = (sql: string) => store().query(sql, { workspaceId }, { report: "test:campaigns" });
    return {
      report: await api.campaigns.report({ workspaceId, campaignId: "late" }),
      list: await api.campaigns.list({ workspaceId, ...RANGE }),
      summary: await api.campaigns.summary({ workspaceId, ...RANGE }),
      delivered: await api.campaigns.contacts({ workspaceId, campaignId: "late", stage: "delivered", pageSize: 50 }),
      recipients: await rows(`SELECT * EXCEPT (workspace_id, version) FROM recipients FINAL WHERE workspace_id = {workspaceId:String} ORDER BY campaign_id, contact`),
      campaign_stats: await rows(
        `SELECT campaign_id, bucket, sum(recipients), sum(delivered), sum(read), sum(replied), sum(failed)
         FROM campaign_stats WHERE workspace_id = {workspaceId:String}
         GROUP BY campaign_id, bucket HAVING sum(recipients) != 0 ORDER BY campaign_id, bucket`,
      ),
      contacts: await rows(`SELECT contact, campaign_sent, campaign_read FROM contacts FINAL WHERE workspace_id = {workspaceId:String} ORDER BY contact`),
      profile: (await api.profile.overview({ workspaceId, contact: R(2) })).campaigns,
      journey: (await api.profile.journey({ workspaceId, contact: R(2), limit: 50 })).events,
      journeyCounts: (await api.profile.overview({ workspaceId, contact: R(2) })).eventCounts,
    };
  }

  it("gives the same funnel, recipients, campaign stats, profile and journey whichever arrives first", async () => {
    const results: Record<string, Awaited<ReturnType<typeof figures>>> = {};
    for (const [name, rounds] of Object.entries(ARRIVALS)) {
      const ws = await createTestWorkspace(store(), { members: [{ role: "analyst" }] });
      for (const round of rounds) await ingestEvents(store(), ws.workspaceId, round);
      results[name] = await figures(ws.workspaceId, ws.members[0].userId);
    }
    const expected = results["messages first"];
    expect(expected.report.counts).toEqual({ sent: 13, delivered: 8, read: 7, readReceipts: 6, replied: 2, ignored: 1, failed: 3, pending: 2, optedOut: 0 });
    // r02: delivered twice, read twice (one of them retried): four ticks in the journey, each once, each with its campaign.
    const ticks = expected.journey.filter((e) => e.type === "message.status");
    expect(ticks.map((e) => [e.status, e.campaignName])).toEqual([
      ["read", "Summer sale"],
      ["read", "Summer sale"],
      ["delivered", "Summer sale"],
      ["delivered", "Summer sale"],
    ]);
    expect(expected.journeyCounts["message.status"]).toBe(4);
    for (const [name, result] of Object.entries(results)) expect(result, name).toEqual(expected);
  });
});
