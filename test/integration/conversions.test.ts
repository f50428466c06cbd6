import { beforeAll, describe, expect, it } from "vitest";
import { eventSchema, type ChatEvent } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { validateEvents } from "@/server/ingestion/validate";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { POST as postConversionsCsv } from "@/app/api/v1/conversions/import/route";
import { campaignConversions } from "@/clickhouse/queries/conversions";
import { createApiKey } from "@/server/auth/api-keys";
import { jsonRequest } from "../helpers/http";
import { callerFor, createTestWorkspace } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

const store = useTestStore();

/**
 * Two hand-made campaigns: "Spring" sent 2 March 2026 at 10:00 and "Summer"
 * 5 March at 10:00 (times are UTC). Who converted, and what it should count:
 *
 *   p1 Spring delivered 10:01, replied by its button 10:05; order A 1,000 INR 3 March 09:00: Spring, engaged
 *   p2 Spring delivered; signup 12 March 09:00 (10 days): outside 7 days, inside 14
 *   p3 Spring and Summer delivered; order 500 INR 6 March 09:00: Summer (the last touch)
 *   p4 Spring delivered; order B 200 INR on 3 March, and order B again 4 March: counts once
 *   p5 Spring delivered; a booking without a value 3 March 09:00
 *   p6 Spring delivered; order 25 USD 4 March 09:00: its own currency, inside 7 days, outside 1
 *   p7 Spring failed; order 300 INR 3 March: nothing was delivered, so no campaign's
 *   p8 Spring read 10:30 (no delivered tick); order 90 INR 2 March 09:00, before the send: none
 *
 * Every delivered Spring message is billable marketing at 0.80 INR: 6 × 0.80 = 4.80 INR.
 */
const P = (n: number) => `+9198711000${String(n).padStart(2, "0")}`;
const at = (t: string) => `2026-03-${t}Z`;
const wamid = (c: string, p: string) => `wamid.${c}.${p}`;
const MARKETING = { category: "marketing", billable: true, model: "PMP" };

function story(): ChatEvent[] {
  let seq = 0;
  const ev = (e: Record<string, unknown>) => eventSchema.parse({ event_id: `e${++seq}`, ...e });
  const send = (c: string, p: string, day: string) =>
    ev({ type: "message.outbound", kind: "template", contact: p, ts: at(`${day}T10:00:00`), wamid: wamid(c, p), campaign_id: c });
  const tick = (c: string, p: string, ts: string, status: string, extra: Record<string, unknown> = {}) =>
    ev({ type: "message.status", contact: p, ts: at(ts), wamid: wamid(c, p), status, ...extra });
  const delivered = (c: string, p: string, day = "02") => tick(c, p, `${day}T10:01:00`, "delivered", c === "spring" ? { pricing: MARKETING } : {});
  const conversion = (p: string, ts: string, fields: Record<string, unknown>) => ev({ type: "conversion", contact: p, ts: at(ts), ...fields });
  return [
    ev({ type: "campaign.created", campaign_id: "spring", name: "Spring", template: "spring_v1", ts: at("01T09:00:00") }),
    ev({ type: "campaign.created", campaign_id: "summer", name: "Summer", template: "summer_v1", ts: at("01T09:00:00") }),
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => send("spring", P(n), "02")),
    send("summer", P(3), "05"),
    ...[1, 2, 3, 4, 5, 6].map((n) => delivered("spring", P(n))),
    delivered("summer", P(3), "05"),
    tick("spring", P(7), "02T10:00:05", "failed", { error: { code: 131026, title: "Message undeliverable" } }),
    tick("spring", P(8), "02T10:30:00", "read"),
    ev({ type: "message.inbound", message_type: "button", contact: P(1), ts: at("02T10:05:00"), text: "Shop now", context_wamid: wamid("spring", P(1)) }),
    conversion(P(1), "03T09:00:00", { name: "order_placed", value: 1000, currency: "INR", order_id: "A" }),
    conversion(P(2), "12T09:00:00", { name: "signup" }),
    conversion(P(3), "06T09:00:00", { name: "order_placed", value: 500, currency: "inr" }),
    conversion(P(4), "03T09:00:00", { name: "order_placed", value: 200, currency: "INR", order_id: "B" }),
    conversion(P(4), "04T09:00:00", { name: "order_placed", value: 200, currency: "INR", order_id: "B" }),
    conversion(P(5), "03T09:00:00", { name: "booking" }),
    conversion(P(6), "04T09:00:00", { name: "order_placed", value: 25, currency: "USD" }),
    conversion(P(7), "03T09:00:00", { name: "order_placed", value: 300, currency: "INR" }),
    conversion(P(8), "02T09:00:00", { name: "order_placed", value: 90, currency: "INR" }),
  ];
}

const RANGE = { from: "2026-03-01", to: "2026-03-31" };

describe("conversions and revenue of a hand-made campaign", () => {
  let workspaceId: string;
  let reversedId: string;
  let admin: ReturnType<typeof callerFor>;

  beforeAll(async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "admin" }] });
    workspaceId = ws.workspaceId;
    admin = callerFor(store(), ws.members[0].userId);
    await ingestEvents(store(), workspaceId, story());
    await admin.settings.setPrices({ workspaceId, currency: "INR", prices: { marketing: 0.8, utility: null, authentication: null, service: null } });
    // The same events, newest first, in rounds of a few: conversions before their deliveries,
    // statuses and replies before their messages.
    const reversed = await createTestWorkspace(store(), { members: [{ role: "admin" }] });
    reversedId = reversed.workspaceId;
    const reversedAdmin = callerFor(store(), reversed.members[0].userId);
    const newestFirst = story().reverse();
    for (let i = 0; i < newestFirst.length; i += 6) await ingestEvents(store(), reversedId, newestFirst.slice(i, i + 6));
    await reversedAdmin.settings.setPrices({ workspaceId: reversedId, currency: "INR", prices: { marketing: 0.8, utility: null, authentication: null, service: null } });
    reversedCaller = reversedAdmin;
  }, 120_000);
  let reversedCaller: ReturnType<typeof callerFor>;

  const report = (attributionDays?: number, campaignId = "spring") => admin.campaigns.report({ workspaceId, campaignId, attributionDays });

  it("attributes within 7 days of the last delivery, once per order id, per currency, with cost figures", async () => {
    const r = await report();
    expect(r.attributionDays).toBe(7);
    expect(r.counts.delivered).toBe(7);
    expect(r.conversions).toMatchObject({
      conversions: 4,
      engaged: 1,
      converted: 4,
      withoutValue: 1,
      revenue: [
        { currency: "INR", amount: 1200 },
        { currency: "USD", amount: 25 },
      ],
      conversionRate: 4 / 7,
      revenuePerRecipient: [
        { currency: "INR", amount: 1200 / 8 },
        { currency: "USD", amount: 25 / 8 },
      ],
      costCurrency: "INR",
    });
    // ROAS counts INR only: USD is never converted or added.
    expect(r.conversions.roas).toBeCloseTo(1200 / 4.8, 6);
    expect(r.conversions.costPerConversion).toBeCloseTo(4.8 / 4, 6);
  });

  it("gives a conversion after two campaigns to the last one delivered", async () => {
    const summer = await report(undefined, "summer");
    expect(summer.conversions).toMatchObject({ conversions: 1, converted: 1, revenue: [{ currency: "INR", amount: 500 }] });
    const spring = await admin.campaigns.contacts({ workspaceId, campaignId: "spring", stage: "converted", pageSize: 50 });
    expect(spring.rows.map((r) => r.contact)).not.toContain(P(3));
  });

  it("widens and narrows with the attribution window", async () => {
    expect((await report(14)).conversions.conversions).toBe(5);
    expect((await report(1)).conversions).toMatchObject({ conversions: 3, revenue: [{ currency: "INR", amount: 1200 }] });
    await expect(report(31)).rejects.toThrow(/at most 30 days/);
    await expect(report(0)).rejects.toThrow(/at least 1 day/);
  });

  it("lists the converted stage's contacts and saves them as a segment", async () => {
    const page = await admin.campaigns.contacts({ workspaceId, campaignId: "spring", stage: "converted", pageSize: 50 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.contact)).toEqual([P(1), P(4), P(5), P(6)]);
    const wider = await admin.campaigns.contacts({ workspaceId, campaignId: "spring", stage: "converted", pageSize: 50, attributionDays: 14 });
    expect(wider.rows.map((r) => r.contact)).toEqual([P(1), P(2), P(4), P(5), P(6)]);
    const saved = await admin.campaigns.saveAsSegment({ workspaceId, campaignId: "spring", stage: "converted" });
    expect(saved.size).toBe(4);
    expect(saved.name).toMatch(/^Spring: converted/);
  });

  it("shows the list's conversion columns and sorts on them", async () => {
    const list = await admin.campaigns.list({ workspaceId, ...RANGE, sort: "conversions", direction: "desc" });
    expect(list.sortCurrency).toBe("INR");
    expect(list.rows.map((r) => [r.campaignId, r.conversions, r.converted])).toEqual([
      ["spring", 4, 4],
      ["summer", 1, 1],
    ]);
    expect(list.rows[0]).toMatchObject({ revenue: [{ currency: "INR", amount: 1200 }, { currency: "USD", amount: 25 }], conversionRate: 4 / 7, costCurrency: "INR" });
    expect(list.rows[0].roas).toBeCloseTo(250, 6);
    expect(list.rows[1]).toMatchObject({ roas: null, costPerConversion: null });
    const byRevenueAsc = await admin.campaigns.list({ workspaceId, ...RANGE, sort: "revenue", direction: "asc" });
    expect(byRevenueAsc.rows.map((r) => r.campaignId)).toEqual(["summer", "spring"]);
    const byRate = await admin.campaigns.list({ workspaceId, ...RANGE, sort: "conversionRate", direction: "asc" });
    expect(byRate.rows.map((r) => r.campaignId)).toEqual(["spring", "summer"]);
    const wider = await admin.campaigns.list({ workspaceId, ...RANGE, sort: "conversions", direction: "desc", attributionDays: 14 });
    expect(wider.rows[0].conversions).toBe(5);
  });

  it("says why a contact meets the conversion rules, with what the contact did", async () => {
    const tree = {
      kind: "group" as const,
      join: "and" as const,
      children: [
        { kind: "converted" as const, campaigns: ["spring"], name: "order_placed" },
        { kind: "revenue" as const, days: 3650, currency: "INR", min: 1000 },
        { kind: "neverConverted" as const },
      ],
    };
    const nodes = await admin.segments.explain({ workspaceId, tree, contact: P(1) });
    expect(nodes.slice(1).map((n) => [n.text, n.met, n.actual])).toEqual([
      ["Converted (order_placed) after Spring, within 7 days", true, "order_placed after Spring on Mar 3, 2026"],
      ["Revenue in the last 3650 days ≥ 1,000 INR", true, "1,000 INR"],
      ["Has never converted", false, "1 conversion"],
    ]);
    const count = await admin.segments.count({ workspaceId, tree: { ...tree, children: tree.children.slice(0, 2) } });
    expect(count.matching).toBe(1);
  });

  it("gives the same figures whatever order the events arrive in", async () => {
    for (const [campaignId, days] of [["spring", 7], ["spring", 14], ["spring", 1], ["summer", 7]] as const) {
      const a = await admin.campaigns.report({ workspaceId, campaignId, attributionDays: days });
      const b = await reversedCaller.campaigns.report({ workspaceId: reversedId, campaignId, attributionDays: days });
      expect(b.conversions).toEqual(a.conversions);
    }
    const a = await admin.campaigns.contacts({ workspaceId, campaignId: "spring", stage: "converted", pageSize: 50 });
    const b = await reversedCaller.campaigns.contacts({ workspaceId: reversedId, campaignId: "spring", stage: "converted", pageSize: 50 });
    expect(b.rows.map((r) => r.contact)).toEqual(a.rows.map((r) => r.contact));
  });
});

describe("the conversion event", () => {
  const check = (e: Record<string, unknown>) =>
    validateEvents([{ event_id: "x1", type: "conversion", contact: "+919812345678", ts: "2026-03-02T10:00:00Z", ...e }], "ws");

  it("takes a name, and a value with its ISO 4217 currency, and an order id", () => {
    const ok = check({ name: "order_placed", value: 1299.5, currency: "inr", order_id: "ORD-1" });
    expect(ok.rejected).toEqual([]);
    expect(ok.valid[0].event).toMatchObject({ currency: "INR", value: 1299.5 });
    expect(check({ name: "signup" }).rejected).toEqual([]);
  });

  it("says what is wrong, per event", () => {
    const reasons = (e: Record<string, unknown>) => check(e).rejected.map((r) => r.reason);
    expect(reasons({})).toEqual([expect.stringMatching(/^event 1: name is required/)]);
    expect(reasons({ name: "order_placed", value: 10 })).toEqual(["event 1: currency is required with a value (an ISO 4217 code, like INR)"]);
    expect(reasons({ name: "order_placed", value: -1, currency: "INR" })).toEqual(["event 1: value must be 0 or more"]);
    expect(reasons({ name: "order_placed", value: "12", currency: "INR" })[0]).toMatch(/value must be a number/);
    expect(reasons({ name: "order_placed", value: 5, currency: "RUPEES" })[0]).toMatch(/currency must be an ISO 4217 code, like INR or USD, got "RUPEES"/);
  });
});

describe("conversions over HTTP: the Event API and a CSV file", () => {
  const delivered = (contact: string) => [
    { event_id: `send-${contact}`, type: "message.outbound", kind: "template", contact, ts: "2026-03-02T10:00:00Z", wamid: `w-${contact}`, campaign_id: "promo" },
    { event_id: `dlv-${contact}`, type: "message.status", contact, ts: "2026-03-02T10:01:00Z", wamid: `w-${contact}`, status: "delivered" },
  ];

  it("stores the valid conversions of a batch and says why each other one was refused", async () => {
    const ws = await createTestWorkspace(store());
    const { token } = await createApiKey(store(), ws.workspaceId, "shop", "test");
    const body = [
      ...delivered("+919812300001"),
      { event_id: "c1", type: "conversion", contact: "+919812300001", ts: "2026-03-03T10:00:00Z", name: "order_placed", value: 799, currency: "INR", order_id: "A1" },
      { event_id: "c2", type: "conversion", contact: "+919812300001", ts: "2026-03-03T10:00:00Z", name: "order_placed", value: 799 },
      { event_id: "c3", type: "conversion", contact: "+919812300001", ts: "2026-03-03T10:00:00Z", value: 5, currency: "INR" },
    ];
    const res = await postEvents(jsonRequest("/api/v1/events", JSON.stringify(body), { authorization: `Bearer ${token}`, "content-type": "application/json" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      stored: 3,
      duplicates: 0,
      rejected: [
        { index: 4, reason: "event 4: currency is required with a value (an ISO 4217 code, like INR)" },
        { index: 5, reason: expect.stringMatching(/^event 5: name is required/) },
      ],
      rejectedCount: 2,
    });
    expect((await campaignConversions(store(), ws.workspaceId, "promo", 7)).revenue).toEqual([{ currency: "INR", amount: 799 }]);
  });

  it("imports a CSV file row by row, keeps the valid rows beside bad ones, and changes nothing the second time", async () => {
    const ws = await createTestWorkspace(store());
    const { token } = await createApiKey(store(), ws.workspaceId, "shop", "test");
    const post = (csv: string, query = "?country=IN") =>
      postConversionsCsv(jsonRequest(`/api/v1/conversions/import${query}`, csv, { authorization: `Bearer ${token}`, "content-type": "text/csv" }));
    await postEvents(jsonRequest("/api/v1/events", JSON.stringify([...delivered("+919812300002"), ...delivered("+919812300003")]), { authorization: `Bearer ${token}` }));
    const csv = [
      "Phone,Name,Time,Amount,Currency,Order ID",
      "98123 00002,order_placed,2026-03-04T09:00:00+05:30,1500,INR,X1",
      "98123 00002,order_placed,2026-03-05T09:00:00+05:30,1500,INR,X1",
      "+919812300003,booking,2026-03-04T09:00:00Z,,,",
      "+919812300003,order_placed,2026-03-04T09:00:00Z,12.5,usd,",
      "12,order_placed,2026-03-04T09:00:00Z,10,INR,",
      "+919812300003,order_placed,yesterday,10,INR,",
      "+919812300003,order_placed,2026-03-04T09:00:00Z,-3,INR,",
    ].join("\n");
    const res = await post(csv);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      rows: 7,
      stored: 4,
      duplicates: 0,
      rejected: [
        { row: 6, reason: 'row 6: phone "12" is not a valid number for IN' },
        { row: 7, reason: "row 7: ts is not an ISO-8601 time (like 2026-11-23T09:30:00Z)" },
        { row: 8, reason: "row 8: value must be 0 or more" },
      ],
      rejectedCount: 3,
    });
    const figures = await campaignConversions(store(), ws.workspaceId, "promo", 7);
    // X1 twice counts once; the booking has no value; USD stays USD.
    expect(figures).toMatchObject({ conversions: 3, converted: 2, withoutValue: 1, revenue: [{ currency: "INR", amount: 1500 }, { currency: "USD", amount: 12.5 }] });
    const again = await (await post(csv)).json();
    expect(again).toMatchObject({ stored: 0, duplicates: 4 });
    expect(await campaignConversions(store(), ws.workspaceId, "promo", 7)).toEqual(figures);
    expect((await post("Phone,Value\n+919812300003,5")).status).toBe(400);
  });
});
