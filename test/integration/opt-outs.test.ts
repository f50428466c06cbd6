import { describe, expect, it } from "vitest";
import { GET as exportGet } from "@/app/api/w/[workspace]/segments/[segment]/export/route";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { EMPTY_TREE } from "@/clickhouse/vocabulary/filter-tree";
import { encodeTree } from "@/server/segments/url";
import { appRequest, sessionCookieFor } from "../helpers/sessions";
import type { ChatEventInput } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { validateEvents } from "@/server/ingestion/validate";
import { webhookInbox } from "@/server/ingestion/whatsapp/inbox";
import { callerFor, createTestWorkspace } from "../helpers/factories";
import { jsonRequest, metaSignature } from "../helpers/http";
import { useTestStore } from "../helpers/store";

/**
 * Opting out of marketing (README, "Opt-outs"): keyword replies and error
 * 131050 through the real ingestion, read back through the routers.
 */

const store = useTestStore();
const SECRET = "opt-outs-secret";
process.env.WHATSAPP_APP_SECRET = SECRET;
const HOUR = 3_600_000;
const T0 = Date.parse("2026-11-20T10:00:00Z");
const at = (hours: number) => new Date(T0 + hours * HOUR).toISOString();
/** The journey's times are the store's: '2026-11-20 15:00:00.000'. */
const storeTime = (hours: number) => at(hours).replace("T", " ").replace("Z", "");

async function workspace(role: "admin" | "manager" = "admin") {
  const ws = await createTestWorkspace(store(), { members: [{ role }] });
  return { ws: ws.workspaceId, caller: callerFor(store(), ws.members[0].userId) };
}

/** Validates raw events as every door does, then stores them through the shared pipeline. */
async function ingest(ws: string, raw: ChatEventInput[]) {
  const { valid, rejected } = validateEvents(raw, ws);
  expect(rejected).toEqual([]);
  return ingestEvents(store(), ws, valid.map((v) => v.event));
}

let n = 0;
const reply = (contact: string, text: string, hours: number): ChatEventInput => ({
  event_id: `in-${++n}`,
  type: "message.inbound",
  contact,
  ts: at(hours),
  message_type: "text",
  text,
});

async function optedOut(caller: ReturnType<typeof callerFor>, ws: string, contact: string) {
  return (await caller.profile.overview({ workspaceId: ws, contact })).optedOut;
}

describe("opt-out keywords", () => {
  it("STOP opts a contact out and START back in, each in the journey with its keyword", async () => {
    const { ws, caller } = await workspace();
    const ana = "+919800000101";
    await ingest(ws, [reply(ana, "Hi there", 0), reply(ana, "STOP", 1)]);
    expect(await optedOut(caller, ws, ana)).toBe(true);
    const profile = await caller.profile.overview({ workspaceId: ws, contact: ana });
    expect(profile.optedOutAt).toBe(at(1));

    await ingest(ws, [reply(ana, "START", 5)]);
    expect(await optedOut(caller, ws, ana)).toBe(false);

    const journey = await caller.profile.journey({ workspaceId: ws, contact: ana, types: ["contact.opted_out", "contact.opted_in"] });
    expect(journey.events.map((e) => [e.type, e.value, e.text, e.ts])).toEqual([
      ["contact.opted_in", "keyword", "START", storeTime(5)],
      ["contact.opted_out", "keyword", "STOP", storeTime(1)],
    ]);
  });

  it("matches the whole message whatever its case, spacing and Unicode form, and nothing longer", async () => {
    const { ws, caller } = await workspace();
    const cases: Array<[string, string, boolean]> = [
      ["+919800000201", "  stop ", true],
      ["+919800000202", "Stop   All", true],
      ["+919800000203", "ＳＴＯＰ", true], // full-width letters, NFKC
      ["+919800000204", "unsubscribe\n", true],
      ["+919800000205", "please stop sending me offers", false],
      ["+919800000206", "stopp", false],
    ];
    await ingest(ws, cases.map(([contact, text], i) => reply(contact, text, i)));
    for (const [contact, text, expected] of cases) expect(await optedOut(caller, ws, contact), JSON.stringify(text)).toBe(expected);
  });

  it("knows the Hindi and Spanish keywords", async () => {
    const { ws, caller } = await workspace();
    await ingest(ws, [reply("+919800000301", "बंद करो", 0), reply("+919800000302", "baja", 0), reply("+919800000303", "BAND", 0)]);
    expect(await optedOut(caller, ws, "+919800000301")).toBe(true);
    expect(await optedOut(caller, ws, "+919800000302")).toBe(true);
    expect(await optedOut(caller, ws, "+919800000303")).toBe(true);
    await ingest(ws, [reply("+919800000301", "शुरू", 1), reply("+919800000302", "Alta", 1)]);
    expect(await optedOut(caller, ws, "+919800000301")).toBe(false);
    expect(await optedOut(caller, ws, "+919800000302")).toBe(false);
  });

  it("uses the keywords an admin sets in Manage from then on, and keeps what earlier replies did", async () => {
    const { ws, caller } = await workspace();
    expect((await caller.optOuts.keywords({ workspaceId: ws })).custom).toBe(false);
    await ingest(ws, [reply("+919800000401", "STOP", 0)]);

    const saved = await caller.optOuts.setKeywords({ workspaceId: ws, optOut: ["NO MORE", "no more", "Basta"], optIn: ["YES PLEASE"] });
    expect(saved).toMatchObject({ optOut: ["NO MORE", "Basta"], optIn: ["YES PLEASE"], custom: true });

    await ingest(ws, [reply("+919800000402", "no more", 1), reply("+919800000403", "STOP", 1), reply("+919800000401", "yes please", 2)]);
    expect(await optedOut(caller, ws, "+919800000402")).toBe(true);
    // STOP is no longer a keyword of this workspace.
    expect(await optedOut(caller, ws, "+919800000403")).toBe(false);
    expect(await optedOut(caller, ws, "+919800000401")).toBe(false);

    // A word in both lists, an empty list and a non-admin are refused with a reason.
    await expect(caller.optOuts.setKeywords({ workspaceId: ws, optOut: ["STOP"], optIn: ["stop"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining('"stop" is also an opt-out keyword'),
    });
    await expect(caller.optOuts.setKeywords({ workspaceId: ws, optOut: [], optIn: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const manager = await createTestWorkspace(store(), { members: [{ role: "manager" }] });
    await expect(
      callerFor(store(), manager.members[0].userId).optOuts.setKeywords({ workspaceId: manager.workspaceId, optOut: ["X"], optIn: [] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const reset = await caller.optOuts.resetKeywords({ workspaceId: ws });
    expect(reset.custom).toBe(false);
    expect(reset.optOut).toContain("STOP");
  });

  it("gives the same state whatever order the replies arrive in: the latest by event time wins", async () => {
    const { ws, caller } = await workspace();
    const contact = "+919800000501";
    // START at hour 3 arrives first, then the STOP of hour 1, then a STOP of hour 5, then a START of hour 4.
    await ingest(ws, [reply(contact, "START", 3)]);
    expect(await optedOut(caller, ws, contact)).toBe(false);
    await ingest(ws, [reply(contact, "STOP", 1)]);
    expect(await optedOut(caller, ws, contact)).toBe(false);
    await ingest(ws, [reply(contact, "STOP", 5)]);
    expect(await optedOut(caller, ws, contact)).toBe(true);
    await ingest(ws, [reply(contact, "START", 4)]);
    const profile = await caller.profile.overview({ workspaceId: ws, contact });
    expect([profile.optedOut, profile.optedOutAt]).toEqual([true, at(5)]);

    // The same events in time order, in another workspace, end the same.
    const other = await workspace();
    await ingest(other.ws, [reply(contact, "STOP", 1), reply(contact, "START", 3), reply(contact, "START", 4), reply(contact, "STOP", 5)]);
    const same = await other.caller.profile.overview({ workspaceId: other.ws, contact });
    expect([same.optedOut, same.optedOutAt]).toEqual([true, at(5)]);
  });
});

describe("Meta's error 131050", () => {
  it("marks the contact opted out when a webhook status fails with it, with the campaign in the journey", async () => {
    const { ws, caller } = await workspace();
    const phoneNumberId = `3${Date.now()}`;
    await caller.settings.update({ workspaceId: ws, name: "Opt-out webhook", phoneNumberId });
    await ingest(ws, [
      { event_id: "c", type: "campaign.created", ts: at(0), campaign_id: "diwali", name: "Diwali offers" },
      { event_id: "o", type: "message.outbound", contact: "+919800000601", ts: at(1), kind: "template", wamid: "wamid.DIWALI-1", campaign_id: "diwali" },
    ]);
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "1",
          changes: [
            {
              field: "messages",
              value: {
                messaging_product: "whatsapp",
                metadata: { phone_number_id: phoneNumberId },
                statuses: [
                  {
                    id: "wamid.DIWALI-1",
                    status: "failed",
                    timestamp: String(Date.parse(at(1.01)) / 1000),
                    recipient_id: "919800000601",
                    errors: [{ code: 131050, title: "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business." }],
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    const res = await POST(jsonRequest("/api/webhooks/whatsapp", body, { "x-hub-signature-256": metaSignature(body, SECRET) }));
    expect(res.status).toBe(200);
    await webhookInbox(store()).idle();
    expect(await optedOut(caller, ws, "+919800000601")).toBe(true);
    const journey = await caller.profile.journey({ workspaceId: ws, contact: "+919800000601", types: ["contact.opted_out"] });
    expect(journey.events.map((e) => [e.value, e.campaignName])).toEqual([["error_131050", "Diwali offers"]]);
  });
});

describe("a campaign's opt-outs", () => {
  it("counts the delivered recipients who opted out within 72 hours of their delivery, and lists them", async () => {
    const { ws, caller } = await workspace("admin");
    const send = (contact: string, i: number): ChatEventInput[] => [
      { event_id: `o${i}`, type: "message.outbound", contact, ts: at(0), kind: "template", wamid: `w${i}`, campaign_id: "sale" },
      { event_id: `d${i}`, type: "message.status", contact, ts: at(0.5), wamid: `w${i}`, status: "delivered" },
    ];
    const people = ["+919800000701", "+919800000702", "+919800000703", "+919800000704", "+919800000705"];
    await ingest(ws, [
      { event_id: "c", type: "campaign.created", ts: at(-1), campaign_id: "sale", name: "Sale" },
      ...people.flatMap(send),
      // Within 72 h of the delivery at 0.5 h: 71.5 h and exactly 72 h later.
      reply(people[0], "STOP", 2),
      reply(people[1], "STOP", 72.5),
      // In the 73rd hour after the delivery: not the campaign's.
      reply(people[2], "STOP", 73),
      // Opted out before the campaign was delivered: not the campaign's either.
      reply(people[3], "STOP", -5),
    ]);
    const report = await caller.campaigns.report({ workspaceId: ws, campaignId: "sale" });
    expect(report.optedOut).toEqual({ count: 2, ofDelivered: 2 / 5 });
    const list = await caller.campaigns.contacts({ workspaceId: ws, campaignId: "sale", stage: "optedOut" });
    expect(list.rows.map((r) => r.contact)).toEqual([people[0], people[1]]);
    expect(list.total).toBe(2);

    // Opting back in later does not undo that the campaign lost them.
    await ingest(ws, [reply(people[0], "START", 10)]);
    expect((await caller.campaigns.report({ workspaceId: ws, campaignId: "sale" })).optedOut.count).toBe(2);

    const saved = await caller.campaigns.saveAsSegment({ workspaceId: ws, campaignId: "sale", stage: "optedOut", name: "Sale opt-outs" });
    expect(saved.size).toBe(2);
  });
});

describe("Overview", () => {
  it("shows the contacts opted out at the end of the range against the end of the period before", async () => {
    const { ws, caller } = await workspace();
    const today = new Date();
    const hoursAgo = (h: number) => new Date(today.getTime() - h * HOUR).toISOString();
    const old = (contact: string, text: string, h: number): ChatEventInput => ({ ...reply(contact, text, 0), ts: hoursAgo(h) });
    await ingest(ws, [
      // Opted out 40 days ago and still: counted at both ends.
      old("+919800000801", "STOP", 40 * 24),
      // Opted out 40 days ago, back in 2 days ago: only before.
      old("+919800000802", "STOP", 40 * 24),
      old("+919800000802", "START", 48),
      // Opted out 3 days ago: only now.
      old("+919800000803", "STOP", 72),
      old("+919800000804", "hello", 1),
    ]);
    const summary = await caller.overview.summary({ workspaceId: ws });
    expect(summary.optedOut).toEqual({ atEnd: 2, newInRange: 1, atPreviousEnd: 2 });
  });

  it("breaks a tie of times by the event's id, as the profile does, whatever order they arrived in", async () => {
    const { ws, caller } = await workspace();
    const sameMoment = new Date(Date.now() - 5 * HOUR).toISOString();
    const tied = (event_id: string, contact: string, text: string): ChatEventInput => ({ ...reply(contact, text, 0), event_id, ts: sameMoment });
    // Within one millisecond the greater id is the later: START wins for one, STOP for the other.
    await ingest(ws, [tied("tie-b", "+919800000811", "START"), tied("tie-a", "+919800000811", "STOP")]);
    await ingest(ws, [tied("tie-d", "+919800000812", "STOP"), tied("tie-c", "+919800000812", "START")]);
    expect(await optedOut(caller, ws, "+919800000811")).toBe(false);
    expect(await optedOut(caller, ws, "+919800000812")).toBe(true);
    const summary = await caller.overview.summary({ workspaceId: ws });
    expect(summary.optedOut).toEqual({ atEnd: 1, newInRange: 2, atPreviousEnd: 0 });
  });
});

describe("exports", () => {
  it("leave opted-out contacts out by default, say how many, and include them with includeOptedOut=true", async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "marketer" }] });
    const marketer = callerFor(store(), ws.members[0].userId);
    await ingest(ws.workspaceId, [
      reply("+919800000901", "hello", 0),
      reply("+919800000902", "STOP", 0),
      reply("+919800000903", "STOP", 0),
      reply("+919800000903", "START", 1),
    ]);
    expect(await marketer.segments.count({ workspaceId: ws.workspaceId, tree: EMPTY_TREE })).toEqual({ matching: 3, total: 3, optedOut: 1 });
    const optedOutOnly = { ...EMPTY_TREE, children: [{ kind: "optedOut" as const }] };
    expect((await marketer.segments.count({ workspaceId: ws.workspaceId, tree: optedOutOnly })).matching).toBe(1);

    const cookie = await sessionCookieFor(ws.members[0].userId);
    const download = async (query: string) => {
      const req = appRequest(`/api/w/${ws.workspaceId}/segments/draft/export?tree=${encodeTree(EMPTY_TREE)}${query}`, { cookie });
      return exportGet(req, { params: Promise.resolve({ workspace: ws.workspaceId, segment: "draft" }) });
    };
    const phones = async (res: Response) => (await res.text()).trimEnd().split("\r\n").slice(1).map((l) => l.split(",")[0]);

    const byDefault = await download("");
    expect(byDefault.status).toBe(200);
    expect(byDefault.headers.get("x-chatlens-opted-out-left-out")).toBe("1");
    expect(await phones(byDefault)).toEqual(["+919800000901", "+919800000903"]);

    const all = await download("&includeOptedOut=true");
    expect(all.headers.get("x-chatlens-opted-out-left-out")).toBe("0");
    expect(await phones(all)).toEqual(["+919800000901", "+919800000902", "+919800000903"]);

    const wrong = await download("&includeOptedOut=yes");
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toMatch(/includeOptedOut is true or false/);
  });
});
