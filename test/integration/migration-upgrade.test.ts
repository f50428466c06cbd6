import { describe, expect, it } from "vitest";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { loadMigrations } from "@/clickhouse/migrate";
import { backfillCampaignBillable, campaignBillable } from "@/clickhouse/queries/campaign-cost";
import { messagesPerDay } from "@/clickhouse/queries/overview";
import { requestsPerDay } from "@/clickhouse/queries/unresolved-volume";
import { getWorkspace } from "@/clickhouse/queries/workspaces";
import { nextVersion } from "@/clickhouse/version";
import { campaignFunnel } from "@/clickhouse/queries/campaign-funnel";
import { campaignConversions } from "@/clickhouse/queries/conversions";
import { rebuildAllContacts, refreshContacts, refreshRecipients } from "@/clickhouse/queries/read-models";
import { eventSchema } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { listContacts } from "@/clickhouse/queries/contact-list";
import { getContactCampaignTicks } from "@/clickhouse/queries/contacts";
import { countContactsByAttribute } from "@/clickhouse/queries/attributes";
import { segmentVocabulary } from "@/clickhouse/queries/segments/vocabulary";
import { eventRow, insertEvents, numberedEvents } from "../helpers/events";
import { useTestStore } from "../helpers/store";
import { contactFacts } from "@/clickhouse/queries/segments/contact-facts";
import { countSegment, previewSegment } from "@/clickhouse/queries/segments/audience";
import { askedRequests } from "@/clickhouse/queries/unresolved-asked";
import { compileSegment } from "@/clickhouse/queries/segments/compile";
import { exportPage } from "@/clickhouse/queries/segments/export";
import { campaignBreakdown } from "@/clickhouse/queries/campaign-breakdowns";

const store = useTestStore();
const REWIND = { report: "migration-upgrade-test", tenant: "exempt: rewinds the schema of the whole store" } as const;

/** The `table.column`s a migration's `ALTER TABLE … MODIFY COLUMN … CODEC` statements name, sorted. */
function columnsGivenCodecs(statements: readonly string[]): string[] {
  return statements
    .filter((s) => /^ALTER TABLE \w+\s+MODIFY COLUMN/.test(s))
    .flatMap((s) => [...s.matchAll(/MODIFY COLUMN (\w+) CODEC/g)].map((m) => `${/^ALTER TABLE (\w+)/.exec(s)![1]}.${m[1]}`))
    .sort();
}

/** Each of these `table.column`s with its codec as the store has it ('' for none), in their order. */
async function columnCodecs(columns: string[]): Promise<string[][]> {
  const rows = await store().query<{ column: string; codec: string }>(
    `SELECT concat(table, '.', name) AS column, compression_codec AS codec FROM system.columns
     WHERE database = currentDatabase() AND concat(table, '.', name) IN {columns:Array(String)} ORDER BY column`,
    { columns },
    REWIND,
  );
  return rows.map((r) => [r.column, r.codec]);
}

/**
 * A table as the versions before 0037-0039 wrote it, with 0003's columns
 * (contact_tags: the origin, adder and time of each tag's last add;
 * contact_attributes: the setter and time of each value; outbound_messages:
 * every message with its time) filled by 0003's view. Made anew from the log,
 * as those versions would have filled it (a column added back to parts
 * written without it is not the same store).
 */
async function tableOf0003(table: "contact_tags" | "contact_attributes" | "outbound_messages"): Promise<void> {
  const [create, view] = [`CREATE TABLE IF NOT EXISTS ${table} `, `CREATE MATERIALIZED VIEW IF NOT EXISTS ${table}_mv `].map(
    (head) => loadMigrations().find((m) => m.version === 3)!.statements.find((s) => s.startsWith(head))!,
  );
  await store().command(`DROP VIEW IF EXISTS ${table}_mv`, {}, REWIND);
  await store().command(`DROP TABLE IF EXISTS ${table}`, {}, REWIND);
  await store().command(create, {}, REWIND);
  await store().command(`INSERT INTO ${table} ${view.slice(view.indexOf("SELECT"))}`, {}, REWIND);
  await store().command(view, {}, REWIND);
}

/** inbound_times as the versions before 0040 wrote it: sorted by time (0010), with its copy sorted by contact (0011), filled from the log. */
async function inboundTimesOf0011(): Promise<void> {
  const migrations = loadMigrations();
  const statements = [10, 11].flatMap((v) => migrations.find((m) => m.version === v)!.statements.filter((s) => /\binbound_times\b/.test(s)));
  await store().command("DROP VIEW IF EXISTS inbound_times_mv", {}, REWIND);
  await store().command("DROP TABLE IF EXISTS inbound_times", {}, REWIND);
  for (const statement of statements) await store().command(statement, {}, REWIND);
}

/** Runs the migrations of these versions on the test store, in order. */
async function upgradeTo(...versions: number[]): Promise<void> {
  for (const version of versions) for (const statement of loadMigrations().find((m) => m.version === version)!.statements) await store().command(statement, {}, REWIND);
}

describe("upgrading a store that already holds events", () => {
  it("0010, then 0028 and 0032, fill campaign costs from statuses stored before them", async () => {
    // Back to the shape before 0010: no pricing column, nothing derived from it.
    await store().command("DROP VIEW billable_messages_mv", {}, REWIND);
    await store().command("DROP TABLE billable_messages", {}, REWIND);
    await store().command("ALTER TABLE events DROP COLUMN pricing_category", {}, REWIND);
    const status = (id: string, wamid: string, status: string, pricing?: object) => {
      const { pricing_category: _new, ...row } = eventRow({
        workspace_id: "ws-old",
        contact: "+919812345678",
        type: "message.status",
        ts: Date.parse("2026-10-01T10:00:00Z"),
        event_id: id,
        wamid,
        status,
        campaign_id: "diwali",
        payload: JSON.stringify({ type: "message.status", wamid, status, ...(pricing ? { pricing } : {}) }),
      });
      return row;
    };
    // Two parts, as older inserts leave them; Meta repeats the pricing on every status of a message.
    await store().insert("events", [
      status("a-sent", "wamid.a", "sent", { category: "Marketing", billable: true }),
      status("b-sent", "wamid.b", "sent", { category: "utility", billable: false }),
    ]);
    await store().insert("events", [
      status("a-read", "wamid.a", "read", { category: "marketing", billable: true }),
      status("c-sent", "wamid.c", "sent"),
    ]);

    // 0010 derives campaign_billable from the log; 0028 moves it to billable_messages; 0032 counts it per campaign.
    for (const version of [10, 28, 32]) {
      const upgrade = loadMigrations().find((m) => m.version === version)!;
      for (const statement of upgrade.statements) await store().command(statement, {}, REWIND);
    }
    await backfillCampaignBillable(store());

    // One marketing message (its two statuses count once); the free one and the one without pricing are not billed.
    expect(await campaignBillable(store(), "ws-old", "diwali")).toEqual([{ category: "marketing", messages: 1 }]);
    // And ingestion counts what comes after: the free message's read repeats no pricing, a new one does.
    const after = [
      { event_id: "b-read", wamid: "wamid.b", status: "read" },
      { event_id: "d-sent", wamid: "wamid.d", status: "sent", pricing: { category: "utility", billable: true } },
    ];
    await ingestEvents(
      store(),
      "ws-old",
      after.map((e) => eventSchema.parse({ ...e, type: "message.status", contact: "+919812345678", ts: "2026-10-01T10:05:00Z", campaign_id: "diwali" })),
    );
    expect(await campaignBillable(store(), "ws-old", "diwali")).toEqual([
      { category: "marketing", messages: 1 },
      { category: "utility", messages: 1 },
    ]);
  });

  it("0018 reads existing workspaces as UTC and fills the 15-minute buckets from the events stored before it, as its views fill them after", async () => {
    // Back to the shape before 0018: no zone, no bucket tables (the per-UTC-day tables it drops are not needed to upgrade;
    // 0024 has dropped conversation_buckets already).
    for (const statement of [
      "DROP VIEW event_buckets_mv",
      "DROP VIEW IF EXISTS conversation_buckets_mv",
      "DROP TABLE event_buckets",
      "DROP TABLE IF EXISTS conversation_buckets",
      "ALTER TABLE workspaces DROP COLUMN time_zone",
    ]) {
      await store().command(statement, {}, REWIND);
    }
    await store().insert("workspaces", [{ workspace_id: "ws-before", name: "Before", phone_number_id: "", created_at: Date.now(), version: nextVersion(), is_deleted: 0 }]);

    // A day of a busy chat and a quiet one, in 15-minute steps, written before the upgrade and again after it.
    const chat = (workspaceId: string) =>
      Array.from({ length: 60 }, (_, i) => {
        const contact = i % 3 === 0 ? "+919800000002" : "+919800000001";
        const type = i % 7 === 0 ? "intervention.requested" : i % 2 === 0 ? "message.inbound" : "message.outbound";
        return eventRow({ workspace_id: workspaceId, contact, type, ts: Date.parse("2026-11-10T12:00:00Z") + i * 13 * 60_000 });
      });
    await store().insert("events", chat("ws-before"));

    const upgrade = loadMigrations().find((m) => m.version === 18)!;
    for (const statement of upgrade.statements) await store().command(statement, {}, REWIND);
    await store().insert("events", chat("ws-after"));

    expect((await getWorkspace(store(), "ws-before"))?.time_zone).toBe("UTC");
    for (const timeZone of ["UTC", "Asia/Kolkata"]) {
      const range = { from: "2026-11-10", to: "2026-11-11", timeZone };
      const [messagesBefore, messagesAfter, requestsBefore, requestsAfter] = await Promise.all([
        messagesPerDay(store(), "ws-before", range),
        messagesPerDay(store(), "ws-after", range),
        requestsPerDay(store(), "ws-before", range),
        requestsPerDay(store(), "ws-after", range),
      ]);
      expect(messagesBefore, timeZone).toEqual(messagesAfter);
      expect(requestsBefore, timeZone).toEqual(requestsAfter);
      expect(messagesBefore.reduce((n, d) => n + d.inbound + d.outbound, 0)).toBe(51);
      expect(requestsBefore.reduce((n, d) => n + d.requests, 0)).toBe(9);
    }
    // Run again, the backfills add nothing: the tables are no longer empty.
    for (const statement of upgrade.statements) await store().command(statement, {}, REWIND);
    expect(await messagesPerDay(store(), "ws-before", { from: "2026-11-10", to: "2026-11-11", timeZone: "UTC" })).toEqual(
      await messagesPerDay(store(), "ws-after", { from: "2026-11-10", to: "2026-11-11", timeZone: "UTC" }),
    );
  });

  it("0019 keeps a store's campaigns and attributes a conversion that arrives after it to a delivery from before it", async () => {
    // Back to the shape before 0019: no conversion tables.
    for (const statement of ["DROP VIEW conversion_events_mv", "DROP TABLE conversion_events", "DROP TABLE conversions"]) {
      await store().command(statement, {}, REWIND);
    }
    // A campaign delivered to two people and read by one, written and derived by the previous version.
    const ws = "ws-before-0019";
    const at = (t: string) => Date.parse(`2026-11-10T${t}Z`);
    const rows = ["+919800000011", "+919800000012"].flatMap((contact, i) => [
      eventRow({ workspace_id: ws, contact, type: "message.outbound", ts: at("10:00:00"), message_kind: "template", wamid: `w${i}`, campaign_id: "sale" }),
      eventRow({ workspace_id: ws, contact, type: "message.status", ts: at("10:01:00"), wamid: `w${i}`, status: "delivered", campaign_id: "sale" }),
      ...(i === 0 ? [eventRow({ workspace_id: ws, contact, type: "message.status", ts: at("10:05:00"), wamid: `w${i}`, status: "read", campaign_id: "sale" })] : []),
    ]);
    await store().insert("events", rows);
    const version = nextVersion();
    await refreshRecipients(store(), ws, { all: true }, version);
    await refreshContacts(store(), ws, { all: true }, version, "all");
    const before = await campaignFunnel(store(), ws, "sale");

    const upgrade = loadMigrations().find((m) => m.version === 19)!;
    for (const statement of upgrade.statements) await store().command(statement, {}, REWIND);

    expect(await campaignFunnel(store(), ws, "sale")).toEqual(before);
    expect(before.counts).toMatchObject({ sent: 2, delivered: 2, read: 1 });
    await ingestEvents(store(), ws, [
      eventSchema.parse({ event_id: "order-1", type: "conversion", contact: "+919800000012", ts: "2026-11-12T09:00:00Z", name: "order_placed", value: 499, currency: "INR" }),
    ]);
    expect(await campaignConversions(store(), ws, "sale", 7)).toEqual({
      conversions: 1,
      engaged: 0,
      converted: 1,
      withoutValue: 0,
      revenue: [{ currency: "INR", amount: 499 }],
    });
  });
  it("0025 indexes the contacts of a store written before it: its searches find the same people, and contacts that arrive after", async () => {
    // Back to the shape before 0025: no text indexes on contacts.
    await store().command("ALTER TABLE contacts DROP INDEX contact_grams, DROP INDEX search_text_grams, DROP INDEX tags_tokens, DROP INDEX attribute_entries", {}, REWIND);
    const ws = "ws-before-0025";
    const now = Date.now();
    const wrote = (contact: string, name: string, city: string, ago: number) => [
      { workspace_id: ws, contact, type: "message.inbound", ts: now - ago, name },
      { workspace_id: ws, contact, type: "attribute.set", ts: now - ago, attribute: "city", value: city },
    ];
    await insertEvents(store(), [...wrote("+919812300001", "Asha Rao", "Mumbai", 3_000), ...wrote("+919812300002", "Ravi Shah", "Pune", 2_000)]);
    const search = async (text: string) =>
      (await listContacts(store(), ws, { search: text, sort: "phone", direction: "asc", limit: 50, offset: 0 }, new Date())).rows.map((r) => r.phone);
    const before = await Promise.all(["98123", "sha", "mumbai", "pune"].map(search));

    const upgrade = loadMigrations().find((m) => m.version === 25)!;
    for (const statement of upgrade.statements) await store().command(statement, {}, REWIND);

    expect(await Promise.all(["98123", "sha", "mumbai", "pune"].map(search))).toEqual(before);
    expect(before).toEqual([["+919812300001", "+919812300002"], ["+919812300001", "+919812300002"], ["+919812300001"], ["+919812300002"]]);
    await insertEvents(store(), wrote("+919812300003", "Meera Iyer", "Mumbai", 1_000));
    expect(await search("mumbai")).toEqual(["+919812300001", "+919812300003"]);
    expect(await search("300003")).toEqual(["+919812300003"]);
  });
  it("0029 keeps the statuses a store holds without their campaign message, and links them when the message comes", async () => {
    // Back to the shape before 0029: no unlinked_statuses.
    await store().command("DROP VIEW IF EXISTS unlinked_statuses_mv", {}, REWIND);
    await store().command("DROP TABLE IF EXISTS unlinked_statuses", {}, REWIND);
    const ws = "ws-before-0029";
    const contact = "+919812300134";
    const early = [
      { event_id: "early-delivered", type: "message.status", contact, ts: "2026-11-20T10:02:00Z", wamid: "wamid.before-0029", status: "delivered" },
      { event_id: "early-read", type: "message.status", contact, ts: "2026-11-20T10:03:00Z", wamid: "wamid.before-0029", status: "read" },
    ];
    await ingestEvents(store(), ws, early.map((e) => eventSchema.parse(e)));

    const upgrade = loadMigrations().find((m) => m.version === 29)!;
    for (const statement of upgrade.statements) await store().command(statement, {}, REWIND);

    const message = [
      { event_id: "c", type: "campaign.created", ts: "2026-11-20T10:00:00Z", campaign_id: "upgrade-29", name: "Upgrade", template: "t" },
      { event_id: "o", type: "message.outbound", contact, ts: "2026-11-20T10:01:00Z", kind: "template", wamid: "wamid.before-0029", campaign_id: "upgrade-29" },
    ];
    await ingestEvents(store(), ws, message.map((e) => eventSchema.parse(e)));
    expect(await getContactCampaignTicks(store(), ws, contact)).toEqual([
      expect.objectContaining({ campaign_id: "upgrade-29", delivered_at: "2026-11-20 10:02:00.000", read_at: "2026-11-20 10:03:00.000" }),
    ]);
  });

  it("0030 keeps every id of a store written before it, so a batch sent again after the upgrade stores nothing", async () => {
    // Back to the shape before 0030: event_ids as 0002 made it (8,192-row granules).
    await store().command("DROP VIEW IF EXISTS event_ids_mv", {}, REWIND);
    await store().command("DROP TABLE IF EXISTS event_ids", {}, REWIND);
    const old = loadMigrations().find((m) => m.version === 2)!;
    for (const statement of old.statements.filter((s) => /\bevent_ids/.test(s))) await store().command(statement, {}, REWIND);
    const ws = "ws-before-0030";
    const batch = Array.from({ length: 40 }, (_, i) =>
      eventSchema.parse({ event_id: `${i}-${crypto.randomUUID()}`, type: "message.inbound", contact: `+9198123${String(i).padStart(5, "0")}`, ts: "2026-11-20T10:00:00Z", text: "hi" }),
    );
    await ingestEvents(store(), ws, batch);
    const stored = async () =>
      Number((await store().query<{ n: string }>("SELECT count() AS n FROM events WHERE workspace_id = {ws:String}", { ws }, REWIND))[0].n);
    const granules = async () =>
      (await store().query<{ engine_full: string }>("SELECT engine_full FROM system.tables WHERE database = currentDatabase() AND name = 'event_ids'", {}, REWIND))[0].engine_full;
    expect(await stored()).toBe(40);
    expect(await granules()).toContain("index_granularity = 8192");

    const upgrade = loadMigrations().find((m) => m.version === 30)!;
    for (const statement of upgrade.statements) await store().command(statement, {}, REWIND);

    expect(await granules()).toContain("index_granularity = 256");
    const outcome = await ingestEvents(store(), ws, [...batch, eventSchema.parse({ ...batch[0], event_id: "after-0030" })]);
    expect(outcome).toEqual({ stored: 1, duplicates: 40 });
    expect(await stored()).toBe(41);
  });

  it("0027 drops the by-name projections of tags and attributes and keeps every tag and attribute of a store written before it", async () => {
    // Back to the shape before 0027: the projections of 0009.
    await store().command("ALTER TABLE contact_tags ADD PROJECTION IF NOT EXISTS by_tag (SELECT * ORDER BY workspace_id, tag, contact)", {}, REWIND);
    await store().command("ALTER TABLE contact_attributes ADD PROJECTION IF NOT EXISTS by_attribute (SELECT * ORDER BY workspace_id, attribute, contact)", {}, REWIND);
    const ws = "ws-before-0027";
    const now = Date.now();
    await insertEvents(store(), [
      { workspace_id: ws, contact: "+919812300101", type: "tag.added", ts: now - 2_000, tag: "vip", tag_kind: "manual", tag_origin: "manual" },
      { workspace_id: ws, contact: "+919812300102", type: "tag.added", ts: now - 2_000, tag: "lead", tag_kind: "manual", tag_origin: "manual" },
      { workspace_id: ws, contact: "+919812300101", type: "attribute.set", ts: now - 1_000, attribute: "plan", value: "pro" },
    ]);
    const projections = async () =>
      (
        await store().query<{ name: string }>(
          "SELECT name FROM system.projections WHERE database = currentDatabase() AND table IN ('contact_tags', 'contact_attributes') ORDER BY name",
          {},
          REWIND,
        )
      ).map((r) => r.name);
    expect(await projections()).toEqual(["by_attribute", "by_tag"]);
    const read = async () => ({ tags: (await segmentVocabulary(store(), ws)).tags, attributes: await countContactsByAttribute(store(), ws) });
    const before = await read();

    const upgrade = loadMigrations().find((m) => m.version === 27)!;
    for (const statement of upgrade.statements) await store().command(statement, {}, REWIND);

    expect(await projections()).toEqual([]);
    expect(await read()).toEqual(before);
    expect(before).toEqual({ tags: ["lead", "vip"], attributes: new Map([["plan", 1]]) });
  });
  it("0031 rewrites a store's parts with the new codecs and keeps its events, ids and campaigns, read by contact through the narrower copy", async () => {
    const upgrade = loadMigrations().find((m) => m.version === 31)!;
    // Back to the shape before 0031: the columns it compresses without a codec, recipients' by_contact with every column.
    // The columns 0037-0039 dropped were there for 0031 to compress.
    for (const table of ["contact_tags", "contact_attributes", "outbound_messages"] as const) await tableOf0003(table);
    const compressed = columnsGivenCodecs(upgrade.statements);
    const codecs = () => columnCodecs(compressed);
    for (const [column, codec] of await codecs()) {
      const [table, name] = column.split(".");
      if (codec) await store().command(`ALTER TABLE ${table} MODIFY COLUMN ${name} REMOVE CODEC`, {}, REWIND);
    }
    await store().command("ALTER TABLE recipients DROP PROJECTION IF EXISTS by_contact", {}, REWIND);
    await store().command("ALTER TABLE recipients ADD PROJECTION by_contact (SELECT * ORDER BY workspace_id, contact, campaign_id)", {}, REWIND);
    expect(compressed).toContain("event_ids.event_id");
    expect(await codecs()).toEqual(compressed.map((c) => [c, ""]));

    const ws = "ws-before-0031";
    const contact = "+919812300231";
    const batch = [
      { event_id: "c", type: "campaign.created", ts: "2026-11-20T10:00:00Z", campaign_id: "upgrade-31", name: "Upgrade", template: "t" },
      { event_id: "o", type: "message.outbound", contact, ts: "2026-11-20T10:01:00Z", kind: "template", wamid: "wamid.before-0031", campaign_id: "upgrade-31" },
      { event_id: "d", type: "message.status", contact, ts: "2026-11-20T10:02:00Z", wamid: "wamid.before-0031", status: "delivered" },
      { event_id: "r", type: "message.status", contact, ts: "2026-11-20T10:03:00Z", wamid: "wamid.before-0031", status: "read" },
      { event_id: "i", type: "message.inbound", contact, ts: "2026-11-20T11:00:00Z", text: "Is it in stock?" },
    ].map((e) => eventSchema.parse(e));
    await ingestEvents(store(), ws, batch);
    const now = new Date("2026-11-21T00:00:00Z");
    const read = async () => ({
      facts: (await contactFacts(store(), ws, contact, now))?.campaigns,
      funnel: await campaignFunnel(store(), ws, "upgrade-31"),
    });
    const before = await read();
    expect(before.facts?.get("upgrade-31")).toEqual(
      expect.objectContaining({
        deliveredAt: Date.parse("2026-11-20T10:02:00Z"),
        readAt: Date.parse("2026-11-20T10:03:00Z"),
        repliedAt: Date.parse("2026-11-20T11:00:00Z"),
      }),
    );

    for (const statement of upgrade.statements) await store().command(statement, {}, REWIND);

    expect(await codecs()).toEqual(compressed.map((c) => [c, "CODEC(ZSTD(1))"]));
    expect(await read()).toEqual(before);
    // One contact's campaigns are read from the copy sorted by contact, not by scanning every campaign:
    // every column its readers take (read-models.ts, conversion-attribution.ts, contact-facts.ts) is in it.
    const plan = await store().query<{ explain: string }>(
      `SELECT explain FROM (
         EXPLAIN projections = 1
         SELECT campaign_id, send_time, reply_candidate_at, sent_eff, delivered_eff, read_eff, replied_at, failed_eff
         FROM recipients
         WHERE workspace_id = {ws:String} AND contact = {contact:String}
         ORDER BY campaign_id, version DESC
         LIMIT 1 BY campaign_id
       )`,
      { ws, contact },
      REWIND,
    );
    expect(plan.map((r) => r.explain).join("\n")).toContain("ReadFromMergeTree (by_contact)");
    expect(await ingestEvents(store(), ws, batch)).toEqual({ stored: 0, duplicates: batch.length });
    await upgradeTo(37, 38, 39);
  });

  it("0034 moves the counted gaps of a store written before it to 100 quarters, and the conversations per day stay the same in every zone", async () => {
    const ws = "ws-before-0034";
    // Contacts writing after silences of minutes, of 30 hours and of a week, and one writing for the first time.
    const at = (iso: string) => `2026-11-${iso}Z`;
    const batch = [
      ["+919812300341", ["10T09:00:00", "10T09:20:00", "11T15:30:00", "18T15:30:00"]],
      ["+919812300342", ["10T22:45:00", "12T04:50:00", "12T05:10:00"]],
      ["+919812300343", ["17T23:59:00"]],
    ].flatMap(([contact, times], c) =>
      (times as string[]).map((t, i) =>
        eventSchema.parse({ event_id: `g${c}-${i}`, type: i === 1 ? "intervention.requested" : "message.inbound", contact, ts: at(t), text: "Hello?" }),
      ),
    );
    await ingestEvents(store(), ws, batch);
    const days = (timeZone: string) => requestsPerDay(store(), ws, { from: "2026-11-09", to: "2026-11-19", timeZone });
    const zones = ["UTC", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham"];
    const answers = async () => Promise.all(zones.map(days));
    const expected = await answers();
    expect(expected[0].reduce((n, d) => n + d.conversations, 0)).toBe(6);
    const longer = async () =>
      (
        await store().query<{ n: string }>(`SELECT count() AS n FROM conversation_gaps WHERE workspace_id = {ws:String} AND gap > 100 AND contacts != 0`, { ws }, REWIND)
      )[0].n;

    // Back to the counts before 0034: the silences of a day or more counted at 180 and at 255 quarters.
    await store().command(
      `INSERT INTO conversation_gaps (workspace_id, bucket, kind, gap, contacts)
       SELECT workspace_id, bucket, kind, moved.1, moved.2
       FROM (SELECT workspace_id, bucket, kind, sum(contacts) AS n FROM conversation_gaps WHERE workspace_id = {ws:String} AND gap = 100 GROUP BY ALL)
       ARRAY JOIN [(toUInt8(100), -n), (if(toMinute(bucket) = 30, toUInt8(180), toUInt8(255)), n)] AS moved`,
      { ws },
      REWIND,
    );
    // Merged, as an old store is: the rows summing to nothing at 100 go.
    await store().command("OPTIMIZE TABLE conversation_gaps FINAL", {}, REWIND);
    expect(Number(await longer())).toBeGreaterThan(0);
    expect(await answers()).toEqual(expected);

    const upgrade = loadMigrations().find((m) => m.version === 34)!;
    for (const statement of upgrade.statements) await store().command(statement, {}, REWIND);
    expect(Number(await longer())).toBe(0);
    expect(await answers()).toEqual(expected);
    // Run again, it adds nothing; and a contact writing again after the upgrade is counted on its day.
    for (const statement of upgrade.statements) await store().command(statement, {}, REWIND);
    expect(await answers()).toEqual(expected);
    await ingestEvents(store(), ws, [eventSchema.parse({ event_id: "g-after", type: "message.inbound", contact: "+919812300343", ts: at("18T23:00:00"), text: "Still there?" })]);
    const [utc] = await answers();
    expect(utc.find((d) => d.day === "2026-11-18")?.conversations).toBe(expected[0].find((d) => d.day === "2026-11-18")!.conversations + 1);
  });

  it("0035 keeps the fatigue segments of a store written before it, and a read after the upgrade takes its contact out", async () => {
    const ws = "ws-before-0035";
    const DAY = 86_400_000;
    const now = Date.now();
    const at = (days: number) => new Date(now - days * DAY).toISOString();
    const P = (n: number) => `+91981230035${n}`;
    const ev = numberedEvents("f35");
    const send = (campaign: string, contact: string, days: number) =>
      ev({ type: "message.outbound", kind: "template", contact, ts: at(days), wamid: `wamid.${campaign}.${contact}`, campaign_id: campaign, template: `${campaign}_v1` });
    const read = (campaign: string, contact: string, days: number) =>
      ev({ type: "message.status", contact, ts: at(days), wamid: `wamid.${campaign}.${contact}`, status: "read" });
    // P1 got three campaigns in 20 days and read none; P2 read the oldest of its three;
    // P3 read one 50 days ago, before its three recent ones; P4 got two.
    await ingestEvents(store(), ws, [
      ...["a", "b", "c", "old"].map((c, i) => ev({ type: "campaign.created", campaign_id: c, name: c, template: `${c}_v1`, ts: at(60 - i) })),
      ...[P(1), P(2), P(3)].flatMap((p) => [send("a", p, 20), send("b", p, 10), send("c", p, 5)]),
      read("a", P(2), 19),
      send("old", P(3), 50),
      read("old", P(3), 49),
      send("a", P(4), 20),
      send("b", P(4), 10),
    ]);
    const clock = { now: new Date(now), timeZone: "UTC" };
    const fatigued = async (atLeast: number, days: number) =>
      (await previewSegment(store(), ws, { kind: "group", join: "and", children: [{ kind: "campaignFatigue", atLeast, days }] }, clock, { sort: "phone", direction: "asc", limit: 50, offset: 0 })).map(
        (r) => r.contact,
      );
    const answers = async () => Promise.all([fatigued(3, 30), fatigued(2, 30), fatigued(1, 7), fatigued(3, 60)]);
    const expected = [[P(1), P(3)], [P(1), P(3), P(4)], [P(1), P(2), P(3)], [P(1)]];
    expect(await answers()).toEqual(expected);

    // Back to the shape before 0035: no last_read_send.
    await store().command("ALTER TABLE contacts DROP COLUMN last_read_send", {}, REWIND);
    await upgradeTo(35);
    expect(await answers()).toEqual(expected);

    // A read arriving after the upgrade: P1 read b, so it is fatigued in no window that holds b.
    await ingestEvents(store(), ws, [read("b", P(1), 9)]);
    expect(await answers()).toEqual([[P(3)], [P(3), P(4)], [P(1), P(2), P(3)], []]);
  });

  it("0036 rewrites the sorted copies and search indexes of a store written before it, and every answer read through them stays the same", async () => {
    const upgrade = loadMigrations().find((m) => m.version === 36)!;
    const lz4 = columnsGivenCodecs(upgrade.statements);
    const codecs = () => columnCodecs(lz4);
    const settings = async () =>
      (
        await store().query<{ name: string; query: string }>(
          `SELECT name, create_table_query AS query FROM system.tables
           WHERE database = currentDatabase() AND name IN ('recipients', 'control_events', 'inbound_times', 'contacts') ORDER BY name`,
          {},
          REWIND,
        )
      ).map((t) => [t.name, [...t.query.matchAll(/(default_compression_codec|text_index_posting_list_codec) = '([^']+)'/g)].map((m) => `${m[1]}=${m[2]}`)]);

    // Back to the shape before 0036: no codec on the scanned tables' columns, no default codec, plain posting lists.
    for (const column of lz4) {
      const [table, name] = column.split(".");
      await store().command(`ALTER TABLE ${table} MODIFY COLUMN ${name} REMOVE CODEC`, {}, REWIND);
    }
    for (const table of ["recipients", "control_events", "inbound_times"]) await store().command(`ALTER TABLE ${table} RESET SETTING default_compression_codec`, {}, REWIND);
    await store().command("ALTER TABLE contacts RESET SETTING text_index_posting_list_codec", {}, REWIND);
    expect(lz4).toContain("recipients.read_eff");
    expect(lz4).toContain("control_events.text");
    expect(await codecs()).toEqual(lz4.map((c) => [c, ""]));
    expect(await settings()).toEqual([["contacts", []], ["control_events", []], ["inbound_times", []], ["recipients", []]]);

    const ws = "ws-before-0036";
    const contact = "+919812300361";
    const batch = [
      { event_id: "c", type: "campaign.created", ts: "2026-11-20T10:00:00Z", campaign_id: "upgrade-36", name: "Upgrade", template: "t" },
      { event_id: "o", type: "message.outbound", contact, ts: "2026-11-20T10:01:00Z", kind: "template", wamid: "wamid.before-0036", campaign_id: "upgrade-36" },
      { event_id: "d", type: "message.status", contact, ts: "2026-11-20T10:02:00Z", wamid: "wamid.before-0036", status: "delivered" },
      { event_id: "r", type: "message.status", contact, ts: "2026-11-20T10:03:00Z", wamid: "wamid.before-0036", status: "read" },
      { event_id: "i", type: "message.inbound", contact, ts: "2026-11-20T11:00:00Z", text: "Is it in stock?", profile_name: "Asha Rao" },
      { event_id: "q", type: "intervention.requested", contact, ts: "2026-11-20T11:01:00Z", text: "Is it in stock?" },
      { event_id: "t", type: "agent.intervened", contact, ts: "2026-11-20T11:05:00Z", actor: { kind: "member", id: "agent:mei", name: "Mei Tan" } },
    ].map((e) => eventSchema.parse(e));
    await ingestEvents(store(), ws, batch);
    const now = new Date("2026-11-21T00:00:00Z");
    const read = async () => ({
      facts: (await contactFacts(store(), ws, contact, now))?.campaigns,
      funnel: await campaignFunnel(store(), ws, "upgrade-36"),
      asked: (await askedRequests(store(), ws, { from: "2026-11-20", to: "2026-11-20", timeZone: "UTC" }, { search: "stock", offset: 0, limit: 10 })).requests,
      found: (await listContacts(store(), ws, { search: "asha", sort: "phone", direction: "asc", limit: 50, offset: 0 }, now)).rows.map((r) => r.phone),
    });
    const before = await read();
    expect(before.facts?.get("upgrade-36")).toEqual(expect.objectContaining({ readAt: Date.parse("2026-11-20T10:03:00Z") }));
    expect(before.asked.map((r) => r.contact)).toEqual([contact]);
    expect(before.found).toEqual([contact]);

    for (const statement of upgrade.statements) await store().command(statement, {}, REWIND);

    expect(await codecs()).toEqual(lz4.map((c) => [c, "CODEC(LZ4)"]));
    expect(await settings()).toEqual([
      ["contacts", ["text_index_posting_list_codec=bitpacking"]],
      ["control_events", ["default_compression_codec=ZSTD(1)"]],
      ["inbound_times", ["default_compression_codec=ZSTD(1)"]],
      ["recipients", ["default_compression_codec=ZSTD(1)"]],
    ]);
    expect(await read()).toEqual(before);
    expect(await ingestEvents(store(), ws, batch)).toEqual({ stored: 0, duplicates: batch.length });
  });

  it("0037 drops the tag states no reader takes, and a store's tags read the same in segments, facts, the list and the export", async () => {
    await tableOf0003("contact_tags");
    const ws = "ws-before-0037";
    const [asha, ravi] = ["+919812300371", "+919812300372"];
    const ev = numberedEvents("t37");
    const tag = (type: "tag.added" | "tag.removed", contact: string, name: string, ts: string, kind = "manual") =>
      ev({ type, contact, ts: `2026-11-${ts}Z`, tag: name, kind });
    await ingestEvents(store(), ws, [
      tag("tag.added", asha, "VIP", "10T10:00:00"),
      tag("tag.added", asha, "Lead", "10T10:01:00", "automated"),
      tag("tag.removed", asha, "VIP", "11T09:00:00"),
      tag("tag.added", ravi, "VIP", "12T09:00:00"),
      // A removal that arrives before the add it follows.
      tag("tag.removed", ravi, "Lead", "13T09:00:00"),
      tag("tag.added", ravi, "Lead", "12T08:00:00"),
    ]);
    const now = new Date("2026-11-20T00:00:00Z");
    const clock = { now, timeZone: "UTC" };
    const vip = { kind: "group" as const, join: "and" as const, children: [{ kind: "tags" as const, op: "any" as const, tags: ["VIP"], tagKind: "any" as const }] };
    const read = async () => ({
      facts: await Promise.all([asha, ravi].map(async (c) => [...((await contactFacts(store(), ws, c, now))?.tags ?? [])].sort())),
      vip: (await previewSegment(store(), ws, vip, clock, { sort: "phone", direction: "asc", limit: 50, offset: 0 })).map((r) => r.contact),
      list: (await listContacts(store(), ws, { sort: "phone", direction: "asc", limit: 50, offset: 0 }, now)).rows.map((r) => [r.phone, r.tags]),
      exported: (await exportPage(store(), ws, compileSegment({ kind: "group", join: "and", children: [] }, clock), { after: "", limit: 50, attributes: [], includeOptedOut: true })).map(
        (r) => [r.contact, r.tags],
      ),
    });
    const before = await read();
    expect(before.facts).toEqual([[["Lead", "automated"]], [["VIP", "manual"]]]);
    expect(before.vip).toEqual([ravi]);
    expect(before.exported).toEqual([[asha, ["Lead"]], [ravi, ["VIP"]]]);

    await upgradeTo(37);
    const columns = await store().query<{ name: string }>(
      "SELECT name FROM system.columns WHERE database = currentDatabase() AND table = 'contact_tags' ORDER BY position",
      {},
      REWIND,
    );
    expect(columns.map((c) => c.name)).toEqual(["workspace_id", "contact", "tag", "present", "kind"]);
    expect(await read()).toEqual(before);

    // Tags after the upgrade: Asha is a VIP again, Ravi no longer one.
    await ingestEvents(store(), ws, [tag("tag.added", asha, "VIP", "14T09:00:00"), tag("tag.removed", ravi, "VIP", "14T09:00:00")]);
    expect((await read()).vip).toEqual([asha]);
  });

  it("0038 drops the attribute states no reader takes, and a store's values read the same in segments, facts and the export", async () => {
    await tableOf0003("contact_attributes");
    const ws = "ws-before-0038";
    const [asha, ravi] = ["+919812300381", "+919812300382"];
    const ev = numberedEvents("a38");
    const set = (contact: string, attribute: string, value: string, ts: string) => ev({ type: "attribute.set", contact, ts: `2026-11-${ts}Z`, attribute, value });
    await ingestEvents(store(), ws, [
      set(asha, "city", "Pune", "10T10:00:00"),
      set(asha, "city", "Mumbai", "11T10:00:00"),
      set(ravi, "plan", "Premium", "10T10:00:00"),
      // An older value that arrives after the newer one.
      set(ravi, "city", "Delhi", "12T10:00:00"),
      set(ravi, "city", "Navi Mumbai", "09T10:00:00"),
    ]);
    const now = new Date("2026-11-20T00:00:00Z");
    const clock = { now, timeZone: "UTC" };
    const mumbai = { kind: "group" as const, join: "and" as const, children: [{ kind: "attribute" as const, attribute: "city", op: "contains" as const, values: ["mumbai"] }] };
    const read = async () => ({
      facts: await Promise.all([asha, ravi].map(async (c) => [...((await contactFacts(store(), ws, c, now))?.attributes ?? [])].sort())),
      mumbai: (await previewSegment(store(), ws, mumbai, clock, { sort: "phone", direction: "asc", limit: 50, offset: 0 })).map((r) => r.contact),
      exported: (
        await exportPage(store(), ws, compileSegment({ kind: "group", join: "and", children: [] }, clock), { after: "", limit: 50, attributes: ["city", "plan"], includeOptedOut: true })
      ).map((r) => [r.contact, r.attributes]),
    });
    const before = await read();
    expect(before.facts).toEqual([[["city", "Mumbai"]], [["city", "Delhi"], ["plan", "Premium"]]]);
    expect(before.mumbai).toEqual([asha]);
    expect(before.exported).toEqual([[asha, { city: "Mumbai" }], [ravi, { city: "Delhi", plan: "Premium" }]]);

    await upgradeTo(38);
    const columns = await store().query<{ name: string }>(
      "SELECT name FROM system.columns WHERE database = currentDatabase() AND table = 'contact_attributes' ORDER BY position",
      {},
      REWIND,
    );
    expect(columns.map((c) => c.name)).toEqual(["workspace_id", "contact", "attribute", "value"]);
    expect(await read()).toEqual(before);

    // A value after the upgrade: Ravi moves to Mumbai.
    await ingestEvents(store(), ws, [set(ravi, "city", "Mumbai", "14T09:00:00")]);
    expect((await read()).mumbai).toEqual([asha, ravi]);
  });

  it("0039 keeps the campaign messages a store's statuses and replies are tied by, and drops the rest", async () => {
    await tableOf0003("outbound_messages");
    const ws = "ws-before-0039";
    const [asha, ravi] = ["+919812300391", "+919812300392"];
    const ev = numberedEvents("o39");
    const send = (contact: string, wamid: string, ts: string, campaign_id?: string) =>
      ev({ type: "message.outbound", kind: campaign_id ? "template" : "session", contact, ts: `2026-11-${ts}Z`, wamid, campaign_id, text: campaign_id ? undefined : "On its way" });
    const status = (contact: string, wamid: string, s: string, ts: string) => ev({ type: "message.status", contact, ts: `2026-11-${ts}Z`, wamid, status: s });
    await ingestEvents(store(), ws, [
      ev({ type: "campaign.created", campaign_id: "sale-39", name: "Sale", template: "t", ts: "2026-11-10T09:00:00Z" }),
      send(asha, "wamid.sale.asha", "10T10:00:00", "sale-39"),
      send(ravi, "wamid.sale.ravi", "10T10:00:00", "sale-39"),
      // An agent's reply: no campaign.
      send(asha, "wamid.agent.asha", "10T11:00:00"),
    ]);
    const rows = async () =>
      (
        await store().query<{ wamid: string }>(`SELECT wamid FROM outbound_messages FINAL WHERE workspace_id = {ws:String} ORDER BY wamid`, { ws }, REWIND)
      ).map((r) => r.wamid);
    expect(await rows()).toEqual(["wamid.agent.asha", "wamid.sale.asha", "wamid.sale.ravi"]);

    await upgradeTo(39);
    const columns = await store().query<{ name: string }>(
      "SELECT name FROM system.columns WHERE database = currentDatabase() AND table = 'outbound_messages' ORDER BY position",
      {},
      REWIND,
    );
    expect(columns.map((c) => c.name)).toEqual(["workspace_id", "wamid", "contact", "campaign_id"]);
    expect(await rows()).toEqual(["wamid.sale.asha", "wamid.sale.ravi"]);

    // Statuses of messages sent before the upgrade find their campaign; the agent's message's read counts for none.
    await ingestEvents(store(), ws, [
      status(asha, "wamid.sale.asha", "read", "10T12:00:00"),
      status(asha, "wamid.agent.asha", "read", "10T12:00:00"),
      status(ravi, "wamid.sale.ravi", "delivered", "10T12:00:00"),
    ]);
    const { counts } = await campaignFunnel(store(), ws, "sale-39");
    expect(counts).toMatchObject({ sent: 2, delivered: 2, read: 1, ignored: 1 });
    // A message sent after the upgrade is kept only for its campaign.
    await ingestEvents(store(), ws, [send(ravi, "wamid.agent.ravi", "11T09:00:00")]);
    expect(await rows()).toEqual(["wamid.sale.asha", "wamid.sale.ravi"]);
  });

  it("0040 sorts a store's reply candidates by contact, and every campaign's replies within any window stay the same", async () => {
    await inboundTimesOf0011();
    const ws = "ws-before-0040";
    const [asha, ravi, meera] = ["+919812300401", "+919812300402", "+919812300403"];
    const T = Date.parse("2026-11-10T10:00:00Z");
    const HOUR = 3_600_000;
    const ev = numberedEvents("i40");
    const at = (ms: number) => new Date(ms).toISOString();
    const send = (contact: string, ts = T) =>
      ev({ type: "message.outbound", kind: "template", contact, ts: at(ts), wamid: `wamid.40.${contact}`, campaign_id: "reply-40" });
    const delivered = (contact: string, ts = T) => ev({ type: "message.status", contact, ts: at(ts + 60_000), wamid: `wamid.40.${contact}`, status: "delivered" });
    const writes = (contact: string, ts: number) => ev({ type: "message.inbound", contact, ts: at(ts), text: "Still on?" });
    await ingestEvents(store(), ws, [
      ev({ type: "campaign.created", campaign_id: "reply-40", name: "Replies", template: "t", ts: at(T - HOUR) }),
      ...[asha, ravi].flatMap((c) => [send(c), delivered(c)]),
      writes(asha, T + 2 * HOUR),
      writes(ravi, T + 80 * HOUR),
    ]);
    const replied = async () => Promise.all([72, 96].map(async (hours) => (await campaignFunnel(store(), ws, "reply-40", hours)).counts.replied));
    expect(await replied()).toEqual([1, 2]);
    const shape = async () =>
      (
        await store().query<{ sorting_key: string; projections: string }>(
          `SELECT sorting_key, (SELECT count() FROM system.projections WHERE database = currentDatabase() AND table = 'inbound_times') AS projections
           FROM system.tables WHERE database = currentDatabase() AND name = 'inbound_times'`,
          {},
          REWIND,
        )
      ).map((r) => [r.sorting_key, Number(r.projections)]);
    expect(await shape()).toEqual([["workspace_id, ts, contact", 1]]);

    await upgradeTo(40);
    expect(await shape()).toEqual([["workspace_id, contact, ts", 0]]);
    expect(await replied()).toEqual([1, 2]);
    // A send and a reply after the upgrade, in rounds of their own.
    await ingestEvents(store(), ws, [send(meera, T + 100 * HOUR), delivered(meera, T + 100 * HOUR)]);
    await ingestEvents(store(), ws, [writes(meera, T + 101 * HOUR)]);
    expect(await replied()).toEqual([2, 3]);
  });
});

/** Unresolved's waits as the versions before 0041 kept them: 0008's view, which read each chat's whole history. */
async function waitsOf0008(): Promise<void> {
  const view = loadMigrations().find((m) => m.version === 8)!.statements.find((s) => s.startsWith("CREATE MATERIALIZED VIEW IF NOT EXISTS control_waits_mv "))!;
  for (const name of ["new_control_events_mv", "control_wait_rows_mv", "control_open_mv", "control_waits_mv"]) await store().command(`DROP VIEW IF EXISTS ${name}`, {}, REWIND);
  for (const name of ["new_control_events", "control_wait_rows", "control_open"]) await store().command(`DROP TABLE IF EXISTS ${name}`, {}, REWIND);
  await store().command(view, {}, REWIND);
}

describe("upgrading a store that already holds events (0041)", () => {
  it("0041 carries every chat's open wait of a store written before it: a take after the upgrade waits from a request stored before it", async () => {
    await waitsOf0008();
    const ws = "ws-before-0041";
    const [waiting, taken, closed, repeated] = ["+919812300411", "+919812300412", "+919812300413", "+919812300414"];
    const T = Date.parse("2026-11-12T10:00:00Z");
    const MIN = 60_000;
    const ev = numberedEvents("w41");
    const at = (ms: number) => new Date(ms).toISOString();
    const agent = { kind: "agent", id: "agent:asha", name: "Asha" };
    const request = (contact: string, ts: number) => ev({ type: "intervention.requested", contact, ts: at(ts), text: "help", actor: { kind: "user", id: contact } });
    const take = (contact: string, ts: number) => ev({ type: "agent.intervened", contact, ts: at(ts), actor: agent });
    const resolve = (contact: string, ts: number) => ev({ type: "chat.resolved", contact, ts: at(ts), actor: agent });
    const waits = async () =>
      (
        await store().query<{ event_id: string; kind: string; wait_ms: number | null }>(
          "SELECT event_id, kind, wait_ms FROM control_waits FINAL WHERE workspace_id = {ws:String} ORDER BY closed_at, event_id",
          { ws },
          REWIND,
        )
      ).map((w) => [w.event_id, w.kind, w.wait_ms === null ? null : w.wait_ms / MIN]);

    await ingestEvents(store(), ws, [
      request(waiting, T),
      request(taken, T),
      take(taken, T + 5 * MIN),
      request(closed, T),
      take(closed, T + 1 * MIN),
      resolve(closed, T + 20 * MIN),
      request(closed, T + 120 * MIN),
      request(repeated, T),
      request(repeated, T + 10 * MIN),
    ]);
    const before = await waits();
    expect(before).toEqual([
      ["w41-5", "intervene", 1],
      ["w41-3", "intervene", 5],
      ["w41-6", "resolve", 19],
    ]);

    await upgradeTo(41);
    expect(await waits()).toEqual(before);
    // The next round, after every stored event: each take waits from the first request of its open wait.
    await ingestEvents(store(), ws, [take(waiting, T + 180 * MIN), resolve(taken, T + 180 * MIN), take(closed, T + 180 * MIN), take(repeated, T + 180 * MIN)]);
    expect(await waits()).toEqual([
      ["w41-5", "intervene", 1],
      ["w41-3", "intervene", 5],
      ["w41-6", "resolve", 19],
      ["w41-10", "intervene", 180],
      ["w41-11", "resolve", 175],
      ["w41-12", "intervene", 60],
      ["w41-13", "intervene", 180],
    ]);
    // A request older than its chat's take arrives late: the take waits from it now, and the chat goes on from there.
    await ingestEvents(store(), ws, [request(taken, T - 60 * MIN)]);
    await ingestEvents(store(), ws, [request(taken, T + 200 * MIN)]);
    await ingestEvents(store(), ws, [take(taken, T + 230 * MIN)]);
    expect(await waits()).toEqual([
      ["w41-5", "intervene", 1],
      ["w41-3", "intervene", 65],
      ["w41-6", "resolve", 19],
      ["w41-10", "intervene", 180],
      ["w41-11", "resolve", 175],
      ["w41-12", "intervene", 60],
      ["w41-13", "intervene", 180],
      ["w41-16", "intervene", 30],
    ]);
  });
});

describe("upgrading a store that already holds events (0042)", () => {
  it("0042 cuts recipients' copy by contact into 1,024-row granules, and a store's contacts read their campaigns the same", async () => {
    // The copy as 0031 made it, in the table's 8,192-row granules.
    const of0031 = loadMigrations().find((m) => m.version === 31)!.statements.filter((s) => /^ALTER TABLE recipients\b[\s\S]*PROJECTION/.test(s));
    expect(of0031).toHaveLength(3);
    for (const statement of of0031) await store().command(statement, {}, REWIND);
    const granules = async () =>
      (
        await store().query<{ settings: Record<string, string> }>(
          "SELECT settings FROM system.projections WHERE database = currentDatabase() AND table = 'recipients' AND name = 'by_contact'",
          {},
          REWIND,
        )
      ).map((p) => p.settings.index_granularity ?? "the table's");
    expect(await granules()).toEqual(["the table's"]);

    const ws = "ws-before-0042";
    const [asha, ravi] = ["+919812300421", "+919812300422"];
    const ev = numberedEvents("r42");
    const send = (contact: string, campaign: string, ts: string) =>
      ev({ type: "message.outbound", kind: "template", contact, ts, wamid: `wamid.42.${campaign}.${contact}`, campaign_id: campaign });
    const status = (contact: string, campaign: string, ts: string, s: string) =>
      ev({ type: "message.status", contact, ts, wamid: `wamid.42.${campaign}.${contact}`, status: s });
    await ingestEvents(store(), ws, [
      ev({ type: "campaign.created", campaign_id: "spring-42", name: "Spring", template: "t", ts: "2026-11-01T09:00:00Z" }),
      ev({ type: "campaign.created", campaign_id: "autumn-42", name: "Autumn", template: "t", ts: "2026-11-01T09:00:00Z" }),
      send(asha, "spring-42", "2026-11-02T10:00:00Z"),
      status(asha, "spring-42", "2026-11-02T10:01:00Z", "read"),
      send(asha, "autumn-42", "2026-11-05T10:00:00Z"),
      send(ravi, "autumn-42", "2026-11-05T10:00:00Z"),
      status(ravi, "autumn-42", "2026-11-05T10:02:00Z", "delivered"),
    ]);
    const now = new Date("2026-11-10T00:00:00Z");
    const read = async () =>
      Promise.all(
        [asha, ravi].map(async (c) => {
          const facts = (await contactFacts(store(), ws, c, now))?.campaigns;
          const [row] = await store().query<{ campaign_sent: string[]; campaign_read: number[] }>(
            "SELECT campaign_sent, campaign_read FROM contacts FINAL WHERE workspace_id = {ws:String} AND contact = {c:String}",
            { ws, c },
            REWIND,
          );
          return { facts: Object.fromEntries([...(facts ?? new Map())].map(([id, f]) => [id, f.readAt ?? null])), row };
        }),
      );
    const before = await read();
    expect(before.map((r) => r.facts)).toEqual([{ "spring-42": Date.parse("2026-11-02T10:01:00Z"), "autumn-42": null }, { "autumn-42": null }]);

    await upgradeTo(42);
    expect(await granules()).toEqual(["1024"]);
    expect(await read()).toEqual(before);
    // A read after the upgrade reaches the contact's row and facts through the new copy.
    await ingestEvents(store(), ws, [status(ravi, "autumn-42", "2026-11-06T08:00:00Z", "read")]);
    const after = await read();
    expect(after[1].facts).toEqual({ "autumn-42": Date.parse("2026-11-06T08:00:00Z") });
    expect(after[1].row.campaign_read).toEqual([1]);
    expect(after[0]).toEqual(before[0]);
  });
});

describe("upgrading a store that already holds events (0043)", () => {
  it("0043 lets the engine fold contacts and recipients into one part after ten quiet minutes, and every read stays the same", async () => {
    const tables = ["contacts", "recipients"] as const;
    const foldAge = async () =>
      Promise.all(
        tables.map(async (table) => {
          const [row] = await store().query<{ q: string }>(
            "SELECT create_table_query AS q FROM system.tables WHERE database = currentDatabase() AND name = {table:String}",
            { table },
            REWIND,
          );
          return /min_age_to_force_merge_seconds = (\d+)/.exec(row.q)?.[1] ?? null;
        }),
      );
    // The tables as 0042 left them.
    for (const table of tables) await store().command(`ALTER TABLE ${table} RESET SETTING min_age_to_force_merge_seconds`, {}, REWIND);
    expect(await foldAge()).toEqual([null, null]);

    const ws = "ws-before-0043";
    const [asha, ravi] = ["+919812300431", "+919812300432"];
    const ev = numberedEvents("r43");
    const send = (contact: string, ts: string) =>
      ev({ type: "message.outbound", kind: "template", contact, ts, wamid: `wamid.43.${contact}`, campaign_id: "spring-43" });
    await ingestEvents(store(), ws, [
      ev({ type: "campaign.created", campaign_id: "spring-43", name: "Spring", template: "t", ts: "2026-11-01T09:00:00Z" }),
      send(asha, "2026-11-02T10:00:00Z"),
      send(ravi, "2026-11-02T10:00:00Z"),
    ]);
    await ingestEvents(store(), ws, [ev({ type: "message.status", contact: asha, ts: "2026-11-02T10:05:00Z", wamid: `wamid.43.${asha}`, status: "read" })]);
    const now = new Date("2026-11-10T00:00:00Z");
    const read = async () => ({
      contacts: (await listContacts(store(), ws, { sort: "phone", direction: "asc", limit: 10, offset: 0 }, now)).rows.map((r) => r.phone),
      funnel: await campaignFunnel(store(), ws, "spring-43"),
    });
    const before = await read();
    expect(before.contacts).toEqual([asha, ravi]);

    await upgradeTo(43);
    expect(await foldAge()).toEqual(["600", "600"]);
    expect(await read()).toEqual(before);
    // Rounds go on as before.
    await ingestEvents(store(), ws, [ev({ type: "message.status", contact: ravi, ts: "2026-11-02T10:06:00Z", wamid: `wamid.43.${ravi}`, status: "read" })]);
    expect((await campaignFunnel(store(), ws, "spring-43")).counts.read).toBe(before.funnel.counts.read + 1);
  });
});

describe("upgrading a store that already holds events (0044)", () => {
  it("0044 counts each workspace's contacts once, and rounds keep the count from there", async () => {
    const ws = "ws-before-0044";
    const ev = numberedEvents("r44");
    const write = (contact: string, ts: string) => ev({ type: "message.inbound", message_type: "text", contact, ts, wamid: `wamid.44.${contact}.${ts}`, text: "hi" });
    await ingestEvents(store(), ws, [write("+919812300441", "2026-11-01T10:00:00Z"), write("+919812300442", "2026-11-01T10:00:00Z")]);
    // The store as 0043 left it: contacts, and no count of them.
    await store().command("TRUNCATE TABLE contact_totals", {}, REWIND);
    const clock = { now: new Date("2026-11-10T00:00:00Z"), timeZone: "UTC" };
    const listed = async () => (await listContacts(store(), ws, { sort: "phone", direction: "asc", limit: 10, offset: 0 }, clock.now)).total;
    expect(await listed()).toBe(0);

    await upgradeTo(44);
    expect(await listed()).toBe(2);
    // The backfill runs once: a second run of the migration adds nothing.
    await upgradeTo(44);
    expect(await listed()).toBe(2);
    await ingestEvents(store(), ws, [write("+919812300442", "2026-11-02T10:00:00Z"), write("+919812300443", "2026-11-02T10:00:00Z")]);
    expect(await listed()).toBe(3);
    const nobody: FilterTree = { kind: "group", join: "and", children: [{ kind: "tags", op: "any", tags: ["nobody has this tag"], tagKind: "any" }] };
    expect((await countSegment(store(), ws, nobody, clock)).total).toBe(3);
  });
});

describe("upgrading a store that already holds events (0045)", () => {
  it("0045 writes the attribute paths of a store's contacts, so rules, exports and breakdowns on one attribute read the same", async () => {
    const ws = "ws-before-0045";
    const [asha, ravi, meera] = ["+919812300451", "+919812300452", "+919812300453"];
    const ev = numberedEvents("a45");
    const set = (contact: string, attribute: string, value: string) => ev({ type: "attribute.set", contact, ts: "2026-11-10T10:00:00Z", attribute, value });
    await ingestEvents(store(), ws, [
      ev({ type: "campaign.created", campaign_id: "sale-45", name: "Sale", template: "t", ts: "2026-11-09T09:00:00Z" }),
      ...[asha, ravi, meera].map((contact) =>
        ev({ type: "message.outbound", kind: "template", contact, ts: "2026-11-09T10:00:00Z", wamid: `wamid.45.${contact}`, campaign_id: "sale-45" }),
      ),
      set(asha, "city", "Navi Mumbai"),
      // Date-like text stays text, whatever the engine would make of it.
      set(asha, "renewal", "2026-12-01"),
      set(ravi, "city", "Delhi"),
      set(ravi, "renewal", "2026-11-15"),
      set(meera, "plan", "Premium"),
    ]);
    const clock = { now: new Date("2026-11-20T00:00:00Z"), timeZone: "UTC" };
    const types = new Map([["renewal", "date"]]);
    const rule = (attribute: string, op: "contains" | "after" | "isNotSet", values: string[]): FilterTree => ({
      kind: "group",
      join: "and",
      children: [{ kind: "attribute", attribute, op, values }],
    });
    const read = async () => ({
      mumbai: (await countSegment(store(), ws, rule("city", "contains", ["mumbai"]), clock, types)).matching,
      renewsLater: (await countSegment(store(), ws, rule("renewal", "after", ["2026-11-20"]), clock, types)).matching,
      noCity: (await countSegment(store(), ws, rule("city", "isNotSet", []), clock, types)).matching,
      exported: (
        await exportPage(store(), ws, compileSegment({ kind: "group", join: "and", children: [] }, clock), { after: "", limit: 50, attributes: ["city", "renewal"], includeOptedOut: true })
      ).map((r) => [r.contact, r.attributes]),
      byCity: (await campaignBreakdown(store(), ws, "sale-45", { dimension: "attribute", attribute: "city" })).map((r) => [r.value, r.recipients]),
    });
    const expected = {
      mumbai: 1,
      renewsLater: 1,
      noCity: 1,
      exported: [
        [asha, { city: "Navi Mumbai", renewal: "2026-12-01" }],
        [ravi, { city: "Delhi", renewal: "2026-11-15" }],
        [meera, {}],
      ],
      byCity: [["", 1], ["Delhi", 1], ["Navi Mumbai", 1]],
    };
    expect(await read()).toEqual(expected);

    // Back to the shape before 0045: no paths. The column comes back empty, and the contacts' rebuild writes it.
    await store().command("ALTER TABLE contacts DROP COLUMN attribute_paths", {}, REWIND);
    await upgradeTo(45);
    expect((await read()).mumbai).toBe(0);
    await rebuildAllContacts(store());
    expect(await read()).toEqual(expected);
    const types45 = await store().query<{ types: string }>(
      "SELECT toString(JSONAllPathsWithTypes(attribute_paths)) AS types FROM contacts FINAL WHERE workspace_id = {workspaceId:String} AND contact = {contact:String}",
      { workspaceId: ws, contact: asha },
      { report: "migration-upgrade-test" },
    );
    expect(types45.map((r) => r.types)).toEqual([`{'city':'String','renewal':'String'}`]);

    // A value after the upgrade: Ravi moves to Mumbai.
    await ingestEvents(store(), ws, [ev({ type: "attribute.set", contact: ravi, ts: "2026-11-12T10:00:00Z", attribute: "city", value: "Mumbai" })]);
    expect((await read()).mumbai).toBe(2);
  });
});

describe("upgrading a store that already holds events (0046)", () => {
  it("0046 writes each contact's campaign behaviours of a store written before it, and the campaign rules count the same", async () => {
    const ws = "ws-before-0046";
    const [asha, ravi, meera] = ["+919812300461", "+919812300462", "+919812300463"];
    const ev = numberedEvents("c46");
    const send = (campaign: string, contact: string) =>
      ev({ type: "message.outbound", kind: "template", contact, ts: "2026-11-10T10:00:00Z", wamid: `wamid.${campaign}.${contact}`, campaign_id: campaign });
    const status = (campaign: string, contact: string, s: string, ts: string) =>
      ev({ type: "message.status", contact, ts: `2026-11-10T${ts}Z`, wamid: `wamid.${campaign}.${contact}`, status: s });
    await ingestEvents(store(), ws, [
      ...["a46", "b46"].map((c) => ev({ type: "campaign.created", campaign_id: c, name: c, template: "t", ts: "2026-11-09T09:00:00Z" })),
      ...[asha, ravi, meera].map((c) => send("a46", c)),
      send("b46", asha),
      status("a46", asha, "delivered", "10:01:00"),
      status("a46", asha, "read", "10:05:00"),
      status("a46", ravi, "delivered", "10:01:00"),
      status("a46", meera, "failed", "10:01:00"),
      status("b46", asha, "delivered", "10:02:00"),
    ]);
    const clock = { now: new Date("2026-11-20T00:00:00Z"), timeZone: "UTC" };
    const rule = (event: "received" | "read" | "ignored" | "failed", campaigns: string[]): FilterTree => ({
      kind: "group",
      join: "and",
      children: [{ kind: "campaign", event, campaigns }],
    });
    const members = async (tree: FilterTree) => (await previewSegment(store(), ws, tree, clock, { sort: "phone", direction: "asc", limit: 50, offset: 0 })).map((r) => r.contact);
    const read = async () => ({
      receivedA: await members(rule("received", ["a46"])),
      readA: await members(rule("read", ["a46"])),
      ignoredAny: await members(rule("ignored", [])),
      failedA: await members(rule("failed", ["a46"])),
      ignoredBNotReadA: await members({ kind: "group", join: "and", children: [{ kind: "campaign", event: "ignored", campaigns: ["b46"] }, { kind: "campaign", event: "read", campaigns: ["a46"], not: true }] }),
    });
    const expected = { receivedA: [asha, ravi, meera], readA: [asha], ignoredAny: [asha, ravi], failedA: [meera], ignoredBNotReadA: [] };
    expect(await read()).toEqual(expected);

    // Back to the shape before 0046: no behaviours in the contacts' rows. The column comes back empty, and the contacts' rebuild writes it.
    await store().command("ALTER TABLE contacts DROP INDEX campaign_stage_tokens", {}, REWIND);
    await store().command("ALTER TABLE contacts DROP COLUMN campaign_stages", {}, REWIND);
    await upgradeTo(46);
    expect((await read()).receivedA).toEqual([]);
    await rebuildAllContacts(store());
    expect(await read()).toEqual(expected);

    // A read after the upgrade: Ravi reads a46, and is no longer among those who ignored a campaign.
    await ingestEvents(store(), ws, [status("a46", ravi, "read", "11:00:00")]);
    expect((await read()).ignoredAny).toEqual([asha]);
    expect((await read()).readA).toEqual([asha, ravi]);
  });
});
