import type { Store } from "../../client";
import { IN_HISTORY_SQL } from "../contact-status";
import { CONTACT_TOTAL_SQL } from "../contact-totals";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { compileSegment, type SegmentClock } from "./compile";

/**
 * Reads of a segment's audience: its size, a sorted page of it, and pages for
 * the export. Each is ONE statement: the compiled predicate applied to the
 * rows of `contacts` (compile.ts explains the shape).
 */

export interface SegmentCount {
  matching: number;
  total: number;
  /** Of `matching`, the contacts opted out of marketing: what an export leaves out unless asked. */
  optedOut: number;
}

export async function countSegment(
  store: Store,
  workspaceId: string,
  tree: FilterTree,
  clock: SegmentClock,
  attributeTypes?: ReadonlyMap<string, string>,
): Promise<SegmentCount> {
  const compiled = compileSegment(tree, clock, attributeTypes);
  // The rules stay in WHERE: there the engine answers tag and attribute rules from the
  // text indexes of 0025 (inside countIf it computes them row by row, 60× slower).
  const [row] = await store.query<{ matching: string; total: string; matching_opted_out: string }>(
    `SELECT
       count() AS matching,
       countIf(opted_out = 1) AS matching_opted_out,
       ${CONTACT_TOTAL_SQL} AS total
     FROM contacts FINAL
     WHERE workspace_id = {workspaceId:String} AND (${compiled.where})`,
    { ...compiled.params, workspaceId },
    { report: "segments:count" },
  );
  const matching = Number(row?.matching ?? 0);
  // A round adds its new contacts to the kept total just after their rows: a count read in between
  // may see them first, and "of N contacts" is never fewer than the segment holds.
  return { matching, total: Math.max(Number(row?.total ?? 0), matching), optedOut: Number(row?.matching_opted_out ?? 0) };
}

/** Preview sort keys → the merged column each orders by (a whitelist: nothing else reaches ORDER BY). */
export const PREVIEW_SORTS = {
  lastActive: "last_active",
  firstSeen: "first_seen",
  name: "name",
  phone: "contact",
  templateMessages: "template_messages",
  sessionMessages: "session_messages",
  unresolvedQueries: "unresolved_queries",
} as const; // contacts columns (0011)
export type PreviewSort = keyof typeof PREVIEW_SORTS;

export interface PreviewRow {
  contact: string;
  name: string;
  status: "active" | "requesting" | "intervened" | "closed" | "history";
  lastActive: string | null;
  firstSeen: string;
  source: string;
  templateMessages: number;
  sessionMessages: number;
  unresolvedQueries: number;
}

/**
 * A page of the audience, sorted, in one statement: the engine filters and
 * orders on the predicate's columns and the sort column, then reads the
 * shown columns for the page's rows alone, by their place in the part (lazy
 * materialization, at any depth). A second statement reading the page by
 * phone cost more than the page itself: 50 scattered contacts are ~40
 * granules of 8,192 rows, looked up and merged under FINAL again.
 */
export async function previewSegment(
  store: Store,
  workspaceId: string,
  tree: FilterTree,
  clock: SegmentClock,
  opts: { sort: PreviewSort; direction: "asc" | "desc"; limit: number; offset: number; attributeTypes?: ReadonlyMap<string, string> },
): Promise<PreviewRow[]> {
  const compiled = compileSegment(tree, clock, opts.attributeTypes);
  const rows = await store.query<Record<string, string | null>>(
    `SELECT contact, name, if(${IN_HISTORY_SQL}, 'history', status) AS status, last_active, first_seen, source,
            template_messages, session_messages, unresolved_queries
     FROM contacts FINAL
     WHERE workspace_id = {workspaceId:String} AND (${compiled.where})
     ORDER BY ${orderBySql(PREVIEW_SORTS[opts.sort], opts.direction)}
     LIMIT {limit:UInt32} OFFSET {offset:UInt32}
     SETTINGS query_plan_max_limit_for_lazy_materialization = 0`,
    { ...compiled.params, workspaceId, limit: opts.limit, offset: opts.offset },
    { report: "segments:preview" },
  );
  return rows.map(toPreviewRow);
}

function orderBySql(column: string, direction: "asc" | "desc"): string {
  // Contacts never active sort last either way; the phone breaks ties so pages never overlap.
  const dir = direction === "asc" ? "ASC" : "DESC";
  return column === "contact" ? `contact ${dir}` : `${column} ${dir} NULLS LAST, contact ASC`;
}

function toPreviewRow(r: Record<string, string | null | undefined>): PreviewRow {
  return {
    contact: String(r.contact),
    name: String(r.name ?? ""),
    status: (r.status ?? "active") as PreviewRow["status"],
    lastActive: r.last_active ?? null,
    firstSeen: String(r.first_seen ?? ""),
    source: String(r.source ?? ""),
    templateMessages: Number(r.template_messages ?? 0),
    sessionMessages: Number(r.session_messages ?? 0),
    unresolvedQueries: Number(r.unresolved_queries ?? 0),
  };
}

/** Every matching contact's phone, for tests and static snapshots (use exportPage for big audiences). */
export async function segmentMembers(
  store: Store,
  workspaceId: string,
  tree: FilterTree,
  clock: SegmentClock,
  attributeTypes?: ReadonlyMap<string, string>,
): Promise<string[]> {
  const compiled = compileSegment(tree, clock, attributeTypes);
  const rows = await store.query<{ contact: string }>(
    `SELECT contact
     FROM contacts FINAL
     WHERE workspace_id = {workspaceId:String} AND (${compiled.where})
     ORDER BY contact`,
    { ...compiled.params, workspaceId },
    { report: "segments:members" },
  );
  return rows.map((r) => r.contact);
}

