import { useQueryStates } from "nuqs";
import { createLoader, parseAsStringLiteral } from "nuqs/server";
import { parseAsIsoDay, type PageQuery } from "@/components/url-params";
import { customRangeProblem, DEFAULT_PRESET, PRESETS, resolveRange, todayIn, type RangeSelection } from "./range";

/**
 * The reports' date range in the URL (Overview, Campaigns, Unresolved):
 * `?range=7d|30d|90d`, or `?from=YYYY-MM-DD&to=YYYY-MM-DD`, which wins when
 * both days are readable. Anything else is the default preset.
 */
const PRESET_KEYS = PRESETS.map((d) => `${d}d` as const);

export const rangeParsers = {
  range: parseAsStringLiteral(PRESET_KEYS),
  from: parseAsIsoDay,
  to: parseAsIsoDay,
};

type RangeParams = { range: (typeof PRESET_KEYS)[number] | null; from: string | null; to: string | null };

export function selectionOf({ range, from, to }: RangeParams): RangeSelection {
  if (from && to) return { kind: "custom", from, to };
  return { kind: "preset", days: PRESETS.find((d) => `${d}d` === range) ?? DEFAULT_PRESET };
}

export function paramsOf(selection: RangeSelection): RangeParams {
  return selection.kind === "preset"
    ? { range: `${selection.days}d`, from: null, to: null }
    : { range: null, from: selection.from, to: selection.to };
}

/** Reads a range from any query string (a shared link, a server page's searchParams). */
export const loadRange = createLoader(rangeParsers);

/**
 * The days a report page's URL asks for, as its client component resolves
 * them (useRangeSelection, then resolveRange in the workspace's zone), so a
 * server page can start the same query; null for a custom range the page
 * refuses instead of asking.
 */
export function rangeOfUrl(searchParams: PageQuery, timeZone: string): { from: string; to: string } | null {
  const selection = selectionOf(loadRange(searchParams));
  const range = resolveRange(selection, todayIn(timeZone));
  return selection.kind === "custom" && customRangeProblem(range.from, range.to) !== null ? null : range;
}

/** The page's range and its setter; a new range is a history entry, so Back returns to the last one. */
export function useRangeSelection(): [RangeSelection, (next: RangeSelection) => void] {
  const [params, setParams] = useQueryStates(rangeParsers, { history: "push" });
  return [selectionOf(params), (next) => void setParams(paramsOf(next))];
}
