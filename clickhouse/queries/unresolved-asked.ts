import type { Store } from "../client";
import { fromClickHouseTime, toClickHouseTime } from "../time";
import { DAY_MS, utcDay } from "../vocabulary/dates";
import { STOP_WORDS } from "@/clickhouse/vocabulary/stop-words";
import { contactNames } from "./contact-names";
import { rangeParams, type DayRange } from "./day-range";
import { isoTime } from "./unresolved-common";

/**
 * What people asked when the bot could not help: the requests themselves
 * (their text is what the user asked), the user's messages just before each
 * one, the words and phrases they share, and who asks most.
 */

/** Before a request, the user's messages this long before it are "just before". */
export const CONTEXT_WINDOW_MS = 30 * 60_000;
/** At most this many of them per request. */
export const CONTEXT_MESSAGES = 3;

export interface AskedRequest {
  eventId: string;
  contact: string;
  name: string;
  at: string;
  /** The request's own text: what the user asked for help with ('' when the source sent none). */
  text: string;
  /** The user's messages in the half hour before the request, oldest first. */
  before: Array<{ at: string; text: string }>;
}

export interface AskedPage {
  total: number;
  requests: AskedRequest[];
}

/**
 * The range's requests a search matches: the request text, case-insensitively,
 * or the phone; an empty search matches all. A contact is E.164, '+' and
 * digits (server/events/schema.ts), so only a search of those characters can
 * be part of one: any other leaves the phone column unread (a quarter of a
 * 90-day search's work at 1,000,000 contacts).
 */
const requestsInRange = (search: string) => `
  FROM control_events
  WHERE workspace_id = {workspaceId:String}
    AND type = 'intervention.requested'
    AND ts >= {start:DateTime64(3)} AND ts < {end:DateTime64(3)}
    AND ({search:String} = '' OR positionCaseInsensitiveUTF8(text, {search:String}) > 0${
      PHONE_PIECE.test(search) ? " OR position(contact, {search:String}) > 0" : ""
    })`;
const PHONE_PIECE = /^[+0-9]+$/;

/**
 * Without a search the total is every request of the range, which the
 * 15-minute summaries already count (event_buckets, 0018): a range runs from
 * one of the zone's midnights to another, and every midnight starts a bucket,
 * so the sum is exact. Counting the 90 days' 930,000 requests in
 * control_events took 21 ms at a million contacts, the summaries 6.
 */
const ALL_REQUESTS_COUNT = `
  SELECT sum(events) AS total
  FROM event_buckets
  WHERE workspace_id = {workspaceId:String} AND type = 'intervention.requested'
    AND bucket >= {start:DateTime64(3)} AND bucket < {end:DateTime64(3)}`;

/** One page of the range's requests, newest first. */
export async function askedRequests(
  store: Store,
  workspaceId: string,
  range: DayRange,
  opts: { search: string; offset: number; limit: number },
): Promise<AskedPage> {
  const params = { workspaceId, ...rangeParams(range), search: opts.search, offset: opts.offset, limit: opts.limit };
  const [rows, [count]] = await Promise.all([
    store.query<{ event_id: string; contact: string; ts: string; text: string }>(
      `SELECT event_id, contact, ts, text ${requestsInRange(opts.search)}
       ORDER BY ts DESC, event_id DESC
       LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
      params,
      { report: "unresolved:asked" },
    ),
    store.query<{ total: string }>(opts.search === "" ? ALL_REQUESTS_COUNT : `SELECT count() AS total ${requestsInRange(opts.search)}`, params, {
      report: "unresolved:asked-count",
    }),
  ]);
  const [names, before] = await Promise.all([
    contactNames(store, workspaceId, rows.map((r) => r.contact)),
    messagesBefore(store, workspaceId, rows),
  ]);
  return {
    total: Number(count?.total ?? 0),
    requests: rows.map((r) => ({
      eventId: r.event_id,
      contact: r.contact,
      name: names.get(r.contact) ?? "",
      at: isoTime(r.ts),
      text: r.text,
      before: before(r.contact, Date.parse(isoTime(r.ts))),
    })),
  };
}

/**
 * The user's inbound messages shortly before each request of a page, read from
 * the event log for the page's contacts only (its sort key starts with the
 * contact, so this is a handful of short ranges).
 */
async function messagesBefore(
  store: Store,
  workspaceId: string,
  requests: Array<{ contact: string; ts: string }>,
): Promise<(contact: string, at: number) => Array<{ at: string; text: string }>> {
  if (requests.length === 0) return () => [];
  const times = requests.map((r) => Date.parse(isoTime(r.ts)));
  const rows = await store.query<{ contact: string; ts: string; text: string }>(
    `SELECT contact, ts, text
     FROM events
     WHERE workspace_id = {workspaceId:String}
       AND contact IN {contacts:Array(String)}
       AND ts >= {from:DateTime64(3)} AND ts <= {to:DateTime64(3)}
       AND type = 'message.inbound'
     ORDER BY contact, ts, event_id`,
    {
      workspaceId,
      contacts: [...new Set(requests.map((r) => r.contact))],
      from: toClickHouseTime(Math.min(...times) - CONTEXT_WINDOW_MS),
      to: toClickHouseTime(Math.max(...times)),
    },
    { report: "unresolved:asked-messages-before" },
  );
  const byContact = new Map<string, Array<{ at: number; text: string }>>();
  for (const r of rows) {
    const list = byContact.get(r.contact) ?? [];
    list.push({ at: Date.parse(isoTime(r.ts)), text: r.text });
    byContact.set(r.contact, list);
  }
  return (contact, at) =>
    (byContact.get(contact) ?? [])
      .filter((m) => m.at <= at && m.at >= at - CONTEXT_WINDOW_MS && m.text !== "")
      .slice(-CONTEXT_MESSAGES)
      .map((m) => ({ at: new Date(m.at).toISOString(), text: m.text }));
}


export interface TopTerm {
  term: string;
  /** Requests in the range whose text contains it. */
  requests: number;
}

/**
 * The range's instants split where request_terms can serve them: the whole
 * UTC days inside [start, end) (request_terms keeps terms per UTC day), and
 * the one or two partial UTC days at its ends, which a zone like Asia/Kolkata
 * always has and which are read from request_term_buckets (the same terms per
 * 15 minutes, 0024). In UTC there are no partial days.
 */
export function termDays(range: DayRange): { from: string; until: string; edgeEnd: string; edgeStart: string; start: string; end: string } {
  const { start, end } = rangeParams(range);
  const startMs = fromClickHouseTime(start);
  const endMs = fromClickHouseTime(end);
  let inner = Math.ceil(startMs / DAY_MS) * DAY_MS;
  let innerEnd = Math.floor(endMs / DAY_MS) * DAY_MS;
  // A range shorter than a UTC day's span of midnights (a 23-hour DST day) has no whole UTC day: all edge.
  if (inner >= innerEnd) inner = innerEnd = endMs;
  return {
    from: utcDay(inner),
    until: utcDay(innerEnd),
    start,
    edgeEnd: toClickHouseTime(inner),
    edgeStart: toClickHouseTime(innerEnd),
    end,
  };
}

/**
 * The most frequent words and two-word phrases (neighbouring words) of the
 * range's requests, stop words and bare numbers (order ids) removed. Each
 * request counts once per term; a phrase must occur in two requests to be
 * listed. The whole UTC days of the range come from request_terms, the
 * partial ones at its ends from request_term_buckets (termDays).
 */
export async function topTerms(
  store: Store,
  workspaceId: string,
  range: DayRange,
  limit = 12,
): Promise<{ words: TopTerm[]; phrases: TopTerm[] }> {
  const days = termDays(range);
  // The partial UTC days at the range's ends, from their 15-minute buckets; none when the zone's
  // days are UTC days, and then the statement leaves the buckets alone.
  const edges = days.start < days.edgeEnd || days.edgeStart < days.end;
  const partialDays = `
       UNION ALL
       SELECT term, sum(requests) AS requests
       FROM request_term_buckets
       WHERE workspace_id = {workspaceId:String}
         AND (bucket >= {start:DateTime64(3)} AND bucket < {edgeEnd:DateTime64(3)} OR bucket >= {edgeStart:DateTime64(3)} AND bucket < {end:DateTime64(3)})
       GROUP BY term`;
  const rows = await store.query<{ kind: string; term: string; requests: string }>(
    `WITH counted AS (
       SELECT term, sum(requests) AS requests
       FROM request_terms
       WHERE workspace_id = {workspaceId:String} AND day >= {from:Date} AND day < {until:Date}
       GROUP BY term${edges ? partialDays : ""}
     )
     SELECT if(position(term, ' ') > 0, 'phrase', 'word') AS kind, term, sum(requests) AS requests
     FROM counted
     GROUP BY term
     HAVING NOT hasAny(splitByChar(' ', term), {stopWords:Array(String)}) AND (requests > 1 OR kind = 'word')
     ORDER BY kind, requests DESC, term
     LIMIT {limit:UInt32} BY kind`,
    { workspaceId, ...days, stopWords: STOP_WORDS, limit },
    { report: "unresolved:top-terms" },
  );
  const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => ({ term: r.term, requests: Number(r.requests) }));
  return { words: of("word"), phrases: of("phrase") };
}

export interface Repeater {
  contact: string;
  name: string;
  /** Requests in the range. */
  requests: number;
  lastRequestAt: string;
  /** All the contact's requests ever: the profile's "unresolved queries". */
  allTime: number;
}

/**
 * The contacts who asked for a human most often in the range, in one pass over
 * the contacts' rows: each row keeps its requests' times (`request_times`, the
 * refresh's copy of its requests in control_events), its name and its count of
 * all time. Grouping the range's requests by contact and then looking the top
 * ones up took three statements and 161 ms of CPU at a million contacts, this
 * 67 (the bench's 90 days).
 */
export async function repeaters(store: Store, workspaceId: string, range: DayRange, limit = 20): Promise<Repeater[]> {
  const rows = await store.query<{ contact: string; name: string; requests: string; last_request: string; all_time: string }>(
    `SELECT contact, name, length(in_range) AS requests, arrayMax(in_range) AS last_request, unresolved_queries AS all_time
     FROM (
       SELECT contact, name, unresolved_queries,
              arrayFilter(t -> t >= {start:DateTime64(3)} AND t < {end:DateTime64(3)}, request_times) AS in_range
       FROM contacts FINAL
       WHERE workspace_id = {workspaceId:String}
     )
     WHERE requests > 0
     ORDER BY requests DESC, last_request DESC, contact
     LIMIT {limit:UInt32}`,
    { workspaceId, ...rangeParams(range), limit },
    { report: "unresolved:repeaters" },
  );
  return rows.map((r) => ({
    contact: r.contact,
    name: r.name,
    requests: Number(r.requests),
    lastRequestAt: isoTime(r.last_request),
    allTime: Number(r.all_time),
  }));
}
