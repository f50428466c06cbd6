import type { Store } from "../client";
import { IN_HISTORY_SQL } from "./contact-status";
import { CONTACT_TOTAL_SQL } from "./contact-totals";

/**
 * The Contacts list: one page of contacts, filtered, searched and sorted over
 * the whole workspace, from `contacts` (0011), one row of plain columns per
 * contact kept up to date as events arrive. FINAL keeps each contact's newest
 * row; filters and sorts are plain column reads. The page (one statement,
 * whose shown columns are read for the page's rows alone) and the total run
 * side by side. Status and history
 * come from contact-status.ts, so the list, Overview and the profile agree on
 * every contact.
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

/** The status a person sees: history replaces the status of a chat that went quiet, as on Overview. */
const SHOWN_STATUS_SQL = `if(${IN_HISTORY_SQL}, 'history', status)`;

// Whitelist: the only ORDER BY terms there are; `DIR` becomes the direction.
// Empty text sorts last in both directions, so "by name" does not open on a
// page of blanks.
const SORTS: Record<ContactSortColumn, string[]> = {
  phone: ["contact DIR"],
  name: ["name = '' ASC", "lowerUTF8(name) DIR"],
  status: [`indexOf(['active', 'requesting', 'intervened', 'closed', 'history'], ${SHOWN_STATUS_SQL}) DIR`],
  lastActive: ["last_active DIR NULLS LAST"],
  source: ["source = '' ASC", "source DIR"],
  firstMessageTag: ["first_message_tag = '' ASC", "first_message_tag DIR"],
  unresolvedQueries: ["unresolved_queries DIR"],
  templateMessages: ["template_messages DIR"],
  sessionMessages: ["session_messages DIR"],
  firstSeen: ["first_seen DIR"],
};

/** Only digits count in a phone search, so "+91 98123-45" finds +919812345…. */
export function phoneDigits(search: string): string {
  return /^[\d\s()+.-]+$/.test(search) ? search.replace(/\D/g, "") : "";
}

/** `text` as a LIKE pattern that matches it literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The filters as conditions over a contacts row, and their parameters. */
function filterSql(filters: ContactListFilters, now: Date): { where: string; params: Record<string, unknown> } {
  const conditions: string[] = [];
  const params: Record<string, unknown> = { now: now.getTime() / 1000 };
  const search = filters.search?.trim() ?? "";
  if (search) {
    const digits = phoneDigits(search);
    if (digits) params.searchDigits = `%${digits}%`;
    params.search = `%${escapeLike(search)}%`;
    // search_text holds the name and the attribute values, lower case (0011).
    // LIKE, not position(): the text indexes of 0025 serve LIKE patterns only.
    conditions.push(`(${[
      ...(digits ? ["contact LIKE {searchDigits:String}"] : []),
      "search_text LIKE lowerUTF8({search:String})",
    ].join(" OR ")})`);
  }
  if (filters.status === "history") {
    conditions.push(IN_HISTORY_SQL);
  } else if (filters.status) {
    conditions.push(`NOT ${IN_HISTORY_SQL} AND status = {status:String}`);
    params.status = filters.status;
  }
  if (filters.source) {
    conditions.push("source = {source:String}");
    params.source = filters.source;
  }
  if (filters.tag) {
    conditions.push("has(tags, {tag:String})");
    params.tag = filters.tag;
  }
  return { where: conditions.map((c) => `\n       AND ${c}`).join(""), params };
}

/** How many contacts match the filters (with none, the total the rounds keep: contact-totals.ts). */
export async function countContacts(store: Store, workspaceId: string, filters: ContactListFilters, now: Date): Promise<number> {
  const { where, params } = filterSql(filters, now);
  const [row] = await store.query<{ total: string }>(
    where
      ? `SELECT count() AS total
         FROM contacts FINAL
         WHERE workspace_id = {workspaceId:String}${where}`
      : `SELECT ${CONTACT_TOTAL_SQL} AS total`,
    { workspaceId, ...params },
    { report: "contact-list:count" },
  );
  return Number(row?.total ?? 0);
}

/**
 * The first attribute, by name, whose value holds the search. Only with a
 * search: the attribute maps are the widest column of the table, and a page
 * read without them costs half as much.
 */
const MATCHED_ATTRIBUTE_SQL = `arrayFirst(kv -> positionCaseInsensitiveUTF8(kv.2, {matchText:String}) > 0,
                  arraySort(arrayZip(mapKeys(attributes), mapValues(attributes))))`;

/**
 * One page of contacts, in order, with everything the list shows. The phone
 * breaks ties, so pages never overlap or skip. The engine reads the columns
 * the filters and the sort need for every contact, and the rest (names, tags,
 * counters…) only for the page's rows, by their place in the part, once the
 * page is known (lazy materialization, at any depth: the limit setting's
 * default stops it past 10,000 rows). A second statement reading the page's
 * rows by phone cost twice as much: 50 scattered phones are 39 granules of
 * 8,192 rows, each looked up in the primary key and merged under FINAL again
 * (status "requesting" at 1M contacts: 117 ms of CPU against 85).
 */
async function pageOfContacts(store: Store, workspaceId: string, query: ContactListQuery, now: Date): Promise<ContactListRow[]> {
  const { where, params } = filterSql(query, now);
  const search = query.search?.trim() ?? "";
  const dir = query.direction === "desc" ? "DESC" : "ASC";
  const orderBy = [...SORTS[query.sort].map((t) => t.replace("DIR", dir)), "contact ASC"].join(", ");
  const rows = await store.query<Record<string, string | number | null | string[] | [string, string]>>(
    `SELECT
       contact, name, status, ${IN_HISTORY_SQL} AS in_history,
       first_seen, last_active, template_messages, session_messages, unresolved_queries,
       source, source_detail, first_message_tag, tags,
       ${search ? MATCHED_ATTRIBUTE_SQL : "('', '')"} AS matched
     FROM contacts FINAL
     WHERE workspace_id = {workspaceId:String}${where}
     ORDER BY ${orderBy}
     LIMIT {limit:UInt32} OFFSET {offset:UInt64}
     SETTINGS query_plan_max_limit_for_lazy_materialization = 0`,
    { workspaceId, ...params, matchText: search, limit: query.limit, offset: query.offset },
    { report: "contact-list:page" },
  );
  return rows.map((r) => {
    const [matchedName, matchedValue] = (r.matched as [string, string]) ?? ["", ""];
    return {
      phone: String(r.contact),
      name: String(r.name),
      status: r.status as ContactListRow["status"],
      inHistory: Boolean(Number(r.in_history)),
      firstSeen: String(r.first_seen),
      lastActive: r.last_active === null ? null : String(r.last_active),
      source: String(r.source),
      sourceDetail: String(r.source_detail),
      firstMessageTag: String(r.first_message_tag),
      tags: r.tags as string[],
      unresolvedQueries: Number(r.unresolved_queries),
      templateMessages: Number(r.template_messages),
      sessionMessages: Number(r.session_messages),
      matchedAttribute: matchedName ? { name: matchedName, value: matchedValue } : null,
    };
  });
}

/** One page of the list and the total over the same filters, side by side. */
export async function listContacts(
  store: Store,
  workspaceId: string,
  query: ContactListQuery,
  now: Date,
): Promise<{ rows: ContactListRow[]; total: number }> {
  const [rows, total] = await Promise.all([pageOfContacts(store, workspaceId, query, now), countContacts(store, workspaceId, query, now)]);
  return { rows, total };
}
