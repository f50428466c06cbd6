import { createParser } from "nuqs/server";
import { isIsoDay } from "@/components/ui/range/range";

/**
 * URL parsers shared by several pages (nuqs). Each page defines its own set
 * once, in its feature's search-params.ts, from these and nuqs's own; a value
 * that does not parse reads as the parser's default, so a hand-edited link
 * (`?page=abc`) opens the default view instead of failing.
 *
 * Imported from "nuqs/server" so the same parsers serve client hooks, server
 * pages (createLoader) and unit tests.
 */

/** A server page's query string as Next.js hands it over (`searchParams`), which the pages' loaders read. */
export type PageQuery = Record<string, string | string[] | undefined>;

/** A 1-based page number, as people count pages: a positive whole number, nothing else. */
export const parseAsPage = createParser({
  parse: (v) => (/^\d{1,9}$/.test(v) && Number(v) >= 1 ? Number(v) : null),
  serialize: String,
});

/** A calendar day `YYYY-MM-DD` kept as text: days are the workspace's, so no Date (and no UTC shift) stands between. */
export const parseAsIsoDay = createParser({
  parse: (v) => (isIsoDay(v) ? v : null),
  serialize: (v: string) => v,
});

/** A free text, trimmed and cut to `max` characters like the server's schema would refuse past it. */
export function parseAsText(max: number) {
  return createParser({
    parse: (v) => v.slice(0, max),
    serialize: (v: string) => v.trim(),
  }).withDefault("");
}

/**
 * A table's sort, `?sort=column.asc|desc` (a bare column sorts descending,
 * as before). Unknown columns read as the default.
 */
export function parseAsSort<C extends string>(columns: readonly C[]) {
  return createParser<{ column: C; desc: boolean }>({
    parse: (v) => {
      const [name, direction] = v.split(".");
      const column = columns.find((c) => c === name);
      return column ? { column, desc: direction !== "asc" } : null;
    },
    serialize: (s) => `${s.column}.${s.desc ? "desc" : "asc"}`,
    eq: (a, b) => a.column === b.column && a.desc === b.desc,
  });
}

/** A whole number, written as digits only (`?code=131026`); `2abc` or `1e3` read as absent. */
export const parseAsWholeNumber = createParser({
  parse: (v) => (/^-?\d{1,15}$/.test(v) ? Number(v) : null),
  serialize: String,
});
