import type { inferRouterInputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";

/**
 * The campaign list's state in the URL, beside the range (`components/overview/range`):
 * `?q=sale&sort=readRate.asc&page=2&size=50`. Defaults are left out; anything
 * unreadable falls back to them.
 */

export type CampaignSort = NonNullable<inferRouterInputs<AppRouter>["campaigns"]["list"]["sort"]>;
export const SORTS = [
  "name",
  "sentAt",
  "recipients",
  "delivered",
  "read",
  "replied",
  "failed",
  "readRate",
  "ignoredRate",
  "replyRate",
  "conversions",
  "conversionRate",
  "revenue",
  "revenuePerRecipient",
] as const satisfies readonly CampaignSort[];
export const PAGE_SIZES = [25, 50, 100] as const;

export interface ListState {
  q: string;
  sort: CampaignSort;
  desc: boolean;
  /** 1-based, as people count pages. */
  page: number;
  size: number;
}

export const DEFAULT_LIST: ListState = { q: "", sort: "sentAt", desc: true, page: 1, size: 25 };

export function readListState(params: Pick<URLSearchParams, "get">): ListState {
  const [column, direction] = (params.get("sort") ?? "").split(".");
  const sort = SORTS.find((s) => s === column);
  const page = Number(params.get("page"));
  const size = PAGE_SIZES.find((s) => String(s) === params.get("size")) ?? DEFAULT_LIST.size;
  return {
    q: (params.get("q") ?? "").slice(0, 200),
    sort: sort ?? DEFAULT_LIST.sort,
    desc: sort ? direction !== "asc" : DEFAULT_LIST.desc,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    size,
  };
}

/** The query string for `state`, keeping the range and anything else already there. */
export function listSearch(state: ListState, current: URLSearchParams): string {
  const next = new URLSearchParams(current);
  const set = (key: string, value: string | null) => (value === null ? next.delete(key) : next.set(key, value));
  set("q", state.q ? state.q : null);
  set("sort", state.sort === DEFAULT_LIST.sort && state.desc === DEFAULT_LIST.desc ? null : `${state.sort}.${state.desc ? "desc" : "asc"}`);
  set("page", state.page > 1 ? String(state.page) : null);
  set("size", state.size !== DEFAULT_LIST.size ? String(state.size) : null);
  const text = next.toString();
  return text ? `?${text}` : "";
}
