import { beforeAll, describe, expect, it } from "vitest";
import { generateEvents } from "@/server/demo/generator";
import { Rng } from "@/server/demo/random";
import { DEMO_RETAIL } from "@/server/demo/workspace";
import type { ChatEvent } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { randomId } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

const store = useTestStore();
const READ = { report: "unresolved-waits-test" } as const;
const CONTROL = new Set(["intervention.requested", "agent.intervened", "chat.resolved"]);

interface Wait {
  event_id: string;
  contact: string;
  kind: "intervene" | "resolve";
  agent_id: string;
  wait_ms: number | null;
}

/**
 * Every take and resolve with the wait it ended, worked out from the events
 * themselves (the rule of 0008): a chat's events in (time, id) order are cut
 * at each take or resolve; a take waits from the first request since the
 * previous cut, a resolve from the take just before it.
 */
function oracle(events: ChatEvent[]): Wait[] {
  const byChat = new Map<string, ChatEvent[]>();
  for (const e of new Map(events.map((e) => [e.event_id, e])).values()) {
    if (!CONTROL.has(e.type) || !e.contact) continue;
    byChat.set(e.contact, [...(byChat.get(e.contact) ?? []), e]);
  }
  const waits: Wait[] = [];
  for (const [contact, chat] of byChat) {
    chat.sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts) || (a.event_id < b.event_id ? -1 : a.event_id > b.event_id ? 1 : 0));
    let firstRequest: number | null = null;
    let previous: ChatEvent | null = null;
    for (const e of chat) {
      const t = Date.parse(e.ts);
      if (e.type === "intervention.requested") {
        firstRequest ??= t;
        continue;
      }
      const take = e.type === "agent.intervened";
      const wait = take ? (firstRequest === null ? null : t - firstRequest) : previous?.type === "agent.intervened" ? t - Date.parse(previous.ts) : null;
      waits.push({ event_id: e.event_id, contact, kind: take ? "intervene" : "resolve", agent_id: e.actor?.id ?? "", wait_ms: wait });
      firstRequest = null;
      previous = e;
    }
  }
  return waits.sort((a, b) => (a.event_id < b.event_id ? -1 : 1));
}

async function storedWaits(workspaceId: string): Promise<Wait[]> {
  return store().query<Wait>(
    `SELECT event_id, contact, kind, agent_id, wait_ms FROM control_waits FINAL
     WHERE workspace_id = {workspaceId:String} ORDER BY event_id`,
    { workspaceId },
    READ,
  );
}

/** A seeded shuffle (the demo generator's PRNG), so a failure can be replayed. */
const shuffled = <T>(items: readonly T[], seed: number): T[] => new Rng(seed).shuffle([...items]);

async function ingestInRounds(workspaceId: string, events: ChatEvent[], size: number) {
  for (let i = 0; i < events.length; i += size) await ingestEvents(store(), workspaceId, events.slice(i, i + size));
}

describe("Unresolved's waits as events arrive round by round", () => {
  // A generated shop's chats: repeated requests, takes, resolves from the queue, many conversations per chat.
  const events: ChatEvent[] = [];
  let expected: Wait[];

  beforeAll(() => {
    const now = Date.parse("2026-11-30T12:00:00Z");
    for (const batch of generateEvents({ workspace: DEMO_RETAIL, now, seed: 11, contacts: 120, events: 5_000 }))
      events.push(...batch.filter((e) => CONTROL.has(e.type)));
    events.sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
    expected = oracle(events);
  });

  it("the generated chats are rich enough to matter", () => {
    expect(expected.filter((w) => w.kind === "intervene" && w.wait_ms !== null).length).toBeGreaterThan(50);
    expect(expected.filter((w) => w.kind === "resolve" && w.wait_ms !== null).length).toBeGreaterThan(50);
    const conversations = new Map<string, number>();
    for (const w of expected) conversations.set(w.contact, (conversations.get(w.contact) ?? 0) + 1);
    expect(Math.max(...conversations.values())).toBeGreaterThan(3);
  });

  it("in one batch", async () => {
    const workspaceId = randomId("ws");
    await ingestEvents(store(), workspaceId, events);
    expect(await storedWaits(workspaceId)).toEqual(expected);
  });

  it("in time order, a few events a round: a take waits from a request stored rounds before", async () => {
    const workspaceId = randomId("ws");
    await ingestInRounds(workspaceId, events, 9);
    expect(await storedWaits(workspaceId)).toEqual(expected);
  });

  it("out of order: late requests, takes before their requests, events sent twice", async () => {
    const workspaceId = randomId("ws");
    const late = shuffled(events, 5);
    await ingestInRounds(workspaceId, late, 23);
    // A sender's retry of rounds already stored changes nothing.
    await ingestInRounds(workspaceId, shuffled(late, 6).slice(0, 60), 7);
    expect(await storedWaits(workspaceId)).toEqual(expected);
  });

  it("in time order after a late stretch: the chats that reached back go on from their recomputed state", async () => {
    const workspaceId = randomId("ws");
    const half = Math.floor(events.length / 2);
    await ingestInRounds(workspaceId, shuffled(events.slice(0, half), 9), 31);
    await ingestInRounds(workspaceId, events.slice(half), 11);
    expect(await storedWaits(workspaceId)).toEqual(expected);
  });
});
