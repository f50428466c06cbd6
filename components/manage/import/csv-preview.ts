import { parse } from "csv-parse/browser/esm/sync";
import { csvProblem, csvReadOptions, sniffDelimiter, type CsvDelimiter } from "@/server/ingestion/csv-dialect";

/** The browser reads only the start of the file; the server streams the whole of it. */
export const PREVIEW_BYTES = 64 * 1024;
export const PREVIEW_LINES = 50;

export interface CsvPreview {
  /** Column names as the server will see them (trimmed, byte-order mark dropped). */
  header: string[];
  /** The first data rows (up to PREVIEW_LINES − 1). */
  rows: string[][];
  /** The line of the file each row starts on, as the import report numbers rows (the header is line 1). */
  lines: number[];
  /** Data rows in the whole file, when the preview saw all of it. */
  totalRows: number | null;
  /** The separator the preview read the file with, which the import is then told to use. */
  delimiter: CsvDelimiter;
  /** Whether `delimiter` was detected from the header line rather than chosen. */
  detected: boolean;
}

export class PreviewError extends Error {}

type Parsed = Array<{ record: string[]; info: { lines: number } }>;

/** The start of the file as the import will read it: with `chosen` as the separator, or the one its header line uses. */
export async function readPreview(file: File, chosen?: CsvDelimiter): Promise<CsvPreview> {
  if (/\.(xlsx?|ods|numbers)$/i.test(file.name)) {
    throw new PreviewError(
      "This is a spreadsheet workbook, not a CSV file. In your spreadsheet app choose File → Save as (or Download) → CSV, then pick that file.",
    );
  }
  if (file.size === 0) throw new PreviewError("The file is empty.");
  const wholeFile = file.size <= PREVIEW_BYTES;
  const text = await file.slice(0, PREVIEW_BYTES).text();
  if (text.includes("\u0000")) {
    throw new PreviewError("This does not look like a CSV file: it holds binary data. Save it as CSV (comma-separated) and pick it again.");
  }
  const delimiter = chosen ?? sniffDelimiter(text);
  // The same reading rules as the server's import (csv-dialect.ts), so the preview shows its columns;
  // a row the parser cannot read is left out here, and the import's report names it.
  const options: Options = { ...csvReadOptions(delimiter), skip_records_with_error: true };
  const records = wholeFile ? parseAll(text, options) : parseStart(text, options);
  const [first, ...rest] = records;
  // Values are trimmed as the import trims them.
  const header = first?.record.map((h) => h.trim());
  if (!header || header.every((h) => h === "")) throw new PreviewError("The file has no header row: its first line should name the columns, like phone,name,email.");
  const shown = rest.slice(0, PREVIEW_LINES - 1);
  return {
    header,
    rows: shown.map((r) => r.record.map((v) => v.trim())),
    // Numbered by the line a row starts on, as the import report numbers it (a quoted value may span lines).
    lines: shown.map((r) => r.info.lines - r.record.join("").split("\n").length + 1),
    totalRows: wholeFile ? rest.length : null,
    delimiter,
    detected: chosen === undefined,
  };
}

type Options = ReturnType<typeof csvReadOptions> & { skip_records_with_error: true; to_line?: number };

function parseAll(text: string, options: Options): Parsed {
  try {
    return parse(text, options) as unknown as Parsed;
  } catch (err) {
    throw new PreviewError(`This file cannot be read as CSV: ${csvProblem((err as { code?: string }).code)}.`);
  }
}

/** The first lines of a larger file: cut at a line end, and further back if the cut fell inside a quoted value. */
function parseStart(text: string, options: Options): Parsed {
  let end = text.lastIndexOf("\n");
  let lastError: unknown;
  for (let attempt = 0; attempt < 5 && end > 0; attempt++) {
    try {
      return parse(text.slice(0, end + 1), { ...options, to_line: PREVIEW_LINES }) as unknown as Parsed;
    } catch (err) {
      lastError = err;
      end = text.lastIndexOf("\n", end - 1);
    }
  }
  throw new PreviewError(
    end > 0 || lastError
      ? `This file cannot be read as CSV: ${lastError ? `${csvProblem((lastError as { code?: string }).code)}.` : "no line breaks in its first 64 KB."}`
      : "This file cannot be read as CSV: no line breaks in its first 64 KB.",
  );
}
