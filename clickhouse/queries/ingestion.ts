import type { Store } from "../client";

// Id lists go in as one JSON-array String parameter, not as an Array(String)
// one: chDB's binding of an Array parameter grows worse than linearly (25,000
// ids take 0.1 s, 50,000 take 45 s), while JSONExtract of a string is linear.
// JSONExtract gives an empty array for a whole list holding one lone surrogate
// (JSON.stringify writes it as "\ud800", which ClickHouse refuses to decode),
// so each value goes in as well-formed text: as it was stored, where UTF-8
// turned the lone surrogate into U+FFFD.
const ids = (values: readonly string[]) => JSON.stringify(values.map((v) => (v.isWellFormed() ? v : v.toWellFormed())));

/** Which of these event ids the workspace already has. */
export async function existingEventIds(store: Store, workspaceId: string, eventIds: string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  if (eventIds.length >= RANGE_CHECK_FROM && !(await anyIdInRange(store, workspaceId, eventIds))) return new Set();
  const rows = await store.query<{ event_id: string }>(
    `SELECT DISTINCT event_id FROM event_ids
     WHERE workspace_id = {workspaceId:String}
       AND event_id IN (SELECT arrayJoin(JSONExtract({eventIds:String}, 'Array(String)')))`,
    { workspaceId, eventIds: ids(eventIds) },
    { report: "ingestion:dedupe" },
  );
  return new Set(rows.map((r) => r.event_id));
}

const BEYOND_UTF16_ORDER = /[\uD800-\uFFFF]/;

/** Below this many ids the lookup itself is cheap, and one statement beats two. */
const RANGE_CHECK_FROM = 2_000;

/**
 * Whether any stored id falls in the batch's [min, max] range. A big batch's
 * ids often share a prefix (the demo's, a CSV import's, a source that numbers
 * its events), and on the sort key this reads a granule or two, so a new batch
 * skips the full lookup.
 */
async function anyIdInRange(store: Store, workspaceId: string, eventIds: string[]): Promise<boolean> {
  let min = eventIds[0];
  let max = eventIds[0];
  for (const id of eventIds) {
    // JS compares UTF-16 units, ClickHouse compares UTF-8 bytes; the two orders
    // agree below U+D800 only, so past it the range would prove nothing.
    if (BEYOND_UTF16_ORDER.test(id)) return true;
    if (id < min) min = id;
    else if (id > max) max = id;
  }
  const [inRange] = await store.query<{ any: number }>(
    `SELECT count() > 0 AS any FROM (
       SELECT 1 FROM event_ids
       WHERE workspace_id = {workspaceId:String} AND event_id >= {min:String} AND event_id <= {max:String}
       LIMIT 1)`,
    { workspaceId, min, max },
    { report: "ingestion:dedupe-range" },
  );
  return Boolean(Number(inRange?.any));
}

/** Which of these contacts have already written to the business (so a new inbound message is not their first). */
export async function contactsWithInbound(store: Store, workspaceId: string, contacts: string[]): Promise<Set<string>> {
  if (contacts.length === 0) return new Set();
  const rows = await store.query<{ contact: string }>(
    `SELECT contact FROM contact_state
     WHERE workspace_id = {workspaceId:String}
       AND contact IN (SELECT arrayJoin(JSONExtract({contacts:String}, 'Array(String)')))
     GROUP BY contact
     HAVING max(last_active) IS NOT NULL`,
    { workspaceId, contacts: ids(contacts) },
    { report: "ingestion:first-message" },
  );
  return new Set(rows.map((r) => r.contact));
}

/** Which of these contacts the workspace already has. */
export async function existingContacts(store: Store, workspaceId: string, contacts: string[]): Promise<Set<string>> {
  if (contacts.length === 0) return new Set();
  const rows = await store.query<{ contact: string }>(
    `SELECT DISTINCT contact FROM contact_state
     WHERE workspace_id = {workspaceId:String}
       AND contact IN (SELECT arrayJoin(JSONExtract({contacts:String}, 'Array(String)')))`,
    { workspaceId, contacts: ids(contacts) },
    { report: "ingestion:contacts" },
  );
  return new Set(rows.map((r) => r.contact));
}

/** The campaign of each outbound message, by WhatsApp message id. */
export async function campaignsOfMessages(
  store: Store,
  workspaceId: string,
  wamids: string[],
): Promise<Map<string, string>> {
  if (wamids.length === 0) return new Map();
  const rows = await store.query<{ wamid: string; campaign_id: string }>(
    `SELECT wamid, any(campaign_id) AS campaign_id FROM outbound_messages
     WHERE workspace_id = {workspaceId:String}
       AND wamid IN (SELECT arrayJoin(JSONExtract({wamids:String}, 'Array(String)')))
     GROUP BY wamid`,
    { workspaceId, wamids: ids(wamids) },
    { report: "ingestion:campaigns" },
  );
  return new Map(rows.map((r) => [r.wamid, r.campaign_id]));
}

/**
 * The events table and most views' tables are partitioned by month, and
 * ClickHouse refuses an insert block touching more than 100 partitions
 * (max_partitions_per_insert_block). A backfill of a decade is a valid batch,
 * and splitting it by month would not do: control_wait_rows_mv rewrites every
 * wait of a chat whose new events reach back before its stored ones (0041),
 * so one late event of a chat with 100+ months of history spans 100+
 * partitions whatever the batch holds. Such an insert
 * writes one part per month either way (measured: 120 months ~1 s, 1,632 months
 * 10–27 s with or without splitting), so the limit only warns here.
 */
const MANY_PARTITIONS = { throw_on_max_partitions_per_insert_block: 0 };

/** Appends event rows already encoded as TabSeparated in `columns` order (server/ingestion/rows.ts). */
export async function insertEventRows(store: Store, workspaceId: string, columns: readonly string[], body: Buffer) {
  await store.insertTabSeparated("events", columns, body, { report: "ingestion:events", workspaceId, settings: MANY_PARTITIONS });
}
