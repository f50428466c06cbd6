import { describe, expect, it } from "vitest";
import { upsertTagDefinitions } from "@/clickhouse/queries/tags";
import type { ChatEvent, ChatEventInput } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { validateEvents } from "@/server/ingestion/validate";
import { randomId } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

// The bulk write path: TabSeparated encoding, grouped writes of concurrent
// batches, and the duplicate check at sizes past what a single Array
// parameter can carry.

const store = useTestStore();
const T0 = Date.parse("2026-11-20T10:00:00Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function valid(workspaceId: string, raw: ChatEventInput[]): ChatEvent[] {
  const { valid, rejected } = validateEvents(raw, workspaceId);
  expect(rejected).toEqual([]);
  return valid.map((v) => v.event);
}

async function storedEvents(workspaceId: string) {
  return store().query<{ event_id: string; text: string; name: string; payload: string }>(
    "SELECT event_id, text, name, payload FROM events WHERE workspace_id = {workspaceId:String} ORDER BY event_id",
    { workspaceId },
    { report: "test:ingestion-bulk" },
  );
}

describe("bulk ingestion", () => {
  it("stores text with tabs, line breaks, backslashes and quotes exactly as sent", async () => {
    const ws = randomId("ws");
    const awkward = 'tab\there, line\nbreak, cr\r, back\\slash \\N \\t, "quotes", emoji 🙂, nul-ish \\0';
    const events = valid(ws, [
      { event_id: "odd\tid\\1", type: "message.inbound", contact: "+919812345678", ts: at(0), text: awkward, profile_name: "Zoë\t\"Z\"" },
    ]);
    expect(await ingestEvents(store(), ws, events)).toEqual({ stored: 1, duplicates: 0 });
    const [row] = await storedEvents(ws);
    expect(row.event_id).toBe("odd\tid\\1");
    expect(row.text).toBe(awkward);
    expect(row.name).toBe('Zoë\t"Z"');
    // Columns hold the fields they are named for; the payload keeps only the rest.
    expect(JSON.parse(row.payload)).toEqual({ first: true });
    expect(await ingestEvents(store(), ws, events)).toEqual({ stored: 0, duplicates: 1 });
  });

  it("keeps in the payload every field no column holds", async () => {
    const ws = randomId("ws");
    const referral = { source_type: "ad", source_id: "ad-7", headline: "Diwali deals", ctwa_clid: "clid-1" };
    const pricing = { category: "marketing", billable: true, model: "PMP" };
    const events = valid(ws, [
      { event_id: "in", type: "message.inbound", contact: "+919812345678", ts: at(0), text: "hi", context_wamid: "wamid.x", referral, actor: { kind: "user", name: "Asha" } },
      { event_id: "st", type: "message.status", contact: "+919812345678", ts: at(1), wamid: "wamid.y", status: "read", pricing, conversation: { id: "c1", origin: "marketing" } },
      { event_id: "at", type: "attribute.set", contact: "+919812345678", ts: at(2), attribute: "vip", value: true },
    ]);
    await ingestEvents(store(), ws, events);
    const rows = await storedEvents(ws);
    const payload = (id: string) => JSON.parse(rows.find((r) => r.event_id === id)!.payload);
    expect(payload("in")).toEqual({ context_wamid: "wamid.x", referral, actor: { name: "Asha" }, first: true });
    expect(payload("st")).toEqual({ pricing, conversation: { id: "c1", origin: "marketing" } });
    // A value that is not text keeps its type beside the text column.
    expect(payload("at")).toEqual({ value: true });
  });

  it("stores concurrent copies of a batch once, and their answers add up", async () => {
    const ws = randomId("ws");
    await upsertTagDefinitions(store(), ws, [{ tag: "Product A", firstMessageText: "Hi, I want Product A" }]);
    const batch = valid(
      ws,
      Array.from({ length: 50 }, (_, i) => ({
        event_id: `e${i}`,
        type: "message.inbound" as const,
        contact: `+1415555${String(i % 10).padStart(4, "0")}`,
        ts: at(i),
        text: "Hi, I want Product A",
      })),
    );
    const answers = await Promise.all(Array.from({ length: 6 }, () => ingestEvents(store(), ws, batch)));
    expect(answers.reduce((n, a) => n + a.stored, 0)).toBe(50);
    expect(answers.reduce((n, a) => n + a.duplicates, 0)).toBe(250);
    const rows = await storedEvents(ws);
    // 50 messages and one first-message tag for each of the 10 contacts.
    expect(rows).toHaveLength(60);
    expect(rows.filter((r) => JSON.parse(r.payload).first === true)).toHaveLength(10);
  });

  it("checks tens of thousands of ids at once, inside and beside the stored range", async () => {
    const ws = randomId("ws");
    const contact = "+919812345678";
    const event = (id: string, i: number): ChatEventInput => ({ event_id: id, type: "attribute.set", contact, ts: at(i), attribute: "n", value: i });
    const evens = valid(ws, Array.from({ length: 30_000 }, (_, i) => event(`id-${String(2 * i).padStart(6, "0")}`, i)));
    expect(await ingestEvents(store(), ws, evens)).toEqual({ stored: 30_000, duplicates: 0 });
    // Odd ids fall inside the stored range but are all new; the retry of the evens is all duplicates.
    const odds = valid(ws, Array.from({ length: 30_000 }, (_, i) => event(`id-${String(2 * i + 1).padStart(6, "0")}`, i)));
    const [oddAnswer, retryAnswer] = await Promise.all([ingestEvents(store(), ws, odds), ingestEvents(store(), ws, evens)]);
    expect(oddAnswer).toEqual({ stored: 30_000, duplicates: 0 });
    expect(retryAnswer).toEqual({ stored: 0, duplicates: 30_000 });
    const [{ n }] = await store().query<{ n: string }>("SELECT count() AS n FROM events WHERE workspace_id = {workspaceId:String}", {
      workspaceId: ws,
    }, { report: "test:ingestion-bulk" });
    expect(Number(n)).toBe(60_000);
  });
});
