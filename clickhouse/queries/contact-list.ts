import type { Store } from "../client";
import { IN_HISTORY_SQL, STATUS_SQL } from "./contact-status";

/**
 * The Contacts list: one page of contacts, filtered, searched and sorted over
 * the whole workspace.
 *
 * It reads contact_state with FINAL rather than GROUP BY contact: the table is
 * sorted by (workspace_id, contact), so FINAL merges a contact's rows in one
 * streaming pass (and not at all once background merges have done it), where
 * a GROUP BY builds a hash table of every phone — 10–20× slower at a million
 * contacts. Conditions on merged values sit in an outer query so that they
 * always see the merged row; filters and searches first narrow, by key, the
 * contacts FINAL has to merge at all. Then, as a top-N path:
 *  1. keep the ordered phones of one page, reading only the columns the
 *     filters and the sort need (and, side by side, the total count);
 *  2. fetch everything shown for just those phones, by primary key, together
 *     with their tags and the attribute that matched the search.
 * Status and history come from contact-status.ts, so the list, Overview and
 * the profile agree on every contact.
 */

export const CONTACT_LIST_STATUSES = ["active", "requesting", "intervened", "closed", "history"] as const;
export type ContactListStatus = (typeof CONTACT_LIST_STATUSES)[number];

export const CONTACT_SORT_COLUMNS = [
  "phone",
  "name",
  "status",
  "lastActive",
  "source",
  "firstMessageTag",
  "unresolvedQueries",
  "templateMessages",
  "sessionMessages",
  "firstSeen",
] as const;
export type ContactSortColumn = (typeof CONTACT_SORT_COLUMNS)[number];
export type SortDirection = "asc" | "desc";

export interface ContactListFilters {
  /** Phone digits (prefix or substring), part of the name, or part of an attribute value. */
  search?: string;
  status?: ContactListStatus;
  source?: string;
  tag?: string;
}

export interface ContactListQuery extends ContactListFilters {
  sort: ContactSortColumn;
  direction: SortDirection;
  limit: number;
  offset: number;
}

export interface ContactListRow {
  phone: string;
  name: string;
  status: "active" | "requesting" | "intervened" | "closed";
  inHistory: boolean;
  firstSeen: string;
  lastActive: string | null;
  source: string;
  sourceDetail: string;
  firstMessageTag: string;
  tags: string[];
  unresolvedQueries: number;
  templateMessages: number;
  sessionMessages: number;
  /** The first attribute whose value contains the search text, when there is a search. */
  matchedAttribute: { name: string; value: string } | null;
}

/** The merged value of each contact_state column under FINAL, by the name the outer query uses. */
const MERGED = {
  name: "finalizeAggregation(name) AS name",
  first_seen: "first_seen",
  last_active: "last_active",
  last_message: "last_message",
  template_messages: "template_messages",
  session_messages: "session_messages",
  unresolved_queries: "unresolved_queries",
  last_control: "finalizeAggregation(last_control) AS last_control",
  last_control_at: "last_control_at",
  source: "finalizeAggregation(source) AS source",
  source_detail: "finalizeAggregation(source_detail) AS source_detail",
  first_message_tag: "finalizeAggregation(first_message_tag) AS first_message_tag",
} as const;
type MergedColumn = keyof typeof MERGED;

const STATUS_COLUMNS: MergedColumn[] = ["last_control", "last_control_at", "last_active", "last_message"];

/** The status a person sees: history replaces the status of a chat that went quiet, as on Overview. */
const SHOWN_STATUS_SQL = `if(${IN_HISTORY_SQL}, 'history', ${STATUS_SQL})`;

interface SortSpec {
  /** ORDER BY terms; `DIR` is replaced by the chosen direction. */
  terms: string[];
  needs: MergedColumn[];
}

// Whitelist: the only identifiers that ever reach ORDER BY. Empty text sorts
// last in both directions, so "by name" does not open on a page of blanks.
const SORTS: Record<ContactSortColumn, SortSpec> = {
  phone: { terms: ["contact DIR"], needs: [] },
  name: { terms: ["name = '' ASC", "lowerUTF8(name) DIR"], needs: ["name"] },
  status: {
    terms: [`indexOf(['active', 'requesting', 'intervened', 'closed', 'history'], ${SHOWN_STATUS_SQL}) DIR`],
    needs: STATUS_COLUMNS,
  },
  lastActive: { terms: ["last_active DIR NULLS LAST"], needs: ["last_active"] },
  source: { terms: ["source = '' ASC", "source DIR"], needs: ["source"] },
  firstMessageTag: { terms: ["first_message_tag = '' ASC", "first_message_tag DIR"], needs: ["first_message_tag"] },
  unresolvedQueries: { terms: ["unresolved_queries DIR"], needs: ["unresolved_queries"] },
  templateMessages: { terms: ["template_messages DIR"], needs: ["template_messages"] },
  sessionMessages: { terms: ["session_messages DIR"], needs: ["session_messages"] },
  firstSeen: { terms: ["first_seen DIR"], needs: ["first_seen"] },
};

// Tag filter, on the sort key, so it narrows the rows FINAL has to read.
const HAS_TAG_SQL = `contact IN (
         SELECT contact FROM (
           SELECT contact, finalizeAggregation(present) AS present
           FROM contact_tags FINAL
           WHERE workspace_id = {workspaceId:String} AND tag = {tag:String}
         ) WHERE present = 1)`;

// The latest value of each attribute, never one that was since overwritten.
const ATTRIBUTE_MATCHES_SQL = `contact IN (
         SELECT contact FROM (
           SELECT contact, finalizeAggregation(value) AS value
           FROM contact_attributes FINAL
           WHERE workspace_id = {workspaceId:String}
         ) WHERE positionCaseInsensitiveUTF8(value, {search:String}) > 0)`;

// A merged argMin/argMax value is always the value of one of the contact's
// rows, so "some row has it" is a necessary condition that a plain scan can
// check before FINAL merges anything; the exact condition on the merged value
// (in the outer query) still decides.
const NAME_CANDIDATES_SQL = `contact IN (
         SELECT contact FROM contact_state
         WHERE workspace_id = {workspaceId:String} AND positionCaseInsensitiveUTF8(finalizeAggregation(name), {search:String}) > 0)`;
const CONTROL_CANDIDATES_SQL = `contact IN (
         SELECT contact FROM contact_state
         WHERE workspace_id = {workspaceId:String} AND finalizeAggregation(last_control) = {lastControl:String})`;
const SOURCE_CANDIDATES_SQL = `contact IN (
         SELECT contact FROM contact_state
         WHERE workspace_id = {workspaceId:String} AND finalizeAggregation(source) = {source:String})`;

/** The control event a chat in each status last had; active chats have any, or none. */
const LAST_CONTROL_OF = { requesting: "intervention.requested", intervened: "agent.intervened", closed: "chat.resolved" } as const;

/** Only digits count in a phone search, so "+91 98123-45" finds +919812345…. */
export function phoneDigits(search: string): string {
  return /^[\d\s()+.-]+$/.test(search) ? search.replace(/\D/g, "") : "";
}

interface FilterSql {
  /** Conditions on the sort key, inside the FINAL read: they narrow what is merged. */
  inner: string[];
  /** Conditions on the merged columns. */
  outer: string[];
  needs: MergedColumn[];
  params: Record<string, unknown>;
}

function filterSql(filters: ContactListFilters, now: Date): FilterSql {
  const f: FilterSql = { inner: [], outer: [], needs: [], params: { now: now.getTime() / 1000 } };
  const search = filters.search?.trim() ?? "";
  if (search) {
    const digits = phoneDigits(search);
    const phoneMatches = digits ? ["position(contact, {searchDigits:String}) > 0"] : [];
    if (digits) f.params.searchDigits = digits;
    f.inner.push(`(${[...phoneMatches, NAME_CANDIDATES_SQL, ATTRIBUTE_MATCHES_SQL].join("\n         OR ")})`);
    const exact = [...phoneMatches, "positionCaseInsensitiveUTF8(name, {search:String}) > 0", ATTRIBUTE_MATCHES_SQL];
    f.outer.push(`(${exact.join("\n         OR ")})`);
    f.needs.push("name");
    f.params.search = search;
  }
  if (filters.status === "history") {
    f.outer.push(IN_HISTORY_SQL);
    f.needs.push(...STATUS_COLUMNS);
  } else if (filters.status) {
    f.outer.push(`NOT ${IN_HISTORY_SQL} AND ${STATUS_SQL} = {status:String}`);
    f.needs.push(...STATUS_COLUMNS);
    f.params.status = filters.status;
    if (filters.status !== "active") {
      f.inner.push(CONTROL_CANDIDATES_SQL);
      f.params.lastControl = LAST_CONTROL_OF[filters.status];
    }
  }
  if (filters.source) {
    f.inner.push(SOURCE_CANDIDATES_SQL);
    f.outer.push("source = {source:String}");
    f.needs.push("source");
    f.params.source = filters.source;
  }
  if (filters.tag) {
    f.inner.push(HAS_TAG_SQL);
    f.params.tag = filters.tag;
  }
  return f;
}

/** The pieces of the per-contact merge: the merged columns it reads, and its conditions before and after the merge. */
function mergePieces(f: FilterSql, extraNeeds: MergedColumn[] = []) {
  const needs = [...new Set([...f.needs, ...extraNeeds])];
  return {
    columns: needs.map((c) => `,\n         ${MERGED[c]}`).join(""),
    inner: f.inner.map((c) => `\n         AND ${c}`).join(""),
    outer: f.outer.length ? `\n     WHERE ${f.outer.join("\n       AND ")}` : "",
  };
}

/** How many contacts match the filters. */
export async function countContacts(store: Store, workspaceId: string, filters: ContactListFilters, now: Date): Promise<number> {
  const f = filterSql(filters, now);
  const { columns, inner, outer } = mergePieces(f);
  const [row] = await store.query<{ total: string }>(
    `SELECT count() AS total
     FROM (
       SELECT contact${columns}
       FROM contact_state FINAL
       WHERE workspace_id = {workspaceId:String}${inner}
     )${outer}`,
    { workspaceId, ...f.params },
  );
  return Number(row?.total ?? 0);
}

// Narrows the landing view (everyone, most recently active first) to the
// contacts that can be on the page. last_active merges with max, so a
// contact's merged value is at least any of its rows' values: if the newest
// 2K rows hold at least K distinct contacts, the K-th newest contact is no
// older than the oldest of those rows, and every contact on pages 1..K has a
// row at least that new. A few rows found by a top-N read then replace a merge
// of the whole workspace.
const RECENT_ROWS_FLOOR_SQL = `SELECT min(last_active) AS floor, uniqExact(contact) AS contacts
     FROM (
       SELECT contact, last_active
       FROM contact_state
       WHERE workspace_id = {workspaceId:String} AND last_active IS NOT NULL
       ORDER BY last_active DESC
       LIMIT {rows:UInt32}
     )`;
const ACTIVE_SINCE_FLOOR_SQL = `contact IN (
         SELECT contact FROM contact_state
         WHERE workspace_id = {workspaceId:String} AND last_active >= {floor:DateTime64(3)})`;

/** For the unfiltered newest-first view, a condition that keeps only the contacts that can reach the page; null otherwise. */
async function recentCandidates(store: Store, workspaceId: string, query: ContactListQuery): Promise<{ sql: string; floor: string } | null> {
  const isLandingView = query.sort === "lastActive" && query.direction === "desc" && !query.search?.trim() && !query.status && !query.source && !query.tag;
  if (!isLandingView) return null;
  const reach = query.offset + query.limit;
  const [row] = await store.query<{ floor: string | null; contacts: string }>(RECENT_ROWS_FLOOR_SQL, { workspaceId, rows: 2 * reach });
  // Too few distinct contacts among the rows (unmerged duplicates, or contacts who never wrote): merge everything.
  if (!row?.floor || Number(row.contacts) < reach) return null;
  return { sql: ACTIVE_SINCE_FLOOR_SQL, floor: row.floor };
}

/** The phones of one page, in order. The phone breaks ties, so pages never overlap or skip. */
export async function pageOfPhones(store: Store, workspaceId: string, query: ContactListQuery, now: Date): Promise<string[]> {
  const f = filterSql(query, now);
  const candidates = await recentCandidates(store, workspaceId, query);
  if (candidates) {
    f.inner.push(candidates.sql);
    f.params.floor = candidates.floor;
  }
  const sort = SORTS[query.sort];
  const { columns, inner, outer } = mergePieces(f, sort.needs);
  const dir = query.direction === "desc" ? "DESC" : "ASC";
  const orderBy = [...sort.terms.map((t) => t.replace("DIR", dir)), "contact ASC"].join(", ");
  const rows = await store.query<{ contact: string }>(
    `SELECT contact
     FROM (
       SELECT contact${columns}
       FROM contact_state FINAL
       WHERE workspace_id = {workspaceId:String}${inner}
     )${outer}
     ORDER BY ${orderBy}
     LIMIT {limit:UInt32} OFFSET {offset:UInt64}`,
    { workspaceId, ...f.params, limit: query.limit, offset: query.offset },
  );
  return rows.map((r) => r.contact);
}

type DetailRow = Omit<ContactListRow, "tags" | "matchedAttribute">;

/** Everything the list shows of the given contacts, read by primary key. */
async function contactDetails(store: Store, workspaceId: string, phones: string[], now: Date): Promise<Map<string, DetailRow>> {
  const rows = await store.query<Record<string, string | number | null>>(
    `SELECT
       contact, name, ${STATUS_SQL} AS status, ${IN_HISTORY_SQL} AS in_history,
       first_seen, last_active, template_messages, session_messages, unresolved_queries,
       source, source_detail, first_message_tag
     FROM (
       SELECT contact, ${Object.values(MERGED).join(", ")}
       FROM contact_state FINAL
       WHERE workspace_id = {workspaceId:String} AND contact IN {phones:Array(String)}
     )`,
    { workspaceId, phones, now: now.getTime() / 1000 },
  );
  return new Map(
    rows.map((r) => [
      String(r.contact),
      {
        phone: String(r.contact),
        name: String(r.name),
        status: r.status as DetailRow["status"],
        inHistory: Boolean(Number(r.in_history)),
        firstSeen: String(r.first_seen),
        lastActive: r.last_active === null ? null : String(r.last_active),
        source: String(r.source),
        sourceDetail: String(r.source_detail),
        firstMessageTag: String(r.first_message_tag),
        unresolvedQueries: Number(r.unresolved_queries),
        templateMessages: Number(r.template_messages),
        sessionMessages: Number(r.session_messages),
      },
    ]),
  );
}

/** The tags each of the given contacts has now, alphabetically. */
async function tagsOf(store: Store, workspaceId: string, phones: string[]): Promise<Map<string, string[]>> {
  const rows = await store.query<{ contact: string; tags: string[] }>(
    `SELECT contact, groupArray(tag) AS tags
     FROM (
       SELECT contact, tag
       FROM (
         SELECT contact, tag, finalizeAggregation(present) AS present
         FROM contact_tags FINAL
         WHERE workspace_id = {workspaceId:String} AND contact IN {phones:Array(String)}
       )
       WHERE present = 1
       ORDER BY contact, tag
     )
     GROUP BY contact`,
    { workspaceId, phones },
  );
  return new Map(rows.map((r) => [r.contact, r.tags]));
}

/** For a search, which attribute of each contact matched it, so the row can say why it is there. */
async function matchedAttributes(
  store: Store,
  workspaceId: string,
  phones: string[],
  search: string,
): Promise<Map<string, { name: string; value: string }>> {
  const rows = await store.query<{ contact: string; attribute: string; value: string }>(
    `SELECT contact, attribute, value
     FROM (
       SELECT contact, attribute, finalizeAggregation(value) AS value
       FROM contact_attributes FINAL
       WHERE workspace_id = {workspaceId:String} AND contact IN {phones:Array(String)}
     )
     WHERE positionCaseInsensitiveUTF8(value, {search:String}) > 0
     ORDER BY contact, attribute
     LIMIT 1 BY contact`,
    { workspaceId, phones, search },
  );
  return new Map(rows.map((r) => [r.contact, { name: r.attribute, value: r.value }]));
}

/** One page of the list and the total over the same filters; the two halves run side by side. */
export async function listContacts(
  store: Store,
  workspaceId: string,
  query: ContactListQuery,
  now: Date,
): Promise<{ rows: ContactListRow[]; total: number }> {
  const [phones, total] = await Promise.all([pageOfPhones(store, workspaceId, query, now), countContacts(store, workspaceId, query, now)]);
  if (phones.length === 0) return { rows: [], total };
  const search = query.search?.trim() ?? "";
  const [details, tags, matches] = await Promise.all([
    contactDetails(store, workspaceId, phones, now),
    tagsOf(store, workspaceId, phones),
    search ? matchedAttributes(store, workspaceId, phones, search) : Promise.resolve(new Map<string, { name: string; value: string }>()),
  ]);
  const rows = phones.flatMap((phone) => {
    const d = details.get(phone);
    return d ? [{ ...d, tags: tags.get(phone) ?? [], matchedAttribute: matches.get(phone) ?? null }] : [];
  });
  return { rows, total };
}
