import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/webhooks/whatsapp/route";
import { getContactCampaignTicks, getContactState, getJourney } from "@/clickhouse/queries/contacts";
import { upsertWorkspace } from "@/clickhouse/queries/workspaces";
import { DurableInbox } from "@/server/ingestion/durable-inbox";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { webhookInbox, webhookInboxDir, type InboxEntry } from "@/server/ingestion/whatsapp/inbox";
import { callerFor, createTestWorkspace, randomId } from "../helpers/factories";
import { jsonRequest, metaSignature } from "../helpers/http";
import { useTestStore } from "../helpers/store";

const store = useTestStore();
const SECRET = "test-app-secret";
const PHONE_NUMBER_ID = `1${Date.now()}`;
const ws = randomId("ws");

process.env.WHATSAPP_APP_SECRET = SECRET;
process.env.WHATSAPP_VERIFY_TOKEN = "verify-me";

function fixture(name: string, phoneNumberId = PHONE_NUMBER_ID): string {
  return readFileSync(`test/fixtures/whatsapp/${name}.json`, "utf8").replaceAll("__PHONE_NUMBER_ID__", phoneNumberId);
}

/** A delivery as Meta sends it; resolves once its events have left the inbox for the event log. */
async function deliver(body: string, signature = metaSignature(body, SECRET)) {
  const res = await POST(jsonRequest("/api/webhooks/whatsapp", body, { "x-hub-signature-256": signature }));
  await webhookInbox(store()).idle();
  return res;
}

/** A workspace of its own with an admin and a phone number id, for tests that read Manage. */
async function webhookWorkspace() {
  const ws = await createTestWorkspace(store());
  const admin = callerFor(store(), ws.members[0].userId);
  const phoneNumberId = `2${Date.now()}${Math.floor(Math.random() * 1000)}`;
  await admin.settings.update({ workspaceId: ws.workspaceId, name: ws.name, phoneNumberId });
  return { admin, workspaceId: ws.workspaceId, phoneNumberId };
}

const textMessage = (id: string, timestamp: string) => ({ from: "919800000001", id, timestamp, type: "text", text: { body: `text of ${id}` } });

function delivery(phoneNumberId: string, value: { messages?: object[]; statuses?: object[] }): string {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{ id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { phone_number_id: phoneNumberId }, ...value } }] }],
  });
}

beforeAll(async () => {
  await upsertWorkspace(store(), ws, { name: "Webhook test", phoneNumberId: PHONE_NUMBER_ID });
  // The campaign message the replies and statuses in the fixtures refer to.
  await ingestEvents(store(), ws, [
    { event_id: "c1", type: "campaign.created", ts: "2025-06-08T20:00:00Z", campaign_id: "summer", name: "Summer sale", template: "summer_offer" },
    { event_id: "o1", type: "message.outbound", contact: "+919812345678", ts: "2025-06-08T20:58:00Z", kind: "template", wamid: "wamid.CAMPAIGN-MSG-1", campaign_id: "summer" },
    { event_id: "o2", type: "message.outbound", contact: "+447700900123", ts: "2025-06-08T20:58:00Z", kind: "template", wamid: "wamid.CAMPAIGN-MSG-2", campaign_id: "summer" },
  ]);
});

describe("WhatsApp Cloud API webhook", () => {
  it("answers Meta's verification handshake only with the right token", async () => {
    const ok = await GET(new Request("http://localhost/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444"));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    const wrong = await GET(new Request("http://localhost/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1"));
    expect(wrong.status).toBe(403);
  });

  it("refuses a delivery with a missing or wrong signature and stores nothing", async () => {
    const body = fixture("messages");
    expect((await deliver(body, "sha256=" + "0".repeat(64))).status).toBe(401);
    expect((await POST(jsonRequest("/api/webhooks/whatsapp", body))).status).toBe(401);
    expect(await getJourney(store(), ws, "+16505551234")).toEqual([]);
  });

  it("stores messages of every type with their text, the ad referral and the profile name", async () => {
    const res = await deliver(fixture("messages"));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: 7, rejected: 0 });

    const sheena = await getContactState(store(), ws, "+16505551234", new Date("2025-06-09T00:00:00Z"));
    expect(sheena).toMatchObject({ name: "Sheena Nelson", source: "organic", sourceDetail: "ad: Chat with us", sessionMessages: 1 });

    const ravi = await getJourney(store(), ws, "+919812345678");
    const inbound = ravi.filter((e) => e.type === "message.inbound").map((e) => e.text);
    expect(inbound).toEqual(["Yes, tell me more", "Express Shipping", "This is the damaged box", "Philz Coffee, 1 Hacker Way, Menlo Park, CA 94025", "👍", ""]);
    // A button reply to the campaign message is a reply to the campaign.
    const [ticks] = await getContactCampaignTicks(store(), ws, "+919812345678");
    expect(ticks.replied_at).toBe("2025-06-08 21:00:00.000");
  });

  it("changes nothing when Meta delivers the same webhook again", async () => {
    const res = await deliver(fixture("messages"));
    expect(await res.json()).toMatchObject({ accepted: 7 });
    expect((await getJourney(store(), ws, "+919812345678")).filter((e) => e.type === "message.inbound")).toHaveLength(6);
  });

  it("ties statuses to the campaign message, in any order, with failures and their WhatsApp error", async () => {
    const res = await deliver(fixture("statuses"));
    expect(await res.json()).toMatchObject({ accepted: 4, rejected: 0 });
    const [read] = await getContactCampaignTicks(store(), ws, "+919812345678");
    expect(read).toMatchObject({
      campaign_id: "summer",
      sent_at: "2025-06-08 20:58:00.000",
      delivered_at: "2025-06-08 20:59:10.000",
      read_at: "2025-06-08 20:59:50.000",
    });
    const [failed] = await getContactCampaignTicks(store(), ws, "+447700900123");
    expect(failed).toMatchObject({ campaign_id: "summer", failed_at: "2025-06-08 20:58:40.000", error_code: 131047, read_at: null });
  });

  it("stores the good parts of a delivery with a bad timestamp and keeps the bad part, with its reason, for Manage", async () => {
    const { admin, workspaceId, phoneNumberId } = await webhookWorkspace();
    const res = await deliver(
      delivery(phoneNumberId, {
        messages: [textMessage("wamid.GOOD-1", "1749416383"), textMessage("wamid.BAD", "abc"), textMessage("wamid.GOOD-2", "1749416390")],
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: 2, rejected: 1 });
    expect((await getJourney(store(), workspaceId, "+919800000001")).map((e) => e.event_id)).toEqual(["wa:wamid.GOOD-1", "wa:wamid.GOOD-2"]);

    const rejections = await admin.settings.webhookRejections({ workspaceId });
    expect(rejections).toEqual([
      {
        receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/),
        part: "message wamid.BAD",
        reason: 'timestamp "abc" is not a time in decimal epoch seconds, like "1749416383"',
        payload: expect.stringContaining('"id":"wamid.BAD"'),
      },
    ]);
  });

  it("rejects every timestamp that is not decimal epoch seconds in the event window, of messages and statuses", async () => {
    const { admin, workspaceId, phoneNumberId } = await webhookWorkspace();
    const twoDaysAhead = String(Math.floor(Date.now() / 1000) + 2 * 86_400);
    const bad = ["", "0x10", "abc", "1e20", "99999999999999", "946684799", twoDaysAhead];
    const res = await deliver(
      delivery(phoneNumberId, {
        messages: bad.map((ts, i) => textMessage(`wamid.M${i}`, ts)),
        statuses: [{ id: "wamid.S", status: "read", timestamp: "-5", recipient_id: "919800000001" }],
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: 0, rejected: 8 });
    expect(await getJourney(store(), workspaceId, "+919800000001")).toEqual([]);
    const rejections = await admin.settings.webhookRejections({ workspaceId });
    expect(Object.fromEntries(rejections.map((r) => [r.part, r.reason]))).toEqual({
      "message wamid.M0": 'timestamp "" is not a time in decimal epoch seconds, like "1749416383"',
      "message wamid.M1": 'timestamp "0x10" is not a time in decimal epoch seconds, like "1749416383"',
      "message wamid.M2": 'timestamp "abc" is not a time in decimal epoch seconds, like "1749416383"',
      "message wamid.M3": 'timestamp "1e20" is not a time in decimal epoch seconds, like "1749416383"',
      "message wamid.M4": 'timestamp "99999999999999" is outside the accepted event times, 2000-01-01 to one day after now',
      "message wamid.M5": 'timestamp "946684799" is outside the accepted event times, 2000-01-01 to one day after now',
      "message wamid.M6": `timestamp "${twoDaysAhead}" is outside the accepted event times, 2000-01-01 to one day after now`,
      "status wamid.S read": 'timestamp "-5" is not a time in decimal epoch seconds, like "1749416383"',
    });
  });

  it("keeps a status whose error code does not fit the store's Int32 aside, with the range, and stores the rest", async () => {
    const { admin, workspaceId, phoneNumberId } = await webhookWorkspace();
    const failed = (id: string, code: number) => ({
      id,
      status: "failed",
      timestamp: "1749416383",
      recipient_id: "919800000001",
      errors: [{ code, title: "Message undeliverable" }],
    });
    const res = await deliver(delivery(phoneNumberId, { statuses: [failed("wamid.OK", 131026), failed("wamid.HUGE", 2_147_483_648)] }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: 1, rejected: 1 });
    const journey = await getJourney(store(), workspaceId, "+919800000001");
    expect(journey.map((e) => e.event_id)).toEqual(["wa:wamid.OK:failed"]);
    const rejections = await admin.settings.webhookRejections({ workspaceId });
    expect(Object.fromEntries(rejections.map((r) => [r.part, r.reason]))).toEqual({
      "status wamid.HUGE failed": "error.code must be a whole number from -2147483648 to 2147483647",
    });
  });

  it("keeps a part the event model refuses, or one without an id, under its own name", async () => {
    const { admin, workspaceId, phoneNumberId } = await webhookWorkspace();
    const res = await deliver(
      delivery(phoneNumberId, { messages: [{ ...textMessage("wamid.SHORT", "1749416383"), from: "12" }, { from: "919800000001", timestamp: "1749416383", type: "text" }] }),
    );
    expect(res.status).toBe(200);
    const rejections = await admin.settings.webhookRejections({ workspaceId });
    expect(Object.fromEntries(rejections.map((r) => [r.part, r.reason]))).toEqual({
      "message wamid.SHORT": "contact must be a phone number in E.164 form, like +919812345678",
      "message #2": "id (the wamid) is missing",
    });
  });

  it("acknowledges a delivery for an unknown phone number id without storing it", async () => {
    const res = await deliver(fixture("messages", "999"));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.accepted).toBe(0);
    expect(body.notes).toContain("no workspace has phone number id 999; set it in Manage");
  });

  it("stores a delivery answered just before a crash when the app starts again, once", async () => {
    const { workspaceId, phoneNumberId } = await webhookWorkspace();
    // The answer went out once the events were on disk; the process died before the event log had them.
    const dying = new DurableInbox<InboxEntry>(webhookInboxDir(store()), () => new Promise<void>(() => {}));
    const events = [{ event_id: "wa:wamid.CRASH", type: "message.inbound", contact: "+919800000001", ts: "2025-06-08T20:59:43.000Z", text: "text of wamid.CRASH" }];
    await dying.accept({ workspaceId, events } as InboxEntry);
    expect(await getJourney(store(), workspaceId, "+919800000001")).toEqual([]);

    // The app starts again: the inbox applies what it finds.
    webhookInbox(store()).start();
    await webhookInbox(store()).idle();
    expect((await getJourney(store(), workspaceId, "+919800000001")).map((e) => e.event_id)).toEqual(["wa:wamid.CRASH"]);
    // Meta delivers it again anyway: still once.
    await deliver(delivery(phoneNumberId, { messages: [textMessage("wamid.CRASH", "1749416383")] }));
    expect((await getJourney(store(), workspaceId, "+919800000001")).map((e) => e.event_id)).toEqual(["wa:wamid.CRASH"]);
  });
});
