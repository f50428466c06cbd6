import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { eventSchema } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { callerFor, createTestWorkspace } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

const store = useTestStore();

/**
 * A hand-made campaign, "Promo", sent on 2 March 2026 at 10:00 to 9 people
 * whose replies are known (times are 2 March unless said):
 *
 *   p1 delivered, read 10:02, replied 10:05 through WhatsApp's context: replied in any window
 *   p2 delivered, read 10:03, wrote 3 March 09:00 without context (23 h): replied within 24 h, not 12 h
 *   p3 delivered, no read tick, wrote 4 March 10:00 (48 h): replied (and so read) within 72 h only
 *   p4 delivered, read, wrote 5 March 10:01 (72 h 1 min): just outside the default window
 *   p5 delivered, wrote 09:30, before the send (and another workspace's p5 wrote in the window): never replied
 *   p6 delivered, read, wrote 12:00 (sent twice, one event id) and 13:00: replied at 12:00 within ≥ 2 h
 *   p7 failed; wrote 11:00: a message that never arrived prompted nothing
 *   p8 delivered; wrote 11:00 answering another campaign ("Other"): that one's reply, not Promo's
 *   p9 sent, nothing since (pending); wrote 11:00: not delivered, so not a reply
 *
 * Pricing: every delivered Promo message is `marketing`, repeated on each of
 * its statuses (p1's delivered status also arrives twice); "OTP" has two
 * `authentication` messages and one free (billable: false) `service` one.
 */
const P = (n: number) => `+9198700000${String(n).padStart(2, "0")}`;
const ALL = Array.from({ length: 9 }, (_, i) => P(i + 1));

let seq = 0;
const ev = (e: Record<string, unknown>) => eventSchema.parse({ event_id: `e${++seq}`, ...e });
const at = (t: string) => (t.length <= 8 ? `2026-03-02T${t}Z` : `2026-${t}Z`);
const iso = (t: string) => new Date(at(t)).toISOString();
const wamid = (campaign: string, contact: string) => `wamid.${campaign}.${contact}`;
const MARKETING = { category: "marketing", billable: true, model: "PMP" };

const send = (campaign: string, contact: string, ts = "10:00:00") =>
  ev({ type: "message.outbound", kind: "template", contact, ts: at(ts), wamid: wamid(campaign, contact), campaign_id: campaign, template: "promo_v1" });
const status = (campaign: string, contact: string, ts: string, s: string, extra: Record<string, unknown> = {}) =>
  ev({ type: "message.status", contact, ts: at(ts), wamid: wamid(campaign, contact), status: s, ...extra });
const inbound = (contact: string, ts: string, extra: Record<string, unknown> = {}) =>
  ev({ type: "message.inbound", contact, ts: at(ts), text: "hello", ...extra });

function promo() {
  const c = "promo";
  const delivered = (p: string, ts = "10:01:00") => status(c, p, ts, "delivered", { pricing: MARKETING });
  const read = (p: string, ts: string) => status(c, p, ts, "read", { pricing: MARKETING });
  return [
    ev({ type: "campaign.created", campaign_id: c, name: "Promo", template: "promo_v1", ts: at("09:00:00") }),
    ...ALL.map((p) => send(c, p)),
    status(c, P(1), "10:00:10", "sent", { pricing: MARKETING }),
    status(c, P(1), "10:01:00", "delivered", { pricing: MARKETING, event_id: "p1-delivered" }),
    read(P(1), "10:02:00"),
    inbound(P(1), "10:05:00", { context_wamid: wamid(c, P(1)) }),
    delivered(P(2)),
    read(P(2), "10:03:00"),
    inbound(P(2), "03-03T09:00:00"),
    delivered(P(3)),
    inbound(P(3), "03-04T10:00:00"),
    delivered(P(4)),
    read(P(4), "10:30:00"),
    inbound(P(4), "03-05T10:01:00"),
    inbound(P(5), "09:30:00"),
    delivered(P(5)),
    delivered(P(6)),
    read(P(6), "11:00:00"),
    inbound(P(6), "12:00:00", { event_id: "p6-hello" }),
    inbound(P(6), "13:00:00"),
    status(c, P(7), "10:00:05", "failed", { error: { code: 131026, title: "Message undeliverable" } }),
    inbound(P(7), "11:00:00"),
    delivered(P(8)),
    inbound(P(8), "11:00:00", { context_wamid: wamid("other", P(8)) }),
    inbound(P(9), "11:00:00"),
  ];
}

describe("campaign replies within a reply window, and cost", () => {
  let workspaceId: string;
  let admin: ReturnType<typeof callerFor>;
  let marketer: ReturnType<typeof callerFor>;
  let analyst: ReturnType<typeof callerFor>;

  beforeAll(async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "admin" }, { role: "marketer" }, { role: "analyst" }] });
    workspaceId = ws.workspaceId;
    [admin, marketer, analyst] = ws.members.map((m) => callerFor(store(), m.userId));
    // "Other" was sent to p8 the day before; p8's 11:00 message answers it.
    await ingestEvents(store(), workspaceId, [send("other", P(8), "03-01T10:00:00"), status("other", P(8), "03-01T10:01:00", "delivered")]);
    await ingestEvents(store(), workspaceId, promo());
    // Retries: p6's message and p1's delivered status come again (same event ids: stored once).
    await ingestEvents(store(), workspaceId, [
      inbound(P(6), "12:00:00", { event_id: "p6-hello" }),
      status("promo", P(1), "10:01:00", "delivered", { pricing: MARKETING, event_id: "p1-delivered" }),
    ]);
    await ingestEvents(store(), workspaceId, [
      ev({ type: "campaign.created", campaign_id: "otp", name: "OTP", template: "otp_v1", ts: at("09:00:00") }),
      ...[1, 2, 3].map((n) => send("otp", P(n), "10:10:00")),
      status("otp", P(1), "10:10:01", "sent", { pricing: { category: "authentication", billable: true } }),
      status("otp", P(1), "10:10:02", "delivered", { pricing: { category: "authentication", billable: true } }),
      status("otp", P(2), "10:10:02", "delivered", { pricing: { category: "Authentication", billable: true } }),
      status("otp", P(3), "10:10:02", "delivered", { pricing: { category: "service", billable: false } }),
    ]);
    // Another workspace: the same phones, writing inside Promo's window.
    const other = await createTestWorkspace(store());
    await ingestEvents(store(), other.workspaceId, [inbound(P(5), "11:00:00"), inbound(P(4), "11:00:00")]);
  });

  const report = (replyWindowHours?: number) => admin.campaigns.report({ workspaceId, campaignId: "promo", replyWindowHours });
  const replied = async (replyWindowHours?: number) => {
    const res = await admin.campaigns.contacts({ workspaceId, campaignId: "promo", stage: "replied", pageSize: 50, replyWindowHours });
    expect(res.total).toBe(res.rows.length);
    return res.rows.map((r) => [r.contact, r.repliedAt, r.repliedInWindow]);
  };

  it("counts context replies, then replies within the window (72 h by default)", async () => {
    const r = await report();
    expect(r.replyWindowHours).toBe(72);
    // Replied p1 p2 p3 p6; p3's reply proves its read (the one read without a receipt); ignored p5 p8.
    expect(r.counts).toEqual({ sent: 9, delivered: 7, read: 5, readReceipts: 4, replied: 4, ignored: 2, failed: 1, pending: 1, optedOut: 0 });
    expect(await replied()).toEqual([
      [P(1), iso("10:05:00"), false],
      [P(2), iso("03-03T09:00:00"), true],
      [P(3), iso("03-04T10:00:00"), true],
      [P(6), iso("12:00:00"), true],
    ]);
  });

  it("narrows with a smaller window, and keeps replied ⊂ read ⊂ delivered", async () => {
    expect((await report(24)).counts).toEqual({ sent: 9, delivered: 7, read: 4, readReceipts: 4, replied: 3, ignored: 3, failed: 1, pending: 1, optedOut: 0 });
    expect((await replied(24)).map((r) => r[0])).toEqual([P(1), P(2), P(6)]);
    expect((await report(12)).counts.replied).toBe(2);
    expect((await replied(12)).map((r) => r[0])).toEqual([P(1), P(6)]);
    expect((await report(1)).counts.replied).toBe(1);
    // A month's window reaches p4 (72 h 1 min) but never p5 (before the send), p7, p8 or p9.
    expect((await replied(720)).map((r) => r[0])).toEqual([P(1), P(2), P(3), P(4), P(6)]);
    const read = await admin.campaigns.contacts({ workspaceId, campaignId: "promo", stage: "read", pageSize: 50, replyWindowHours: 24 });
    expect(read.rows.map((r) => r.contact)).toEqual([P(1), P(2), P(4), P(6)]);
  });

  it("uses the same window in the breakdowns, the comparison, a saved segment, and 72 h in the list", async () => {
    await ingestEvents(store(), workspaceId, [P(2), P(3)].map((contact) => ev({ type: "tag.added", contact, ts: at("01-01T00:00:00"), tag: "VIP", kind: "manual" })));
    const vip = async (replyWindowHours: number) =>
      (await admin.campaigns.breakdown({ workspaceId, campaignId: "promo", by: { dimension: "tag" }, replyWindowHours })).rows.find((a) => a.value === "VIP");
    expect(await vip(72)).toMatchObject({ recipients: 2, delivered: 2, read: 2, replied: 2 });
    expect(await vip(24)).toMatchObject({ recipients: 2, delivered: 2, read: 1, replied: 1 });
    const compared = await admin.campaigns.compare({ workspaceId, campaignIds: ["promo", "other"], replyWindowHours: 24 });
    expect(compared.map((c) => [c.campaignId, c.replied, c.read])).toEqual([
      ["promo", 3, 4],
      ["other", 1, 1],
    ]);
    const list = await admin.campaigns.list({ workspaceId, from: "2026-03-01", to: "2026-03-31" });
    expect(list.rows.find((r) => r.campaignId === "promo")).toMatchObject({ delivered: 7, read: 5, replied: 4, replyRate: 4 / 7 });
    const saved = await marketer.campaigns.saveAsSegment({ workspaceId, campaignId: "promo", stage: "replied", replyWindowHours: 24 });
    expect(saved.size).toBe(3);
    const segment = await admin.segments.get({ workspaceId, segmentId: saved.segmentId });
    const preview = await admin.segments.preview({ workspaceId, tree: segment.tree, sort: "phone", direction: "asc" });
    expect(preview.rows.map((r) => r.contact)).toEqual([P(1), P(2), P(6)]);
  });

  it("rejects a reply window out of bounds with a readable message", async () => {
    const bad = async (replyWindowHours: number, message: RegExp) => {
      const error = await report(replyWindowHours).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      expect((error as Error).message).toMatch(message);
    };
    await bad(0, /at least 1 hour/);
    await bad(721, /at most 720 hours/);
    await bad(1.5, /whole number of hours/);
  });

  it("counts billable messages by category, each message once, before any price is set", async () => {
    const { cost } = await report();
    expect(cost).toMatchObject({ pricesSet: false, currency: null, total: null, billableMessages: 7, perDelivered: null, perReply: null });
    expect(cost.billable).toEqual([{ category: "marketing", messages: 7, price: null, cost: null }]);
    const otp = await admin.campaigns.report({ workspaceId, campaignId: "otp" });
    // The free service message is not billable; "Authentication" is the same category.
    expect(otp.cost.billable).toEqual([{ category: "authentication", messages: 2, price: null, cost: null }]);
  });

  it("lets admins only set prices, validated", async () => {
    const prices = { marketing: 0.0107, utility: 0.004, authentication: 0.0035, service: null };
    for (const who of [marketer, analyst]) {
      await expect(who.settings.setPrices({ workspaceId, currency: "USD", prices })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const bad = async (input: Parameters<typeof admin.settings.setPrices>[0], message: RegExp) => {
      const error = await admin.settings.setPrices(input).then(() => null, (e: unknown) => e);
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      expect((error as Error).message).toMatch(message);
    };
    await bad({ workspaceId, currency: "dollars", prices }, /three-letter ISO code/);
    await bad({ workspaceId, currency: "USD", prices: { ...prices, marketing: -1 } }, /cannot be negative/);
    await bad({ workspaceId, currency: "USD", prices: { ...prices, utility: 0.0000001 } }, /at most 6 decimals/);
    expect((await analyst.settings.prices({ workspaceId })).prices.marketing).toBeNull();

    const saved = await admin.settings.setPrices({ workspaceId, currency: " usd ", prices });
    expect(saved).toMatchObject({ currency: "USD", prices });
    expect(await analyst.settings.prices({ workspaceId })).toMatchObject({ currency: "USD", prices });
  });

  it("gives the cost: total, per delivered, per read and per reply (with the report's window)", async () => {
    const r72 = await report();
    expect(r72.cost).toMatchObject({
      pricesSet: true,
      currency: "USD",
      billable: [{ category: "marketing", messages: 7, price: 0.0107, cost: 0.0749 }],
      total: 0.0749,
      unpriced: [],
    });
    expect(r72.cost.perDelivered).toBeCloseTo(0.0107, 10);
    expect(r72.cost.perRead).toBeCloseTo(0.0749 / 5, 10);
    expect(r72.cost.perReply).toBeCloseTo(0.0749 / 4, 10);
    expect((await report(24)).cost.perReply).toBeCloseTo(0.0749 / 3, 10);
    const otp = await admin.campaigns.report({ workspaceId, campaignId: "otp" });
    // OTP went to p1–p3 at 10:10: p2 and p3 wrote within 72 h of it too (a window reply counts for every campaign it follows).
    expect(otp.cost).toMatchObject({ total: 0.007, billableMessages: 2, unpriced: [] });
    expect(otp.counts).toMatchObject({ delivered: 3, replied: 2 });
    expect(otp.cost.perReply).toBeCloseTo(0.0035, 10);
  });
});
