/**
 * How ChatLens reads a CSV file: the separators it knows, how it finds the
 * one a file uses, and the csv-parse options of both readers, the import
 * (csv-import.ts) and the browser's preview (components/manage/import), so the
 * preview shows the columns the import will see. No I/O: both sides load it.
 */

/** The separators a file may use: spreadsheets save with commas, or semicolons where the comma is the decimal mark; tabs and bars come from exports. */
export const CSV_DELIMITERS = [",", ";", "\t", "|"] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** How a person names each separator. */
export const DELIMITER_NAMES: Record<CsvDelimiter, { one: string; many: string }> = {
  ",": { one: "comma", many: "commas" },
  ";": { one: "semicolon", many: "semicolons" },
  "\t": { one: "tab", many: "tabs" },
  "|": { one: "bar", many: "bars" },
};

/**
 * The separator of a file, from its start: the one its first line (the
 * header, which names the columns) holds most often outside double quotes. A
 * tie goes to the earlier of CSV_DELIMITERS, so a header with none at all (a
 * file of one column) is read with commas.
 */
export function sniffDelimiter(start: string): CsvDelimiter {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of start) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best: CsvDelimiter = CSV_DELIMITERS[0];
  for (const d of CSV_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * The csv-parse options both readers share. Records come as arrays (the
 * import matches the header itself, so a row with more values than columns is
 * seen, not silently cut). `relax_quotes` reads a quote inside an unquoted
 * value (`Ali"ce`, `=HYPERLINK("…")`) as part of it instead of failing the
 * whole file. Leading spaces are trimmed by the parser, so `a, "b, c"` is two
 * values; trailing ones by the reader: csv-parse's own `rtrim` fails on a
 * quoted value followed by text (`"Best" friend`), and its skip-on-error then
 * drops the rest of the chunk.
 */
export function csvReadOptions(delimiter: CsvDelimiter) {
  return {
    bom: true,
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    ltrim: true,
    skip_empty_lines: true,
    info: true,
  } as const;
}

/**
 * What a csv-parse error code means for the row it stops, in words a person
 * can act on. With csvReadOptions only an unclosed quote at the end of the
 * file can happen (the import words that one with its lines); the rest are
 * here so that no parser error ever reaches a person as its code.
 */
export function csvProblem(code: string | undefined): string {
  switch (code) {
    case "INVALID_OPENING_QUOTE":
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return 'a double quote is out of place: quote the whole value, or double a quote inside it ("")';
    case "CSV_QUOTE_NOT_CLOSED":
      return 'a double quote opens a value that is never closed: close the quote, or double a quote inside a value ("")';
    case "CSV_MAX_RECORD_SIZE":
      return "the row is too long to read";
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
    case "CSV_RECORD_INCONSISTENT_COLUMNS":
      return "the row has another number of values than the header has columns";
    default:
      return "the row cannot be read as CSV";
  }
}
