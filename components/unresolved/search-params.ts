import { useQueryStates } from "nuqs";
import { createLoader, parseAsStringLiteral } from "nuqs/server";
import { ENTRY_DIMENSIONS, type EntryDimension } from "@/clickhouse/vocabulary/entry-points";
import { parseAsPage, parseAsText } from "@/components/url-params";

/**
 * The Unresolved report's own state in the URL, beside the range
 * (components/ui/range/search-params.ts): `?q=refund&asked=2` (the search and
 * page of "What people asked") and `?by=source` ("Where they come from").
 * Changes replace the history entry, so Back from "Open chat" returns to the
 * report as the person left it instead of stepping through each keystroke.
 */

export const unresolvedParsers = {
  q: parseAsText(200),
  asked: parseAsPage.withDefault(1),
  by: parseAsStringLiteral(ENTRY_DIMENSIONS).withDefault("firstMessageTag"),
};

export const loadUnresolved = createLoader(unresolvedParsers);

const REPLACE = { history: "replace" } as const;

export function useAskedParams() {
  return useQueryStates({ q: unresolvedParsers.q, asked: unresolvedParsers.asked }, REPLACE);
}

export function useSourceDimension() {
  const [{ by }, set] = useQueryStates({ by: unresolvedParsers.by }, REPLACE);
  return [by, (next: EntryDimension) => void set({ by: next })] as const;
}
