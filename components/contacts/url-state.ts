import type { inferRouterInputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";

/** The Contacts table's state and its choices; it lives in the URL through search-params.ts. */

type ListInput = inferRouterInputs<AppRouter>["contacts"]["list"];
export type ContactSortColumn = NonNullable<ListInput["sort"]>;
export type ContactStatusFilter = NonNullable<ListInput["status"]>;

export const STATUS_FILTERS = ["active", "requesting", "intervened", "closed", "history"] as const satisfies readonly ContactStatusFilter[];

export const SORT_COLUMNS = [
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
] as const satisfies readonly ContactSortColumn[];

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** Every column of the table, in order; tags is shown but cannot be sorted. */
export const COLUMN_IDS = [...SORT_COLUMNS.slice(0, 6), "tags", ...SORT_COLUMNS.slice(6)] as const;
export type ContactColumnId = (typeof COLUMN_IDS)[number];
export const DEFAULT_VISIBLE: readonly ContactColumnId[] = COLUMN_IDS.filter((c) => c !== "firstSeen");

export interface ContactsTableState {
  q: string;
  status?: ContactStatusFilter;
  source?: string;
  tag?: string;
  sort: ContactSortColumn;
  desc: boolean;
  /** 1-based, as people count pages. */
  page: number;
  size: PageSize;
  /** The visible columns, in table order. */
  cols: readonly ContactColumnId[];
}

export const DEFAULT_STATE: ContactsTableState = {
  q: "",
  sort: "lastActive",
  desc: true,
  page: 1,
  size: 25,
  cols: DEFAULT_VISIBLE,
};

export function hasFilters(state: ContactsTableState): boolean {
  return Boolean(state.q.trim() || state.status || state.source || state.tag);
}

/** The profile page of a contact: the E.164 phone, URL-encoded (`+` becomes `%2B`). */
export function profileHref(workspaceId: string, phone: string): string {
  return `/w/${encodeURIComponent(workspaceId)}/contacts/${encodeURIComponent(phone)}`;
}
