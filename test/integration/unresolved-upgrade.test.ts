import { describe, expect, it } from "vitest";
import { migrate } from "@/clickhouse/migrate";
import { askedRequests, topTerms } from "@/clickhouse/queries/unresolved-asked";
import { rebuildAllUnresolvedSummaries } from "@/clickhouse/queries/unresolved-summaries";
import { speedReport } from "@/clickhouse/queries/unresolved-speed";
import { requestsPerDay } from "@/clickhouse/queries/unresolved-volume";
import { addDays, zoneDay } from "@/clickhouse/vocabulary/dates";
import { eventSchema, type ChatEvent } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { createTestWorkspace } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

const store = useTestStore();
const REWIND = { report: "unresolved-upgrade-test", tenant: "exempt: rewinds the schema of the whole store" } as const;
const ZONES = ["UTC", "Asia/Kolkata", "Asia/Kathmandu", "America/New_York"];
const RANGE = { from: "2026-10-30", to: "2026-11-04" };

let seq = 0;
const ev = (e: Record<string, unknown>) => eventSchema.parse({ event_id: `up${++seq}`, ...e });

/**
 * Five days of six chats around New York's change of clocks (1 November):
 * messages, requests (some repeated while waiting), takes and resolves at
 * times a fixed-seed generator picks, so days, weeks and waits cross every
 * zone's midnight somewhere.
 */
function chats(): ChatEvent[] {
  let state = 7;
  const next = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % n);
  const words = ["refund", "order", "late", "parcel", "missing", "help", "cancel"];
  const events: ChatEvent[] = [];
  for (let c = 0; c < 6; c++) {
    const contact = `+91980000${String(c).padStart(4, "0")}`;
    let t = Date.parse("2026-10-30T00:00:00Z") + next(600) * 60_000;
    while (t < Date.parse("2026-11-05T00:00:00Z")) {
      const at = new Date(t).toISOString();
      const roll = next(10);
      if (roll < 5) events.push(ev({ type: "message.inbound", contact, ts: at, text: `hi ${words[next(7)]}` }));
      else if (roll < 8) events.push(ev({ type: "intervention.requested", contact, ts: at, text: `${words[next(7)]} ${words[next(7)]}`, actor: { kind: "user", id: contact } }));
      else {
        // A take, mostly resolved a while later; or a resolve straight from the queue.
        const actor = { kind: "agent", id: `agent:${next(2)}`, name: "Agent" };
        if (roll === 8) events.push(ev({ type: "agent.intervened", contact, ts: at, actor }));
        if (roll === 9 || next(3) > 0) events.push(ev({ type: "chat.resolved", contact, ts: new Date(t + (1 + next(90)) * 60_000).toISOString(), actor }));
      }
      t += (1 + next(600)) * 60_000;
    }
  }
  return events;
}

/** Conversations and escalated ones per day of `timeZone`, from the events themselves. */
function oracle(events: ChatEvent[], timeZone: string) {
  const days = new Map<string, { conversations: Set<string>; escalated: Set<string>; requests: number }>();
  for (let day = RANGE.from; day <= RANGE.to; day = addDays(day, 1)) days.set(day, { conversations: new Set(), escalated: new Set(), requests: 0 });
  for (const e of events) {
    const d = days.get(zoneDay(new Date(e.ts), timeZone));
    if (!d || (e.type !== "message.inbound" && e.type !== "intervention.requested")) continue;
    d.conversations.add(e.contact!);
    if (e.type === "intervention.requested") (d.escalated.add(e.contact!), d.requests++);
  }
  return [...days].map(([day, d]) => ({ day, requests: d.requests, conversations: d.conversations.size, escalated: d.escalated.size }));
}

async function reports(workspaceId: string) {
  const out: Record<
    string,
    { volume: Awaited<ReturnType<typeof requestsPerDay>>; speed: Awaited<ReturnType<typeof speedReport>>; terms: Awaited<ReturnType<typeof topTerms>> }
  > = {};
  for (const timeZone of ZONES) {
    const range = { ...RANGE, timeZone };
    out[timeZone] = {
      volume: await requestsPerDay(store(), workspaceId, range),
      speed: await speedReport(store(), workspaceId, range),
      terms: await topTerms(store(), workspaceId, range),
    };
  }
  return out;
}

/** Every second event first, then the rest backwards, in rounds of 25: late requests and messages everywhere. */
function shuffled(events: ChatEvent[]): ChatEvent[][] {
  const order = [...events.filter((_, i) => i % 2 === 1), ...events.filter((_, i) => i % 2 === 0).reverse()];
  return Array.from({ length: Math.ceil(order.length / 25) }, (_, i) => order.slice(i * 25, i * 25 + 25));
}

describe("Unresolved's summaries (0024)", () => {
  it("an upgraded store answers every report as the log does, and as a store that followed every round out of order", async () => {
    const events = chats();
    const before = await createTestWorkspace(store());
    await ingestEvents(store(), before.workspaceId, events);

    // Back to the shape before 0024: no summaries (conversation_buckets, which it drops, is not read any more).
    for (const statement of [
      "DROP VIEW request_term_buckets_mv",
      "DROP TABLE request_term_buckets",
      "DROP TABLE wait_buckets",
      "DROP VIEW contact_buckets_mv",
      "DROP TABLE contact_buckets",
      "DROP TABLE conversation_gaps",
      // 0024 makes wait_buckets as it was then; 0047 makes it anew.
      "ALTER TABLE schema_migrations DELETE WHERE version IN (24, 47) SETTINGS mutations_sync = 1",
    ]) {
      await store().command(statement, {}, REWIND);
    }
    expect(await migrate(store())).toBe(2);

    const after = await createTestWorkspace(store());
    for (const round of shuffled(events)) await ingestEvents(store(), after.workspaceId, round);

    const upgraded = await reports(before.workspaceId);
    expect(upgraded).toEqual(await reports(after.workspaceId));
    for (const timeZone of ZONES) {
      const { volume, speed, terms } = upgraded[timeZone];
      expect(volume, timeZone).toEqual(oracle(events, timeZone));
      expect(speed.intervene.measured, timeZone).toBeGreaterThan(0);
      expect(speed.resolve.medianMs, timeZone).not.toBeNull();
      expect(terms.words.length, timeZone).toBeGreaterThan(0);
    }

    // The backfill run again, and a replayed round, change nothing.
    await rebuildAllUnresolvedSummaries(store());
    await ingestEvents(store(), after.workspaceId, events.slice(0, 20));
    expect(await reports(before.workspaceId)).toEqual(upgraded);
    expect(await reports(after.workspaceId)).toEqual(upgraded);
  }, 120_000);

  it("0047: a store whose waits are exact-quantile states answers every speed figure the same after the upgrade, and rounds after it", async () => {
    const events = chats();
    const ws = await createTestWorkspace(store());
    await ingestEvents(store(), ws.workspaceId, events);
    const speeds = async () => Object.fromEntries(await Promise.all(ZONES.map(async (timeZone) => [timeZone, await speedReport(store(), ws.workspaceId, { ...RANGE, timeZone })])));
    const expected = await speeds();

    // Back to 0024's wait_buckets, filled as the version before 0047 filled it: the waits as states.
    for (const statement of [
      "DROP TABLE wait_buckets",
      `CREATE TABLE wait_buckets (
         workspace_id LowCardinality(String), bucket DateTime('UTC'), kind LowCardinality(String), agent_id String, agent_name String,
         events UInt64, measured UInt64, waits AggregateFunction(quantilesExactInclusive(0.5, 0.9), Float64), histogram Array(UInt64), version UInt64
       ) ENGINE = ReplacingMergeTree(version) PARTITION BY toYYYYMM(bucket) ORDER BY (workspace_id, bucket, kind, agent_id)`,
      `INSERT INTO wait_buckets
       SELECT workspace_id, toDateTime(toStartOfFifteenMinutes(closed_at), 'UTC') AS bucket, kind, agent_id, anyIf(agent_name, agent_name != ''),
              count(), count(wait_ms), quantilesExactInclusiveStateIf(0.5, 0.9)(assumeNotNull(wait_ms), wait_ms IS NOT NULL), [], 1
       FROM control_waits FINAL
       GROUP BY workspace_id, bucket, kind, agent_id`,
      "ALTER TABLE schema_migrations DELETE WHERE version = 47 SETTINGS mutations_sync = 1",
    ]) {
      await store().command(statement, {}, REWIND);
    }
    expect(await migrate(store())).toBe(1);
    expect(await speeds()).toEqual(expected);
    expect(expected["UTC"].intervene.measured).toBeGreaterThan(0);

    // A take after the upgrade: one more wait to intervene, measured from the chat's request.
    const contact = "+919899999999";
    await ingestEvents(store(), ws.workspaceId, [
      ev({ type: "intervention.requested", contact, ts: "2026-11-02T10:00:00Z", text: "help", actor: { kind: "user", id: contact } }),
      ev({ type: "agent.intervened", contact, ts: "2026-11-02T10:07:00Z", actor: { kind: "agent", id: "agent:new", name: "New Agent" } }),
    ]);
    const after = await speedReport(store(), ws.workspaceId, { ...RANGE, timeZone: "UTC" });
    expect(after.intervene.measured).toBe(expected["UTC"].intervene.measured + 1);
    expect(after.agents.find((a) => a.agentId === "agent:new")).toMatchObject({ intervened: 1 });
  }, 120_000);

  it("a message that arrives after a later one of the same day leaves the day one conversation, in every zone", async () => {
    const ws = await createTestWorkspace(store());
    const contact = "+919811111111";
    const message = (ts: string) => ev({ type: "message.inbound", contact, ts, text: "hello" });
    // 19:10 UTC is 00:40 on the 11th in Kolkata; 18:40 UTC is 00:10 there, the same Kolkata day.
    await ingestEvents(store(), ws.workspaceId, [message("2026-11-10T19:10:00Z")]);
    await ingestEvents(store(), ws.workspaceId, [message("2026-11-10T18:40:00Z")]);
    await ingestEvents(store(), ws.workspaceId, [message("2026-11-10T18:20:00Z")]);
    const conversations = async (timeZone: string) =>
      (await requestsPerDay(store(), ws.workspaceId, { from: "2026-11-10", to: "2026-11-11", timeZone })).map((d) => d.conversations);
    expect(await conversations("UTC")).toEqual([1, 0]);
    expect(await conversations("Asia/Kolkata")).toEqual([1, 1]);
  });
});

describe("the asked list's search", () => {
  it("finds a request by a piece of its phone or of its text, and reads phones only for a search a phone can hold", async () => {
    const ws = await createTestWorkspace(store());
    const ask = (contact: string, text: string, ts: string) => ev({ type: "intervention.requested", contact, ts, text, actor: { kind: "user", id: contact } });
    await ingestEvents(store(), ws.workspaceId, [
      ask("+919811111112", "where is my parcel", "2026-11-10T10:00:00Z"),
      ask("+919833333333", "ref 9811111, +9198 desk", "2026-11-10T11:00:00Z"),
    ]);
    const found = async (search: string) =>
      (await askedRequests(store(), ws.workspaceId, { from: "2026-11-10", to: "2026-11-10", timeZone: "UTC" }, { search, offset: 0, limit: 10 })).requests.map(
        (r) => r.contact,
      );
    expect(await found("9811111")).toEqual(["+919833333333", "+919811111112"]);
    expect(await found("+9198")).toEqual(["+919833333333", "+919811111112"]);
    expect(await found("PARCEL")).toEqual(["+919811111112"]);
    expect(await found("111 ")).toEqual([]);
    expect(await found("1111, +")).toEqual(["+919833333333"]);
  });
});
