import { describe, expect, it } from "vitest";
import { loadMigrations } from "@/clickhouse/migrate";
import { campaignBillable } from "@/clickhouse/queries/campaign-cost";
import { messagesPerDay } from "@/clickhouse/queries/overview";
import { requestsPerDay } from "@/clickhouse/queries/unresolved-volume";
import { getWorkspace } from "@/clickhouse/queries/workspaces";
import { nextVersion } from "@/clickhouse/version";
import { campaignFunnel } from "@/clickhouse/queries/campaign-funnel";
import { campaignConversions } from "@/clickhouse/queries/conversions";
import { refreshContacts, refreshRecipients } from "@/clickhouse/queries/read-models";
import { eventSchema } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { eventRow } from "../helpers/events";
import { listContacts } from "@/clickhouse/queries/contact-list";
import { getContactCampaignTicks } from "@/clickhouse/queries/contacts";
import { countContactsByAttribute } from "@/clickhouse/queries/attributes";
import { segmentVocabulary } from "@/clickhouse/queries/segments/vocabulary";
import { contactFacts } from "@/clickhouse/queries/segments/contact-facts";
import { journeyPage } from "@/clickhouse/queries/journey";
import { askedRequests, repeaters } from "@/clickhouse/queries/unresolved-asked";
import { insertEvents } from "../helpers/events";
import { useTestStore } from "../helpers/store";

const store = useTestStore();
const REWIND = { report: "migration-upgrade-test", tenant: "exempt: rewinds the schema of the whole store" } as const;

describe("upgrading a store that already holds events", () => {
  it("0010, then 0028, fill campaign costs from statuses stored before them", async () => {
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

    // 0010 derives campaign_billable from the log; 0028 moves it to billable_messages.
    for (const version of [10, 28]) {
      const upgrade = loadMigrations().find((m) => m.version === version)!;
      for (const statement of upgrade.statements) await store().command(statement, {}, REWIND);
    }

    // One marketing message (its two statuses count once); the free one and the one without pricing are not billed.
    expect(await campaignBillable(store(), "ws-old", "diwali")).toEqual([{ category: "marketing", messages: 1 }]);
    // And the view counts what comes after: the free message's read repeats no pricing, a new one does.
    await store().insert("events", [status("b-read", "wamid.b", "read"), status("d-sent", "wamid.d", "sent", { category: "utility", billable: true })]);
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
  it("0034 keeps the statuses a store holds without their campaign message, and links them when the message comes", async () => {
    // Back to the shape before 0034: no unlinked_statuses.
    await store().command("DROP VIEW IF EXISTS unlinked_statuses_mv", {}, REWIND);
    await store().command("DROP TABLE IF EXISTS unlinked_statuses", {}, REWIND);
    const ws = "ws-before-0034";
    const contact = "+919812300134";
    const early = [
      { event_id: "early-delivered", type: "message.status", contact, ts: "2026-11-20T10:02:00Z", wamid: "wamid.before-0034", status: "delivered" },
      { event_id: "early-read", type: "message.status", contact, ts: "2026-11-20T10:03:00Z", wamid: "wamid.before-0034", status: "read" },
    ];
    await ingestEvents(store(), ws, early.map((e) => eventSchema.parse(e)));

    const upgrade = loadMigrations().find((m) => m.version === 34)!;
    for (const statement of upgrade.statements) await store().command(statement, {}, REWIND);

    const message = [
      { event_id: "c", type: "campaign.created", ts: "2026-11-20T10:00:00Z", campaign_id: "upgrade-34", name: "Upgrade", template: "t" },
      { event_id: "o", type: "message.outbound", contact, ts: "2026-11-20T10:01:00Z", kind: "template", wamid: "wamid.before-0034", campaign_id: "upgrade-34" },
    ];
    await ingestEvents(store(), ws, message.map((e) => eventSchema.parse(e)));
    expect(await getContactCampaignTicks(store(), ws, contact)).toEqual([
      expect.objectContaining({ campaign_id: "upgrade-34", delivered_at: "2026-11-20 10:02:00.000", read_at: "2026-11-20 10:03:00.000" }),
    ]);
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

  it("0029 rewrites a store's parts with the measured codecs and every answer stays the same", async () => {
    const codecs = loadMigrations().find((m) => m.version === 29)!;
    // Back to the codecs and types of 0028: no table default, the log's column codecs of 0012, no codec elsewhere, campaign ids as text.
    const OF_0028: Record<string, string> = {
      "events.contact": "CODEC(ZSTD(1))",
      "events.ts": "CODEC(Delta, ZSTD(1))",
      "events.event_id": "CODEC(ZSTD(1))",
      "events.actor_id": "CODEC(ZSTD(1))",
      "events.payload": "CODEC(ZSTD(1))",
      "events.campaign_id": "String CODEC(ZSTD(1))",
      "outbound_messages.campaign_id": "String",
    };
    for (const statement of codecs.statements) {
      const [, table, rest] = /^ALTER TABLE (\w+)\s+([\s\S]*)$/.exec(statement)!;
      if (rest.startsWith("MODIFY SETTING")) await store().command(`ALTER TABLE ${table} RESET SETTING default_compression_codec`, {}, REWIND);
      for (const [, column] of rest.matchAll(/MODIFY COLUMN (\w+)/g)) {
        await store().command(`ALTER TABLE ${table} MODIFY COLUMN ${column} ${OF_0028[`${table}.${column}`] ?? "REMOVE CODEC"}`, {}, REWIND);
      }
    }
    const columnOf = async (table: string, column: string) =>
      (
        await store().query<{ codec: string; type: string }>(
          "SELECT compression_codec AS codec, type FROM system.columns WHERE database = currentDatabase() AND table = {table:String} AND name = {column:String}",
          { table, column },
          REWIND,
        )
      )[0];
    const codecOf = async (table: string, column: string) => (await columnOf(table, column))?.codec;
    const typeOf = async (table: string, column: string) => (await columnOf(table, column))?.type;
    expect(await codecOf("events", "ts")).toBe("CODEC(Delta(8), ZSTD(1))");
    expect(await typeOf("events", "campaign_id")).toBe("String");

    // A campaign, its ticks and a reply, tags and attributes, a request for a human taken and resolved: written by the previous version.
    const ws = "ws-before-0029";
    const at = (t: string) => `2026-11-10T${t}Z`;
    const contacts = ["+919812300201", "+919812300202", "+919812300203"];
    let n = 0;
    const ev = (e: Record<string, unknown>) => eventSchema.parse({ event_id: `ev-0029-${String(++n).padStart(4, "0")}`, ...e });
    await ingestEvents(store(), ws, [
      ev({ type: "campaign.created", ts: at("09:00:00"), campaign_id: "sale", name: "Sale", template: "sale_v1" }),
      ...contacts.flatMap((contact, i) => [
        ev({ type: "contact.imported", contact, ts: at("08:00:00"), name: `Person ${i}`, source: "expo" }),
        ev({ type: "message.outbound", contact, ts: at("10:00:00"), kind: "template", wamid: `wamid.${i}`, campaign_id: "sale", text: "50% off" }),
        ev({ type: "message.status", contact, ts: at("10:00:05"), wamid: `wamid.${i}`, status: i === 2 ? "failed" : "delivered", ...(i === 2 ? { error: { code: 131026, title: "Undeliverable" } } : {}) }),
        ...(i === 0 ? [ev({ type: "message.status", contact, ts: at("10:03:00"), wamid: `wamid.${i}`, status: "read" })] : []),
        ev({ type: "tag.added", contact, ts: at("10:05:00"), tag: i === 0 ? "vip" : "lead", kind: "manual", actor: { kind: "agent", id: "agent:asha", name: "Asha Rao" } }),
        ev({ type: "attribute.set", contact, ts: at("10:06:00"), attribute: "city", value: i === 1 ? "Pune" : "Mumbai" }),
      ]),
      ev({ type: "message.inbound", contact: contacts[0], ts: at("10:30:00"), text: "Is it on shoes too?" }),
      ev({ type: "intervention.requested", contact: contacts[0], ts: at("10:31:00"), text: "Talk to a person about shoes" }),
      ev({ type: "agent.intervened", contact: contacts[0], ts: at("10:40:00"), actor: { kind: "agent", id: "agent:asha", name: "Asha Rao" } }),
      ev({ type: "chat.resolved", contact: contacts[0], ts: at("11:00:00"), actor: { kind: "agent", id: "agent:asha", name: "Asha Rao" } }),
    ]);
    const now = new Date("2026-11-12T00:00:00Z");
    const answers = async () => ({
      funnel: await campaignFunnel(store(), ws, "sale"),
      journeys: await Promise.all(contacts.map((contact) => journeyPage(store(), ws, { contact, direction: "older", limit: 50 }))),
      facts: await Promise.all(contacts.map((contact) => contactFacts(store(), ws, contact, now))),
      contacts: await listContacts(store(), ws, { sort: "phone", direction: "asc", limit: 50, offset: 0 }, now),
      asked: await askedRequests(store(), ws, { from: "2026-11-10", to: "2026-11-10", timeZone: "Asia/Kolkata" }, { search: "shoes", offset: 0, limit: 10 }),
    });
    const before = await answers();
    const REWRITTEN = ["events", "event_ids", "recipients", "contact_tags", "control_events"];
    const activeParts = async () =>
      (
        await store().query<{ part: string }>(
          "SELECT concat(table, '/', name) AS part FROM system.parts WHERE active AND database = currentDatabase() AND table IN {tables:Array(String)}",
          { tables: REWRITTEN },
          REWIND,
        )
      ).map((r) => r.part);
    const partsBefore = await activeParts();

    for (const statement of codecs.statements) await store().command(statement, {}, REWIND);

    expect(await answers()).toEqual(before);
    expect(before.funnel.counts).toMatchObject({ sent: 3, delivered: 2, read: 1, failed: 1 });
    expect(before.journeys.map((j) => j.length)).toEqual([11, 6, 6]);
    expect(before.asked.total).toBe(1);
    // The codecs are declared, and every part written before them was rewritten with them.
    expect(await codecOf("events", "ts")).toBe("CODEC(ZSTD(1))");
    expect(await codecOf("recipients", "send_time")).toBe("CODEC(T64, ZSTD(1))");
    expect(await typeOf("events", "campaign_id")).toBe("LowCardinality(String)");
    expect(partsBefore.length).toBeGreaterThanOrEqual(REWRITTEN.length);
    const partsAfter = new Set(await activeParts());
    expect(partsBefore.filter((part) => partsAfter.has(part))).toEqual([]);
    // And what arrives after reads as before.
    await ingestEvents(store(), ws, [ev({ type: "message.status", contact: contacts[1], ts: at("12:00:00"), wamid: "wamid.1", status: "read" })]);
    expect((await campaignFunnel(store(), ws, "sale")).counts).toMatchObject({ sent: 3, delivered: 2, read: 2, failed: 1 });
  });

  it("0030 narrows the by-contact and by-time projections to what their readers ask for, with the same answers", async () => {
    // Back to the projections of 0011 and 0008: every column.
    for (const statement of [
      "ALTER TABLE recipients DROP PROJECTION IF EXISTS by_contact",
      "ALTER TABLE recipients ADD PROJECTION by_contact (SELECT * ORDER BY workspace_id, contact, campaign_id)",
      "ALTER TABLE control_events DROP PROJECTION IF EXISTS by_time",
      "ALTER TABLE control_events ADD PROJECTION by_time (SELECT workspace_id, contact, ts, event_id, type, actor_id, actor_name, text ORDER BY workspace_id, ts, event_id)",
    ]) {
      await store().command(statement, {}, REWIND);
    }
    const projections = async () =>
      (
        await store().query<{ name: string; query: string }>(
          "SELECT name, query FROM system.projections WHERE database = currentDatabase() AND table IN ('recipients', 'control_events') ORDER BY name",
          {},
          REWIND,
        )
      ).map((p) => `${p.name}: ${p.query}`);
    expect(await projections()).toEqual([
      "by_contact: SELECT * ORDER BY workspace_id, contact, campaign_id",
      "by_time: SELECT workspace_id, contact, ts, event_id, type, actor_id, actor_name, text ORDER BY workspace_id, ts, event_id",
    ]);

    // Deliveries, a read, a reply, an opt-out, a conversion and requests for a human, written by the previous version.
    const ws = "ws-before-0030";
    const at = (t: string) => `2026-11-10T${t}Z`;
    const contacts = ["+919812300301", "+919812300302"];
    let n = 0;
    const ev = (e: Record<string, unknown>) => eventSchema.parse({ event_id: `ev-0030-${++n}`, ...e });
    await ingestEvents(store(), ws, [
      ...contacts.flatMap((contact, i) => [
        ev({ type: "message.outbound", contact, ts: at("10:00:00"), kind: "template", wamid: `w30.${i}`, campaign_id: "launch", text: "New in" }),
        ev({ type: "message.status", contact, ts: at("10:00:05"), wamid: `w30.${i}`, status: "delivered" }),
        ev({ type: "intervention.requested", contact, ts: at(`1${i + 1}:00:00`), text: `where is my order ${i}` }),
      ]),
      ev({ type: "message.status", contact: contacts[0], ts: at("10:02:00"), wamid: "w30.0", status: "read" }),
      ev({ type: "message.inbound", contact: contacts[0], ts: at("10:30:00"), text: "Nice" }),
      ev({ type: "contact.opted_out", contact: contacts[1], ts: at("12:00:00"), cause: "api" }),
      ev({ type: "conversion", contact: contacts[0], ts: at("13:00:00"), name: "order_placed", value: 999, currency: "INR" }),
    ]);
    const now = new Date("2026-11-12T00:00:00Z");
    const range = { from: "2026-11-10", to: "2026-11-10", timeZone: "UTC" };
    const answers = async () => ({
      facts: await Promise.all(contacts.map((contact) => contactFacts(store(), ws, contact, now))),
      funnel: await campaignFunnel(store(), ws, "launch"),
      conversions: await campaignConversions(store(), ws, "launch", 7),
      asked: await askedRequests(store(), ws, range, { search: "order", offset: 0, limit: 10 }),
      repeaters: await repeaters(store(), ws, range),
    });
    const before = await answers();

    const upgrade = loadMigrations().find((m) => m.version === 30)!;
    for (const statement of upgrade.statements) await store().command(statement, {}, REWIND);

    expect(await projections()).toEqual([
      "by_contact: SELECT workspace_id, contact, campaign_id, version, send_time, reply_candidate_at, sent_eff, delivered_eff, read_eff, replied_at, failed_eff ORDER BY workspace_id, contact, campaign_id",
      "by_time: SELECT workspace_id, contact, ts, event_id, type, text ORDER BY workspace_id, ts, event_id",
    ]);
    expect(await answers()).toEqual(before);
    expect(before.funnel.counts).toMatchObject({ sent: 2, delivered: 2, read: 1, replied: 1, optedOut: 1 });
    expect(before.conversions).toMatchObject({ conversions: 1, engaged: 1 });
    expect(before.asked.total).toBe(2);
    // A round after the upgrade still finds the contacts' recipients by contact: a late reply counts.
    await ingestEvents(store(), ws, [ev({ type: "message.inbound", contact: contacts[1], ts: at("10:40:00"), text: "Sounds good" })]);
    expect((await campaignFunnel(store(), ws, "launch")).counts).toMatchObject({ read: 2, replied: 2 });
  });
});
