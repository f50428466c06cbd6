import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getContactCampaignTicks, getContactState, getJourney } from "@/clickhouse/queries/contacts";
import { upsertTagDefinitions } from "@/clickhouse/queries/tags";
import { deriveStatus, type ControlEvent } from "@/server/domain/chat-profile";
import type { ChatEvent, ChatEventInput } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { validateEvents } from "@/server/ingestion/validate";
import { randomId } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

const store = useTestStore();
const T0 = Date.parse("2026-11-20T10:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

const inboundAt = (event_id: string, contact: string, ts: string): ChatEvent =>
  ({ event_id, type: "message.inbound", contact, ts, message_type: "text", text: "hi" }) as ChatEvent;

/** Validates raw events the way every door does, failing the test on a rejected one, then stores them. */
async function ingest(workspaceId: string, raw: ChatEventInput[]) {
  const { valid, rejected } = validateEvents(raw, workspaceId);
  expect(rejected).toEqual([]);
  return ingestEvents(store(), workspaceId, valid.map((v) => v.event));
}

describe("ingestion", () => {
  it("stores the valid events of a batch and names each rejected one with a reason", async () => {
    const ws = randomId("ws");
    const { valid, rejected } = validateEvents(
      [
        { event_id: "a", type: "message.inbound", contact: "+919812345678", ts: at(0), text: "hi" },
        { event_id: "b", type: "message.inbound", contact: "98123", ts: at(1) },
        { event_id: "c", type: "message.inbound", contact: "+919812345678", ts: "last tuesday" },
        "not an event",
        { event_id: "d", type: "message.status", contact: "+919812345678", ts: at(2), wamid: "w", status: "seen" },
        { event_id: "e", type: "chat.resolved", contact: "+919812345678", ts: at(3), workspace_id: "someone-else" },
      ],
      ws,
    );
    expect(valid.map((v) => v.event.event_id)).toEqual(["a"]);
    expect(rejected.map((r) => r.index)).toEqual([2, 3, 4, 5, 6]);
    expect(rejected[0].reason).toBe("event 2: contact must be a phone number in E.164 form, like +919812345678");
    expect(rejected[1].reason).toMatch(/^event 3: ts is not an ISO-8601 time/);
    expect(rejected[2].reason).toBe("event 4: each event must be a JSON object");
    expect(rejected[3].reason).toMatch(/status must be sent, delivered, read or failed/);
    expect(rejected[4].reason).toMatch(/not the workspace of this API key/);

    const result = await ingestEvents(store(), ws, valid.map((v) => v.event));
    expect(result).toEqual({ stored: 1, duplicates: 0 });
    expect(await getJourney(store(), ws, "+919812345678")).toHaveLength(1);
  });

  it("never counts a retried batch or a repeated event twice", async () => {
    const ws = randomId("ws");
    const contact = "+14155550100";
    const batch: ChatEventInput[] = [
      { event_id: "m1", type: "message.inbound", contact, ts: at(0), text: "hello" },
      { event_id: "m2", type: "message.outbound", contact, ts: at(1), kind: "session", text: "hi there" },
      { event_id: "m1", type: "message.inbound", contact, ts: at(0), text: "hello" },
      { event_id: "r1", type: "intervention.requested", contact, ts: at(2) },
    ];
    expect(await ingest(ws, batch)).toEqual({ stored: 3, duplicates: 1 });
    expect(await ingest(ws, batch)).toEqual({ stored: 0, duplicates: 4 });
    // Two copies of one batch at the same moment: the second must see the first.
    const [x, y] = await Promise.all([ingest(ws, batch.slice(3)), ingest(ws, batch.slice(3))]);
    expect(x.stored + y.stored).toBe(0);

    const state = await getContactState(store(), ws, contact, new Date(T0 + 3_600_000));
    expect(state).toMatchObject({ sessionMessages: 2, templateMessages: 0, unresolvedQueries: 1, status: "requesting" });
    expect(await getJourney(store(), ws, contact)).toHaveLength(3);
  });

  it("finds every duplicate of a retried batch even when one of its ids or campaign ids is ill-formed text", async () => {
    // Ingestion's own callers (the CSV import, the demo) skip the Event API's
    // validation, and derived ids (a broadcast tag's) are built from campaign ids.
    const ws = randomId("ws");
    const contact = "+14155550111";
    const batch = [
      { event_id: "ok-1", type: "message.inbound", contact, ts: at(0), text: "hello" },
      { event_id: "lone-\ud800", type: "message.inbound", contact, ts: at(1), text: "broken \ud83d" },
      { event_id: "ok-2", type: "message.outbound", contact, ts: at(2), kind: "template", wamid: "wamid.\udfff", campaign_id: "sale-\ud800" },
    ] as ChatEvent[];
    expect(await ingestEvents(store(), ws, batch)).toEqual({ stored: 3, duplicates: 0 });
    expect(await ingestEvents(store(), ws, batch)).toEqual({ stored: 0, duplicates: 3 });
    const journey = await getJourney(store(), ws, contact);
    // The three events and the campaign's broadcast tag, once each.
    expect(journey).toHaveLength(4);
    expect(journey.map((e) => e.event_id)).toContain("lone-\ufffd");
  });

  it("stores a batch spanning more than 100 months beside another client's batch of the same round", async () => {
    const ws = randomId("ws");
    const [old, recent] = ["+14155550120", "+14155550121"];
    const monthly = Array.from({ length: 120 }, (_, i) => inboundAt(`month-${i}`, old, new Date(Date.UTC(2000, i, 15)).toISOString()));
    const five = Array.from({ length: 5 }, (_, i) => inboundAt(`five-${i}`, recent, at(i)));
    // The first batch takes a round of its own; the two that arrive meanwhile share the next one.
    const first = ingestEvents(store(), ws, [inboundAt("first", recent, at(10))]);
    const [big, small] = await Promise.allSettled([ingestEvents(store(), ws, monthly), ingestEvents(store(), ws, five)]);
    await first;
    expect(big).toEqual({ status: "fulfilled", value: { stored: 120, duplicates: 0 } });
    expect(small).toEqual({ status: "fulfilled", value: { stored: 5, duplicates: 0 } });
    expect(await getJourney(store(), ws, old)).toHaveLength(120);
    expect(await getJourney(store(), ws, recent)).toHaveLength(6);
  });

  it("answers each batch of many senders only once the contact's profile shows it, however rounds share their refreshes", async () => {
    const ws = randomId("ws");
    const senders = 6;
    const batchesEach = 4;
    const seen: string[] = [];
    await Promise.all(
      Array.from({ length: senders }, async (_, s) => {
        for (let b = 0; b < batchesEach; b++) {
          const contact = `+1415556${String(s).padStart(2, "0")}${String(b).padStart(2, "0")}`;
          const messages = b + 1;
          const batch = Array.from({ length: messages }, (_, i) => inboundAt(`s${s}-b${b}-${i}`, contact, at(s * 10 + b + i / 10)));
          expect(await ingestEvents(store(), ws, batch)).toEqual({ stored: messages, duplicates: 0 });
          // The answer came: the read model already holds every message of the batch.
          expect((await getContactState(store(), ws, contact, new Date(T0)))?.sessionMessages).toBe(messages);
          seen.push(contact);
        }
      }),
    );
    expect(seen).toHaveLength(senders * batchesEach);
  });

  it("fails only the batch the store refuses, never the other batches of its round", async () => {
    const ws = randomId("ws");
    const [ana, ben] = ["+14155550130", "+14155550131"];
    // Past validation (which the pipeline's own callers skip), a tab in a column
    // the encoder trusts breaks the row: the store refuses the insert.
    const refused = [{ ...inboundAt("refused", ben, at(1)), message_type: "text", type: "message.status", wamid: "w", status: "read\tx" }] as unknown as ChatEvent[];
    const first = ingestEvents(store(), ws, [inboundAt("first", ana, at(0))]);
    const [good, bad, alsoGood] = await Promise.allSettled([
      ingestEvents(store(), ws, [inboundAt("a1", ana, at(2))]),
      ingestEvents(store(), ws, refused),
      ingestEvents(store(), ws, [inboundAt("a2", ana, at(3)), inboundAt("b1", ben, at(4))]),
    ]);
    await first;
    expect(good).toEqual({ status: "fulfilled", value: { stored: 1, duplicates: 0 } });
    expect(bad.status).toBe("rejected");
    expect(alsoGood).toEqual({ status: "fulfilled", value: { stored: 2, duplicates: 0 } });
    expect((await getJourney(store(), ws, ana)).map((e) => e.event_id)).toEqual(["first", "a1", "a2"]);
    expect((await getJourney(store(), ws, ben)).map((e) => e.event_id)).toEqual(["b1"]);
    expect((await getContactState(store(), ws, ana, new Date(T0)))?.sessionMessages).toBe(3);
  });

  it("tags a contact's first message with the first-message tag it matches, once", async () => {
    const ws = randomId("ws");
    await upsertTagDefinitions(store(), ws, [
      { tag: "Product A", firstMessageText: "Hi, I want to know more about Product A" },
      { tag: "Product A Pro", firstMessageText: "Hi, I want to know more about Product A Pro" },
      { tag: "VIP" },
    ]);
    const contact = "+447700900123";
    await ingest(ws, [
      { event_id: "f1", type: "message.inbound", contact, ts: at(5), text: "hi, I want to know more about  product a PRO today" },
    ]);
    // A later message is never a new first message, whatever text it has.
    await ingest(ws, [{ event_id: "f2", type: "message.inbound", contact, ts: at(6), text: "Hi, I want to know more about Product A" }]);

    const state = await getContactState(store(), ws, contact, new Date(T0));
    expect(state?.firstMessageTag).toBe("Product A Pro");
    expect(state?.source).toBe("organic");
    const journey = await getJourney(store(), ws, contact);
    expect(journey.filter((e) => e.type === "tag.added")).toEqual([
      expect.objectContaining({ tag: "Product A Pro", actor_kind: "system" }),
    ]);
  });

  it("ties statuses and replies to the campaign of the message they refer to, in any order", async () => {
    const ws = randomId("ws");
    const contact = "+5511912345678";
    await ingest(ws, [
      { event_id: "c", type: "campaign.created", ts: at(0), campaign_id: "diwali", name: "Diwali sale", template: "diwali_offer" },
      { event_id: "o", type: "message.outbound", contact, ts: at(1), kind: "template", wamid: "wamid.1", campaign_id: "diwali", actor: { kind: "api", id: "" } },
    ]);
    // Meta sends `read` and skips `delivered`; a late `delivered` arrives after it.
    await ingest(ws, [{ event_id: "s-read", type: "message.status", contact, ts: at(3), wamid: "wamid.1", status: "read" }]);
    await ingest(ws, [
      { event_id: "s-del", type: "message.status", contact, ts: at(2), wamid: "wamid.1", status: "delivered" },
      { event_id: "reply", type: "message.inbound", contact, ts: at(4), text: "Interested!", context_wamid: "wamid.1" },
    ]);
    const [ticks] = await getContactCampaignTicks(store(), ws, contact);
    expect(ticks).toMatchObject({
      campaign_id: "diwali",
      sent_at: "2026-11-20 10:01:00.000",
      delivered_at: "2026-11-20 10:02:00.000",
      read_at: "2026-11-20 10:03:00.000",
      replied_at: "2026-11-20 10:04:00.000",
      failed_at: null,
    });
    const state = await getContactState(store(), ws, contact, new Date(T0));
    expect(state).toMatchObject({ templateMessages: 1, source: "api" });
  });

  it("links statuses stored before their message to its campaign when the message arrives, once, and a replay adds nothing", async () => {
    const ws = randomId("ws");
    const contact = "+5511912345678";
    const pricing = { category: "marketing", billable: true, model: "CBP" };
    const early: ChatEventInput[] = [
      { event_id: "s-del", type: "message.status", contact, ts: at(2), wamid: "wamid.early", status: "delivered", pricing },
      { event_id: "s-read", type: "message.status", contact, ts: at(3), wamid: "wamid.early", status: "read", pricing },
    ];
    const message: ChatEventInput[] = [
      { event_id: "c", type: "campaign.created", ts: at(0), campaign_id: "holi", name: "Holi sale", template: "holi_offer" },
      { event_id: "o", type: "message.outbound", contact, ts: at(1), kind: "template", wamid: "wamid.early", campaign_id: "holi" },
    ];
    await ingest(ws, early);
    expect(await getContactCampaignTicks(store(), ws, contact)).toEqual([]);
    await ingest(ws, message);
    const ticks = async () => getContactCampaignTicks(store(), ws, contact);
    expect(await ticks()).toEqual([
      expect.objectContaining({ campaign_id: "holi", sent_at: "2026-11-20 10:01:00.000", delivered_at: "2026-11-20 10:02:00.000", read_at: "2026-11-20 10:03:00.000" }),
    ]);
    const billable = () =>
      store().query(
        "SELECT campaign_id, message = sipHash64('wamid.early') AS early, category FROM billable_messages FINAL WHERE workspace_id = {workspaceId:String}",
        { workspaceId: ws },
        { report: "test:ingestion" },
      );
    expect(await billable()).toEqual([{ campaign_id: "holi", early: 1, category: "marketing" }]);
    // Each status once in the journey, with its campaign.
    const statuses = async () => (await getJourney(store(), ws, contact)).filter((e) => e.type === "message.status").map((e) => [e.event_id, e.campaign_id]);
    expect(await statuses()).toEqual([
      ["s-del", "holi"],
      ["s-read", "holi"],
    ]);

    const stored = () => store().query("SELECT count() AS n FROM events WHERE workspace_id = {workspaceId:String}", { workspaceId: ws }, { report: "test:ingestion" });
    const before = await stored();
    expect(await ingest(ws, [...early, ...message])).toEqual({ stored: 0, duplicates: 4 });
    expect(await ingest(ws, message)).toEqual({ stored: 0, duplicates: 2 });
    expect(await stored()).toEqual(before);
    expect(await statuses()).toHaveLength(2);
    expect(await billable()).toHaveLength(1);
  });

  it("gives a campaign's recipients its broadcast tag, once per campaign, in the journey", async () => {
    const ws = randomId("ws");
    const [ana, ben] = ["+34612345678", "+34612345679"];
    const send = (id: string, contact: string, minute: number, campaign = "black-friday"): ChatEventInput => ({
      event_id: id, type: "message.outbound", contact, ts: at(minute), kind: "template", wamid: `wamid.${id}`, campaign_id: campaign,
    });
    await ingest(ws, [send("o-ana", ana, 2), send("o-ben", ben, 1), send("o-ana-again", ana, 1)]);
    // A later send of the same campaign, a replay, and a session message add nothing.
    await ingest(ws, [send("o-ana-3", ana, 9), send("o-ben", ben, 1)]);
    await ingest(ws, [{ event_id: "s", type: "message.outbound", contact: ben, ts: at(10), kind: "session", text: "hi" }]);
    await ingest(ws, [send("o-ben-2", ben, 11, "cyber-monday")]);

    const broadcastTags = async (contact: string) =>
      (await getJourney(store(), ws, contact)).filter((e) => e.type === "tag.added").map((e) => [e.tag, e.ts, e.actor_id]);
    expect(await broadcastTags(ana)).toEqual([["broadcast:black-friday", "2026-11-20 10:01:00.000", "campaign:black-friday"]]);
    expect(await broadcastTags(ben)).toEqual([
      ["broadcast:black-friday", "2026-11-20 10:01:00.000", "campaign:black-friday"],
      ["broadcast:cyber-monday", "2026-11-20 10:11:00.000", "campaign:cyber-monday"],
    ]);
  });

  it("derives the same status as the domain rules for any sequence, whatever the arrival order", async () => {
    const step = fc.constantFrom<ControlEvent | "message.inbound">(
      "intervention.requested",
      "agent.intervened",
      "chat.resolved",
      "message.inbound",
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), fc.boolean(), async (steps, reverse) => {
        const ws = randomId("ws");
        const contact = "+919900000001";
        const events = steps.map((type, i) => ({ event_id: `e${i}`, type, contact, ts: at(i) })) as ChatEventInput[];
        await ingest(ws, reverse ? [...events].reverse() : events);

        const controls = steps.map((t, i) => ({ t, i })).filter((s) => s.t !== "message.inbound");
        const inbound = steps.map((t, i) => ({ t, i })).filter((s) => s.t === "message.inbound");
        const last = controls.at(-1);
        const expected = deriveStatus({
          lastControl: (last?.t as ControlEvent) ?? null,
          lastControlAt: last ? last.i : null,
          lastActiveAt: inbound.length ? inbound.at(-1)!.i : null,
        });
        const state = await getContactState(store(), ws, contact, new Date(T0));
        expect(state?.status).toBe(expected);
      }),
      { numRuns: 25 },
    );
  });
});
