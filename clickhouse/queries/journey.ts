import type { Store } from "../client";
import { IS_LINKED_COPY_SQL } from "./status-links";

/**
 * One contact's customer journey, read page by page from the event log.
 *
 * `events` is sorted by (workspace_id, contact, ts, event_id), so a contact's
 * timeline is one contiguous range and a keyset on (ts, event_id) walks it in
 * order without reading the rest: a journey of a million events costs the
 * same per page as one of ten. Offsets are never used (they would rescan).
 */

export interface JourneyRow {
  event_id: string;
  ts: string;
  type: string;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  message_kind: string;
  /** WhatsApp's message id: a status carries its message's, which is how the journey folds ticks into the send. */
  wamid: string;
  campaign_id: string;
  text: string;
  status: string;
  error_code: number;
  error_title: string;
  tag: string;
  tag_kind: string;
  tag_origin: string;
  attribute: string;
  value: string;
  source: string;
  source_detail: string;
  name: string;
}

/** A position in the journey: the (ts, event_id) of an event, the sort key after the contact. */
export interface JourneyCursor {
  /** ClickHouse DateTime64(3) text in UTC, as the rows carry it. */
  ts: string;
  eventId: string;
}

export interface JourneyPageQuery {
  contact: string;
  /** Only these event types; empty or absent means all. */
  types?: readonly string[];
  /**
   * `older`: events strictly before the cursor, newest first (the default, from the newest event).
   * `newer`: events strictly after the cursor, oldest first — the caller reverses them for display.
   */
  direction: "older" | "newer";
  cursor?: JourneyCursor;
  limit: number;
}

/**
 * An entry's id in the journey. A status stored before its message has a
 * copy that carries the campaign (status-links.ts); the two are one entry,
 * under the status's own id, shown with the copy's campaign, so the journey
 * reads the same whichever arrived first.
 */
export const JOURNEY_ID_SQL = `if(${IS_LINKED_COPY_SQL}, JSONExtractString(payload, 'linked_from'), event_id)`;

const COLUMNS = `${JOURNEY_ID_SQL} AS journey_id, ts, type, actor_kind, actor_id,
       JSONExtractString(payload, 'actor', 'name') AS actor_name,
       message_kind, wamid, campaign_id, text, status, error_code, error_title,
       tag, tag_kind, tag_origin, attribute, value, source, source_detail, name`;

/**
 * Up to `limit + 1` events on one side of the cursor (the extra one tells the
 * caller there is more). `LIMIT 1 BY journey_id` keeps an entry once: a status
 * and its linked copy share (ts, journey_id), and the copy sorts first; and
 * ingestion never stores an id twice, but a copy written around it would sit
 * right beside the original in this order.
 */
export async function journeyPage(store: Store, workspaceId: string, q: JourneyPageQuery): Promise<JourneyRow[]> {
  const types = q.types ?? [];
  const cursor = q.cursor ?? null;
  const older = q.direction === "older";
  // Filters are added only when used, so the primary key prunes on a plain range.
  const rows = await store.query<Omit<JourneyRow, "event_id"> & { journey_id: string }>(
    `SELECT ${COLUMNS}
     FROM events
     WHERE workspace_id = {workspaceId:String} AND contact = {contact:String}
       ${types.length > 0 ? `AND type IN {types:Array(String)}` : ``}
       ${
         cursor === null
           ? ``
           : older
             ? `AND ts <= {cursorTs:DateTime64(3, 'UTC')} AND (ts < {cursorTs:DateTime64(3, 'UTC')} OR journey_id < {cursorId:String})`
             : `AND ts >= {cursorTs:DateTime64(3, 'UTC')} AND (ts > {cursorTs:DateTime64(3, 'UTC')} OR journey_id > {cursorId:String})`
       }
     ORDER BY ${older ? `ts DESC, journey_id DESC` : `ts ASC, journey_id ASC`}, ${IS_LINKED_COPY_SQL} DESC
     LIMIT 1 BY journey_id
     LIMIT {limit:UInt32}`,
    {
      workspaceId,
      contact: q.contact,
      types: [...types],
      cursorTs: cursor?.ts ?? "1970-01-01 00:00:00.000",
      cursorId: cursor?.eventId ?? "",
      limit: q.limit + 1,
    },
    { report: "journey:page" },
  );
  return rows.map(({ journey_id, ...r }) => ({ ...r, event_id: journey_id, error_code: Number(r.error_code) }));
}

/** How many events of each type the contact's journey holds (a duplicated id counted once, a status and its linked copy once). */
export async function journeyTypeCounts(store: Store, workspaceId: string, contact: string): Promise<Record<string, number>> {
  const rows = await store.query<{ type: string; events: string }>(
    `SELECT type, uniqExact(${JOURNEY_ID_SQL}) AS events
     FROM events
     WHERE workspace_id = {workspaceId:String} AND contact = {contact:String}
     GROUP BY type`,
    { workspaceId, contact },
    { report: "journey:type-counts" },
  );
  return Object.fromEntries(rows.map((r) => [r.type, Number(r.events)]));
}

/** Campaign names by id, for labelling journey events and campaign ticks. */
export async function campaignNames(
  store: Store,
  workspaceId: string,
  campaignIds: string[] | "all",
): Promise<Map<string, { name: string; template: string }>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await store.query<{ campaign_id: string; name: string; template: string }>(
    `SELECT campaign_id, argMaxMerge(name) AS name, argMaxMerge(template) AS template
     FROM campaigns
     WHERE workspace_id = {workspaceId:String} AND (campaign_id IN {campaignIds:Array(String)} OR {all:Bool})
     GROUP BY campaign_id`,
    { workspaceId, campaignIds: campaignIds === "all" ? [] : campaignIds, all: campaignIds === "all" },
    { report: "journey:campaign-names" },
  );
  return new Map(rows.map((r) => [r.campaign_id, { name: r.name, template: r.template }]));
}
