import { describe, expect, it } from "vitest";
import { loadMigrations } from "@/clickhouse/migrate";
import { getContactState, getJourney } from "@/clickhouse/queries/contacts";
import { backfillAllOptEvents } from "@/clickhouse/queries/opt-outs-backfill";
import { linkEarlierStatuses } from "@/clickhouse/queries/status-links";
import type { ChatEventInput } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { toEventRow } from "@/server/ingestion/rows";
import { validateEvents } from "@/server/ingestion/validate";
import { randomId } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

/**
 * The upgrade to 0020 on a store written by the version before it: the
 * keyword replies and 131050 failures it holds become the opt events today's
 * ingestion would have written, the contacts read model gets their state, and
 * nothing else changes.
 */

const store = useTestStore();
const REWIND = { report: "opt-outs-upgrade-test", tenant: "exempt: rewinds the schema of the whole store" } as const;
const at = (minutes: number) => new Date(Date.parse("2026-11-01T10:00:00Z") + minutes * 60_000).toISOString();

/** A history with every kind of cause, and messages that are no keyword. */
const HISTORY: ChatEventInput[] = [
  { event_id: "c", type: "campaign.created", ts: at(0), campaign_id: "diwali", name: "Diwali" },
  { event_id: "o1", type: "message.outbound", contact: "+919800000001", ts: at(1), kind: "template", wamid: "w1", campaign_id: "diwali" },
  { event_id: "o2", type: "message.outbound", contact: "+919800000002", ts: at(1), kind: "template", wamid: "w2", campaign_id: "diwali" },
  { event_id: "f2", type: "message.status", contact: "+919800000002", ts: at(2), wamid: "w2", status: "failed", error: { code: 131050, title: "stopped marketing" } },
  // A failure stored before its message (which LATER brings): linked afterwards, and still one opt-out, without a campaign.
  { event_id: "f3", type: "message.status", contact: "+919800000003", ts: at(2), wamid: "w3", status: "failed", error: { code: 131050, title: "stopped marketing" } },
  { event_id: "i1", type: "message.inbound", contact: "+919800000001", ts: at(3), text: "  Stop " },
  { event_id: "i4", type: "message.inbound", contact: "+919800000004", ts: at(3), text: "बंद करो" },
  { event_id: "i4b", type: "message.inbound", contact: "+919800000004", ts: at(9), text: "start" },
  { event_id: "i5", type: "message.inbound", contact: "+919800000005", ts: at(3), text: "please stop calling me" },
];

const LATER: ChatEventInput[] = [
  { event_id: "o3", type: "message.outbound", contact: "+919800000003", ts: at(1), kind: "template", wamid: "w3", campaign_id: "diwali" },
];

function valid(raw: ChatEventInput[], ws: string) {
  const { valid, rejected } = validateEvents(raw, ws);
  expect(rejected).toEqual([]);
  return valid.map((v) => v.event);
}

const contacts = ["+919800000001", "+919800000002", "+919800000003", "+919800000004", "+919800000005"];

describe("the upgrade to 0020", () => {
  it("derives the opt-outs of the stored log as ingestion does now, fills the state, and keeps the rest", async () => {
    // Back to the shape before 0020.
    for (const statement of [
      "DROP VIEW contact_opt_events_mv",
      "DROP TABLE contact_opt_events",
      "DROP TABLE opt_out_keywords",
      "ALTER TABLE contacts DROP COLUMN opted_out, DROP COLUMN opted_out_at",
    ]) {
      await store().command(statement, {}, REWIND);
    }

    // The previous version's store: its events (a status before its message got a linked copy, by the same
    // statement as then) and read-model rows, one of a workspace without any opt-out.
    const old = randomId("ws");
    const quiet = randomId("ws");
    // As that version's ingestion stored them: a status whose message came in the same batch carries its campaign.
    const oldRows = valid(HISTORY, old).map((e) => toEventRow(old, e));
    for (const r of oldRows) if (r.wamid === "w2") r.campaign_id = "diwali";
    await store().insert("events", oldRows, REWIND);
    await store().insert("events", valid(LATER, old).map((e) => toEventRow(old, e)), REWIND);
    await store().insert("events", valid([{ event_id: "q", type: "message.inbound", contact: "+919800000009", ts: at(5), text: "hello" }], quiet).map((e) => toEventRow(quiet, e)), REWIND);
    await linkEarlierStatuses(store(), old, { all: true });
    const quietRow = { workspace_id: quiet, contact: "+919800000009", name: "Kept as it was", first_seen: Date.parse(at(5)), version: 1 };
    await store().insert("contacts", [quietRow], REWIND);
    const eventsBefore = await countEvents(old);

    const upgrade = loadMigrations().find((m) => m.version === 20)!;
    for (const statement of upgrade.statements) await store().command(statement, {}, REWIND);
    await backfillAllOptEvents(store());
    // Today's ingestion of the same history, for comparison.
    const today = randomId("ws");
    await ingestEvents(store(), today, valid(HISTORY, today));
    await ingestEvents(store(), today, valid(LATER, today));

    // Every earlier event kept, plus one opt event per cause (f3's linked copy adds none).
    expect(await countEvents(old)).toBe(eventsBefore + 5);
    for (const contact of contacts) {
      const [upgraded, ingested] = await Promise.all([getContactState(store(), old, contact, new Date()), getContactState(store(), today, contact, new Date())]);
      expect(pick(upgraded), contact).toEqual(pick(ingested));
      const [a, b] = await Promise.all([optEvents(old, contact), optEvents(today, contact)]);
      expect(a, contact).toEqual(b);
    }
    expect((await getContactState(store(), old, "+919800000001", new Date()))?.optedOut).toBe(true);
    expect((await getContactState(store(), old, "+919800000004", new Date()))?.optedOut).toBe(false);
    expect((await getContactState(store(), old, "+919800000005", new Date()))?.optedOut).toBe(false);

    // The workspace without opt-outs was not rebuilt: its row is as it was, read as not opted out.
    expect(await getContactState(store(), quiet, "+919800000009", new Date())).toMatchObject({ name: "Kept as it was", optedOut: false });

    // Running the backfill again adds nothing.
    await backfillAllOptEvents(store());
    expect(await countEvents(old)).toBe(eventsBefore + 5);
  });
});

function pick(s: Awaited<ReturnType<typeof getContactState>>) {
  return s && { optedOut: s.optedOut, optedOutAt: s.optedOutAt, lastActive: s.lastActive, name: s.name };
}

async function optEvents(workspaceId: string, contact: string) {
  return (await getJourney(store(), workspaceId, contact))
    .filter((e) => e.type.startsWith("contact.opted"))
    .map(({ event_id, ts, type, campaign_id, text, actor_kind, actor_id }) => ({ event_id, ts, type, campaign_id, text, actor_kind, actor_id }));
}

async function countEvents(workspaceId: string): Promise<number> {
  const [row] = await store().query<{ n: string }>("SELECT count() AS n FROM events WHERE workspace_id = {workspaceId:String}", { workspaceId }, { report: "test:count-events" });
  return Number(row.n);
}
