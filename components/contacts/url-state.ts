import type { inferRouterInputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";

/**
 * The Contacts table's state, kept in the URL so a view can be shared and
 * Back/Forward step through it:
 * `?q=asha&status=requesting&source=organic&tag=vip&sort=lastActive.desc&page=2&size=50&cols=phone,name,status`.
 * Defaults are left out of the URL; anything unreadable falls back to them.
 */

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

const oneOf = <T extends string>(values: readonly T[], v: string | null | undefined): T | undefined =>
  values.find((x) => x === v);

export function readContactsState(params: Pick<URLSearchParams, "get">): ContactsTableState {
  const [sortColumn, direction] = (params.get("sort") ?? "").split(".");
  const sort = oneOf(SORT_COLUMNS, sortColumn);
  const page = Number(params.get("page"));
  const size = PAGE_SIZES.find((s) => String(s) === params.get("size"));
  const cols = params
    .get("cols")
    ?.split(",")
    .filter((c): c is ContactColumnId => oneOf(COLUMN_IDS, c) !== undefined);
  return {
    q: (params.get("q") ?? "").slice(0, 100),
    status: oneOf(STATUS_FILTERS, params.get("status")),
    source: params.get("source") || undefined,
    tag: params.get("tag") || undefined,
    sort: sort ?? DEFAULT_STATE.sort,
    desc: sort ? direction !== "asc" : DEFAULT_STATE.desc,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    size: size ?? DEFAULT_STATE.size,
    // The phone always shows: it is what a row is.
    cols: cols?.length ? COLUMN_IDS.filter((c) => c === "phone" || cols.includes(c)) : DEFAULT_VISIBLE,
  };
}

/** The query string for `state`, defaults left out; `?` alone when everything is default. */
export function contactsSearch(state: ContactsTableState): string {
  const p = new URLSearchParams();
  if (state.q.trim()) p.set("q", state.q.trim());
  if (state.status) p.set("status", state.status);
  if (state.source) p.set("source", state.source);
  if (state.tag) p.set("tag", state.tag);
  if (state.sort !== DEFAULT_STATE.sort || state.desc !== DEFAULT_STATE.desc) p.set("sort", `${state.sort}.${state.desc ? "desc" : "asc"}`);
  if (state.page > 1) p.set("page", String(state.page));
  if (state.size !== DEFAULT_STATE.size) p.set("size", String(state.size));
  if (state.cols.join(",") !== DEFAULT_VISIBLE.join(",")) p.set("cols", state.cols.join(","));
  // Commas read better than %2C in a shared link, and are safe in a query string.
  return `?${p.toString().replaceAll("%2C", ",")}`;
}

export function hasFilters(state: ContactsTableState): boolean {
  return Boolean(state.q.trim() || state.status || state.source || state.tag);
}

/** The profile page of a contact: the E.164 phone, URL-encoded (`+` becomes `%2B`). */
export function profileHref(workspaceId: string, phone: string): string {
  return `/w/${encodeURIComponent(workspaceId)}/contacts/${encodeURIComponent(phone)}`;
}
