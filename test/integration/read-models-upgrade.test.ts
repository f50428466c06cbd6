import { beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/clickhouse/migrate";
import { countSegment } from "@/clickhouse/queries/segments/audience";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { generateEvents } from "@/server/demo/generator";
import { DEMO_RETAIL } from "@/server/demo/workspace";
import { eventSchema, type ChatEvent } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { toEventRow } from "@/server/ingestion/rows";
import { getJourney } from "@/clickhouse/queries/contacts";
import { campaignFunnel } from "@/clickhouse/queries/campaign-funnel";
import { refreshReadModels } from "@/clickhouse/queries/read-models";
import { insertEvents } from "../helpers/events";
import { randomId } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

const store = useTestStore();

/**
 * The read models of 0011 are kept two ways: round by round as events arrive
 * (the pipeline refreshes what each round touched), and rebuilt whole from the
 * aggregate tables (the upgrade of a store written before 0011, the end of a
 * bulk load). Both must give the same rows, or a screen would depend on how
 * the data came in.
 *
 * A generated workspace arrives as real traffic does: every event in time
 * order, in small batches, so sends, their statuses, replies tied to them and
 * reply-window candidates land in different rounds.
 */
const workspaceId = randomId("ws");
const NOW = Date.parse("2026-11-30T12:00:00Z");

const SNAPSHOTS = {
  contacts: `SELECT * EXCEPT version FROM contacts FINAL WHERE workspace_id = {workspaceId:String} ORDER BY contact`,
  recipients: `SELECT * EXCEPT version FROM recipients FINAL WHERE workspace_id = {workspaceId:String} ORDER BY campaign_id, contact`,
  // Counts per delivery bucket; the first send per campaign (a bucket's minimum remembers recipients that moved on).
  campaign_stats: `SELECT campaign_id, bucket, sum(recipients), sum(delivered), sum(read), sum(replied), sum(failed),
      min(min(first_sent)) OVER (PARTITION BY campaign_id) AS campaign_first_sent
    FROM campaign_stats WHERE workspace_id = {workspaceId:String}
    GROUP BY campaign_id, bucket HAVING sum(recipients) != 0 ORDER BY campaign_id, bucket`,
  // The conversions with their last touch (0019), refreshed by the same rounds and rebuilds.
  conversions: `SELECT * EXCEPT version FROM conversions FINAL WHERE workspace_id = {workspaceId:String} ORDER BY contact, conversion_key`,
  // Billable messages per campaign and category (0032), counted again by every round that touches a campaign.
  campaign_billable_counts: `SELECT campaign_id, mapSort(counts) FROM campaign_billable_counts FINAL WHERE workspace_id = {workspaceId:String} ORDER BY campaign_id`,
} as const;

async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const [table, sql] of Object.entries(SNAPSHOTS)) out[table] = await store().query(sql, { workspaceId }, { report: "test:read-models-upgrade" });
  return out;
}

let incremental: Record<string, unknown[]>;

beforeAll(async () => {
  const events: ChatEvent[] = [];
  for (const batch of generateEvents({ workspace: DEMO_RETAIL, now: NOW, seed: 7, contacts: 150, events: 6_000 })) events.push(...batch);
  events.sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
  for (let i = 0; i < events.length; i += 400) await ingestEvents(store(), workspaceId, events.slice(i, i + 400));
  incremental = await snapshot();
}, 120_000);

describe("read models (0011)", () => {
  it("hold every contact, recipient and campaign of the workspace", () => {
    expect(incremental.contacts.length).toBe(150);
    expect(incremental.recipients.length).toBeGreaterThan(100);
    expect(incremental.campaign_stats.length).toBeGreaterThan(3);
    expect(incremental.campaign_billable_counts.length).toBeGreaterThan(3);
    // The demo's conversions after campaigns, most of them attributed to one.
    expect(incremental.conversions.filter((c) => (c as { campaign_id: string }).campaign_id !== "").length).toBeGreaterThan(0);
    // Window replies (no context) arrive in later rounds than their sends: some must be there.
    expect(incremental.recipients.some((r) => Number((r as { replied_in_window: number }).replied_in_window) === 1)).toBe(true);
  });

  it("a store written before 0011 gets the same rows from its migration as a store that followed every round", async () => {
    // Back to the shape before 0011: the aggregate tables hold everything, the read models do not exist.
    const schemaChange = { report: "test:rewind-schema", tenant: "exempt: the test rewinds the schema of the whole store" } as const;
    // conversions (0019) and campaign_billable_counts (0032) stay, emptied: the rebuild the upgrade runs rewrites them too.
    for (const table of Object.keys(SNAPSHOTS)) {
      const later = table === "conversions" || table === "campaign_billable_counts";
      await store().command(later ? `TRUNCATE TABLE ${table}` : `DROP TABLE ${table}`, {}, schemaChange);
    }
    // And the later migrations that change them.
    await store().command("DELETE FROM schema_migrations WHERE version IN (11, 14, 15, 20, 23, 25, 26, 45, 46)", {}, schemaChange);

    const log: string[] = [];
    expect(await migrate(store(), (line) => log.push(line))).toBe(9);
    expect(log).toContain("applied migration 0011_read_models");
    expect(log).toContain("applied migration 0015_contact_status_and_requests");

    expect(await snapshot()).toEqual(incremental);
  });

  it("a rebuild that takes the recipients and the contacts a slice of contacts at a time gives the same rows as the rounds", async () => {
    const schemaChange = { report: "test:empty-read-models", tenant: "exempt: the test empties the read models of the whole store" } as const;
    for (const table of Object.keys(SNAPSHOTS)) await store().command(`TRUNCATE TABLE ${table}`, {}, schemaChange);
    // Slices of about 40 pairs: the workspace's recipients take several.
    expect(incremental.recipients.length).toBeGreaterThan(3 * 40);
    await refreshReadModels(store(), workspaceId, { all: true, sliceSize: 40 });
    expect(await snapshot()).toEqual(incremental);
  });

  it("a replayed batch changes nothing", async () => {
    const events: ChatEvent[] = [];
    for (const batch of generateEvents({ workspace: DEMO_RETAIL, now: NOW, seed: 7, contacts: 150, events: 6_000 })) events.push(...batch);
    const result = await ingestEvents(store(), workspaceId, events.slice(0, 2_000));
    expect(result.stored).toBe(0);
    expect(await snapshot()).toEqual(incremental);
  });
});

describe("contacts with dictionary-coded tags and attribute keys (0014)", () => {
  it("a store written before 0014 keeps every contact's tags and attributes, and its segments count the same", async () => {
    const schemaChange = { report: "test:rewind-schema", tenant: "exempt: the test rewinds the schema of the whole store" } as const;
    // Back to the column types 0011 created.
    await store().command(
      "ALTER TABLE contacts MODIFY COLUMN tags Array(String), MODIFY COLUMN attributes Map(String, String)",
      {},
      schemaChange,
    );
    await store().command("ALTER TABLE contacts MODIFY SETTING map_serialization_version = 'basic'", {}, schemaChange);
    await store().command("DELETE FROM schema_migrations WHERE version = 14", {}, schemaChange);
    const types = () =>
      store().query<{ name: string; type: string }>(
        "SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = 'contacts' AND name IN ('tags', 'attributes') ORDER BY name",
        {},
        { report: "test:schema", tenant: "exempt: reads the schema" },
      );
    expect(await types()).toEqual([
      { name: "attributes", type: "Map(String, String)" },
      { name: "tags", type: "Array(String)" },
    ]);
    const tree: FilterTree = {
      kind: "group",
      join: "and",
      children: [
        { kind: "tags", op: "any", tags: ["Lead", "Customer"], tagKind: "any" },
        { kind: "attribute", attribute: "plan", op: "anyOf", values: ["Premium", "Basic"] },
      ],
    };
    const count = () => countSegment(store(), workspaceId, tree, { now: new Date(NOW), timeZone: "UTC" });
    const before = { rows: await snapshot(), count: await count() };
    expect(before.count.matching).toBeGreaterThan(0);

    expect(await migrate(store())).toBe(1);

    expect(await types()).toEqual([
      { name: "attributes", type: "Map(LowCardinality(String), String)" },
      { name: "tags", type: "Array(LowCardinality(String))" },
    ]);
    expect({ rows: await snapshot(), count: await count() }).toEqual(before);
  });
});

describe("a crash between a round's insert and its refresh", () => {
  it("is repaired by the retry the client makes, though every event of it is a duplicate", async () => {
    const ws = randomId("ws");
    const events = [
      { event_id: "hi", type: "message.inbound", contact: "+919800000001", ts: "2026-11-30T10:00:00Z", text: "Hello", profile_name: "Ravi" },
      { event_id: "tag", type: "tag.added", contact: "+919800000001", ts: "2026-11-30T10:01:00Z", tag: "VIP", kind: "manual" },
    ].map((e) => eventSchema.parse(e));
    // The insert landed, the process died before the read models followed, nothing was acknowledged.
    await store().insert("events", events.map((e) => toEventRow(ws, e)));
    const contact = () =>
      store().query<{ name: string; tags: string[] }>(
        "SELECT name, tags FROM contacts FINAL WHERE workspace_id = {workspaceId:String}",
        { workspaceId: ws },
        { report: "test:read-models-upgrade" },
      );
    expect(await contact()).toEqual([]);

    expect(await ingestEvents(store(), ws, events)).toEqual({ stored: 0, duplicates: 2 });
    expect(await contact()).toEqual([{ name: "Ravi", tags: ["VIP"] }]);
  });
});

describe("statuses an earlier version stored before their message (0017)", () => {
  it("are tied to their campaign by the upgrade, which leaves the workspace as if they had come after the message", async () => {
    const [earlier, reference] = [randomId("ws"), randomId("ws")];
    const at = (minute: number) => new Date(Date.parse("2026-11-30T10:00:00Z") + minute * 60_000).toISOString();
    const contacts = ["+919800000101", "+919800000102", "+919800000103"];
    const messages = [
      { event_id: "c", type: "campaign.created", ts: at(0), campaign_id: "eid", name: "Eid offers", template: "eid_v1" },
      ...contacts.map((contact, i) => ({ event_id: `o${i}`, type: "message.outbound", contact, ts: at(1), kind: "template", wamid: `wamid.eid.${i}`, campaign_id: "eid" })),
    ].map((e) => eventSchema.parse(e));
    const pricing = { category: "marketing", billable: true };
    const statuses = [
      { event_id: "s0d", contact: contacts[0], ts: at(2), wamid: "wamid.eid.0", status: "delivered", pricing },
      { event_id: "s0r", contact: contacts[0], ts: at(3), wamid: "wamid.eid.0", status: "read", pricing },
      { event_id: "s1d", contact: contacts[1], ts: at(2), wamid: "wamid.eid.1", status: "delivered" },
      { event_id: "s2f", contact: contacts[2], ts: at(2), wamid: "wamid.eid.2", status: "failed", error: { code: 131026, title: "Message undeliverable" } },
    ].map((e) => eventSchema.parse({ type: "message.status", ...e }));

    // The earlier version: the statuses came first and were kept without a campaign; the messages that
    // came next were stored (here straight into the log, with the read models following the round) without
    // looking back at them.
    await ingestEvents(store(), earlier, statuses);
    await insertEvents(store(), messages.map((e) => ({ ...toEventRow(earlier, e), ts: Date.parse(e.ts) })));
    // The same events in the order that always worked.
    await ingestEvents(store(), reference, messages);
    await ingestEvents(store(), reference, statuses);

    const figures = async (ws: string) => ({
      recipients: await store().query(
        `SELECT * EXCEPT (workspace_id, version) FROM recipients FINAL WHERE workspace_id = {workspaceId:String} ORDER BY contact`,
        { workspaceId: ws },
        { report: "test:read-models-upgrade" },
      ),
      campaign_stats: await store().query(
        `SELECT bucket, sum(recipients), sum(delivered), sum(read), sum(failed) FROM campaign_stats WHERE workspace_id = {workspaceId:String}
         GROUP BY bucket HAVING sum(recipients) != 0 ORDER BY bucket`,
        { workspaceId: ws },
        { report: "test:read-models-upgrade" },
      ),
      campaign_read: await store().query(
        `SELECT contact, campaign_read FROM contacts FINAL WHERE workspace_id = {workspaceId:String} ORDER BY contact`,
        { workspaceId: ws },
        { report: "test:read-models-upgrade" },
      ),
      billable: await store().query(`SELECT message, category FROM billable_messages FINAL WHERE workspace_id = {workspaceId:String} ORDER BY message`, { workspaceId: ws }, { report: "test:read-models-upgrade" }),
      billable_counts: await store().query(`SELECT mapSort(counts) FROM campaign_billable_counts FINAL WHERE workspace_id = {workspaceId:String}`, { workspaceId: ws }, { report: "test:read-models-upgrade" }),
      // Messages only: the earlier version's messages above skipped the broadcast tag the pipeline adds.
      journey: (await getJourney(store(), ws, contacts[0])).filter((e) => e.type.startsWith("message.")).map((e) => [e.event_id, e.type, e.campaign_id]),
    });
    const expected = await figures(reference);
    expect(expected.recipients).toHaveLength(3);
    expect(await figures(earlier)).not.toEqual(expected);

    const schemaChange = { report: "test:rewind-schema", tenant: "exempt: the test rewinds the schema of the whole store" } as const;
    await store().command("DELETE FROM schema_migrations WHERE version = 17", {}, schemaChange);
    const log: string[] = [];
    expect(await migrate(store(), (line) => log.push(line))).toBe(1);
    expect(log).toContain(`linked 4 statuses of ${earlier} to their campaign`);
    expect(await figures(earlier)).toEqual(expected);

    // Run again, or the statuses sent again: nothing changes.
    await store().command("DELETE FROM schema_migrations WHERE version = 17", {}, schemaChange);
    expect(await migrate(store())).toBe(1);
    expect(await ingestEvents(store(), earlier, statuses)).toEqual({ stored: 0, duplicates: 4 });
    expect(await figures(earlier)).toEqual(expected);
  });
});

describe("each recipient's reply candidate (0023)", () => {
  const at = (hours: number) => new Date(Date.parse("2026-10-01T10:00:00Z") + hours * 3_600_000).toISOString();
  const contacts = ["+919800000201", "+919800000202", "+919800000203", "+919800000204"];
  const send = [
    { event_id: "c", type: "campaign.created", ts: at(0), campaign_id: "diwali", name: "Diwali", template: "diwali_v1" },
    ...contacts.flatMap((contact, i) => [
      { event_id: `o${i}`, type: "message.outbound", contact, ts: at(0), kind: "template", wamid: `wamid.d.${i}`, campaign_id: "diwali" },
      { event_id: `d${i}`, type: "message.status", contact, ts: at(0.01), wamid: `wamid.d.${i}`, status: "delivered" },
    ]),
  ];
  // The first contact writes on day 5, then on day 2, out of order; the second on day 2; the
  // third 40 days later; the fourth never.
  const replies = [
    { event_id: "r0late", type: "message.inbound", contact: contacts[0], ts: at(110), text: "Is it still on?" },
    { event_id: "r0", type: "message.inbound", contact: contacts[0], ts: at(50), text: "Price?" },
    { event_id: "r1", type: "message.inbound", contact: contacts[1], ts: at(30), text: "Yes" },
    { event_id: "r2", type: "message.inbound", contact: contacts[2], ts: at(960), text: "Hi" },
  ];
  const parse = (events: object[]) => events.map((e) => eventSchema.parse(e));
  const funnelReplies = async (ws: string, hours: number) => (await campaignFunnel(store(), ws, "diwali", hours)).counts.replied;

  it("counts the replies of any reply window from a column, the same round by round, out of order, and after an upgrade", async () => {
    const ws = randomId("ws");
    await ingestEvents(store(), ws, parse(send));
    for (const reply of replies) await ingestEvents(store(), ws, parse([reply]));
    const candidates = () =>
      store().query<{ contact: string; reply_candidate_at: string | null }>(
        `SELECT contact, reply_candidate_at FROM recipients FINAL WHERE workspace_id = {workspaceId:String} ORDER BY contact`,
        { workspaceId: ws },
        { report: "test:read-models-upgrade" },
      );
    const followed = await candidates();
    expect(followed.map((r) => r.reply_candidate_at)).toEqual(["2026-10-03 12:00:00.000", "2026-10-02 16:00:00.000", null, null]);
    expect([await funnelReplies(ws, 24), await funnelReplies(ws, 48), await funnelReplies(ws, 72), await funnelReplies(ws, 720)]).toEqual([0, 1, 2, 2]);

    // A store written before 0023: no column; the upgrade fills it.
    const schemaChange = { report: "test:rewind-schema", tenant: "exempt: the test rewinds the schema of the whole store" } as const;
    await store().command("ALTER TABLE recipients DROP COLUMN reply_candidate_at", {}, schemaChange);
    await store().command("DELETE FROM schema_migrations WHERE version = 23", {}, schemaChange);
    expect(await migrate(store())).toBe(1);
    expect(await candidates()).toEqual(followed);
    expect(await funnelReplies(ws, 168)).toBe(2);
  });
});

describe("each recipient's opt-out (0026)", () => {
  const at = (hours: number) => new Date(Date.parse("2026-10-01T10:00:00Z") + hours * 3_600_000).toISOString();
  const contacts = ["+919800000301", "+919800000302", "+919800000303"];
  const outbound = contacts.map((contact, i) => ({
    event_id: `o${i}`, type: "message.outbound", contact, ts: at(0), kind: "template", wamid: `wamid.s.${i}`, campaign_id: "sale",
  }));
  const delivered = (i: number) => ({ event_id: `d${i}`, type: "message.status", contact: contacts[i], ts: at(0.5), wamid: `wamid.s.${i}`, status: "delivered" });
  const stop = (i: number, hours: number) => ({ event_id: `stop${i}`, type: "message.inbound", contact: contacts[i], ts: at(hours), text: "STOP" });
  const parse = (events: object[]) => events.map((e) => eventSchema.parse(e));

  it("counts an opt-out within 72 hours of the delivery whichever arrives first, and an upgrade fills it the same", async () => {
    const ws = randomId("ws");
    await ingestEvents(store(), ws, parse([...outbound, delivered(0), delivered(1)]));
    // The 72nd hour after the delivery counts, the 73rd does not; the third contact's
    // opt-out arrives before its delivery does.
    await ingestEvents(store(), ws, parse([stop(0, 72.5)]));
    await ingestEvents(store(), ws, parse([stop(1, 73.6)]));
    await ingestEvents(store(), ws, parse([stop(2, 3)]));
    await ingestEvents(store(), ws, parse([delivered(2)]));
    const rows = () =>
      store().query<{ contact: string; opted_out_at: string | null }>(
        `SELECT contact, opted_out_at FROM recipients FINAL WHERE workspace_id = {workspaceId:String} ORDER BY contact`,
        { workspaceId: ws },
        { report: "test:read-models-upgrade" },
      );
    const followed = await rows();
    expect(followed.map((r) => r.opted_out_at)).toEqual(["2026-10-04 10:30:00.000", null, "2026-10-01 13:00:00.000"]);
    expect((await campaignFunnel(store(), ws, "sale")).counts.optedOut).toBe(2);
    expect((await campaignFunnel(store(), ws, "sale", 168)).counts.optedOut).toBe(2);

    // A store written before 0026: no column; the upgrade fills it.
    const schemaChange = { report: "test:rewind-schema", tenant: "exempt: the test rewinds the schema of the whole store" } as const;
    await store().command("ALTER TABLE recipients DROP COLUMN opted_out_at", {}, schemaChange);
    await store().command("DELETE FROM schema_migrations WHERE version = 26", {}, schemaChange);
    expect(await migrate(store())).toBe(1);
    expect(await rows()).toEqual(followed);
  });
});
