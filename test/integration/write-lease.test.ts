import { describe, expect, it, vi } from "vitest";
import type { Store } from "@/clickhouse/client";
import { DERIVED_EVENT_ID_SQL } from "@/clickhouse/vocabulary/derived-events";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { callerFor, createTestWorkspace } from "../helpers/factories";
import { useTestStore } from "../helpers/store";
import { numberedEvents } from "../helpers/events";

const store = useTestStore();

/**
 * Several app instances on one ClickHouse server, each with its own
 * in-process queue: here, handles on the same store that the pipeline treats
 * as server connections, each one instance (its own queues and leases).
 */
const instance = (): Store => ({ ...store(), kind: "server" });

const PEOPLE = Array.from({ length: 20 }, (_, i) => `+91990000${String(200 + i).padStart(4, "0")}`);

function campaign(tag: string) {
  const ev = numberedEvents(tag);
  const wamid = (contact: string) => `wamid.${tag}.${contact}`;
  return [
    ev({ type: "campaign.created", campaign_id: "winter", name: "Winter sale", template: "winter_v1", ts: "2026-03-02T09:00:00Z" }),
    ...PEOPLE.map((contact) =>
      ev({ type: "message.outbound", kind: "template", contact, ts: "2026-03-02T10:00:00Z", wamid: wamid(contact), campaign_id: "winter", template: "winter_v1" }),
    ),
    ...PEOPLE.map((contact) => ev({ type: "message.status", contact, ts: "2026-03-02T10:01:00Z", wamid: wamid(contact), status: "read" })),
  ];
}

/** The workspace's rows in the log, its distinct ids, and the rows of received events (not ones the store derived). */
async function storedRows(workspaceId: string): Promise<{ rows: number; ids: number; received: number }> {
  const [row] = await store().query<{ rows: string; ids: string; received: string }>(
    `SELECT count() AS rows, uniqExact(event_id) AS ids, countIf(NOT ${DERIVED_EVENT_ID_SQL}) AS received
     FROM events WHERE workspace_id = {workspaceId:String}`,
    { workspaceId },
    { report: "test:write-lease" },
  );
  return { rows: Number(row.rows), ids: Number(row.ids), received: Number(row.received) };
}

/** Whose the workspace's latest lease claim is ("" once given back). */
async function leaseOwner(workspaceId: string): Promise<string | undefined> {
  const [row] = await store().query<{ owner: string }>(
    `SELECT owner FROM ingestion_leases WHERE workspace_id = {workspaceId:String} ORDER BY epoch DESC LIMIT 1`,
    { workspaceId },
    { report: "test:write-lease" },
  );
  return row?.owner;
}

/** The instances give the lease back once their work is done (just after their last answer). */
const givenBack = (workspaceId: string) => vi.waitFor(async () => expect(await leaseOwner(workspaceId)).toBe(""));

describe("duplicate detection across app instances", () => {
  it("a batch delivered to two instances at once is stored once, and counted once", async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "analyst" }] });
    const batch = campaign("both");
    const [a, b] = [instance(), instance()];
    // A sender retrying on a timeout: the same batch reaches both instances, three times each.
    const answers = await Promise.all([a, b, a, b, a, b].map((i) => ingestEvents(i, ws.workspaceId, batch)));

    expect(answers.reduce((n, r) => n + r.stored, 0)).toBe(batch.length);
    const { rows, ids, received } = await storedRows(ws.workspaceId);
    expect(rows).toBe(ids);
    expect(received).toBe(batch.length);
    const { rows: list } = await callerFor(store(), ws.members[0].userId).campaigns.list({ workspaceId: ws.workspaceId, from: "2026-03-01", to: "2026-03-31" });
    expect(list.map((r) => ({ id: r.campaignId, recipients: r.recipients, read: r.read }))).toEqual([{ id: "winter", recipients: 20, read: 20 }]);
    await givenBack(ws.workspaceId);
  });

  it("an instance gives the lease back when it is done, and the lease of one that crashed runs out", async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "analyst" }] });
    const [first, second] = campaign("turns").reduce<[ReturnType<typeof campaign>, ReturnType<typeof campaign>]>(
      (halves, e, i) => (halves[i % 2].push(e), halves),
      [[], []],
    );
    // One instance writes and gives the lease back; another then writes at once, without waiting for the lease to run out.
    await ingestEvents(instance(), ws.workspaceId, first);
    await givenBack(ws.workspaceId);
    await ingestEvents(instance(), ws.workspaceId, second);
    const { rows, ids, received } = await storedRows(ws.workspaceId);
    expect(rows).toBe(ids);
    expect(received).toBe(first.length + second.length);
    await givenBack(ws.workspaceId);

    // An instance that crashed holding the lease: its claim has run out, and the next instance takes over.
    const other = await createTestWorkspace(store(), { members: [{ role: "analyst" }] });
    await store().command(
      `INSERT INTO ingestion_leases (workspace_id, epoch, owner, expires_at)
       VALUES ({workspaceId:String}, 7, 'crashed-instance', now64(3, 'UTC') - INTERVAL 1 SECOND)`,
      { workspaceId: other.workspaceId },
      { report: "test:write-lease" },
    );
    await expect(ingestEvents(instance(), other.workspaceId, first)).resolves.toEqual({ stored: first.length, duplicates: 0 });
    await givenBack(other.workspaceId);
  });

  it("an instance that takes over writes read-model rows newer than the previous holder's, whatever its clock says", async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "analyst" }] });
    // The previous holder's clock ran an hour ahead: it gave the lease back at what it took for an hour from now.
    const previousClock = Date.now() + 3_600_000;
    await store().command(
      `INSERT INTO ingestion_leases (workspace_id, epoch, owner, expires_at)
       VALUES ({workspaceId:String}, 3, '', fromUnixTimestamp64Milli({at:Int64}, 'UTC'))`,
      { workspaceId: ws.workspaceId, at: previousClock },
      { report: "test:write-lease" },
    );
    await ingestEvents(instance(), ws.workspaceId, campaign("clock"));
    const [row] = await store().query<{ version: string }>(
      `SELECT min(version) AS version FROM recipients WHERE workspace_id = {workspaceId:String}`,
      { workspaceId: ws.workspaceId },
      { report: "test:write-lease" },
    );
    expect(BigInt(row.version)).toBeGreaterThan(BigInt(previousClock) * 1000n);
    await givenBack(ws.workspaceId);
  });
});
