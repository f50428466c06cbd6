import { parse } from "csv-parse/browser/esm/sync";

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
}

export class PreviewError extends Error {}

// The same reading rules as the server's import (server/ingestion/csv-import.ts), so the preview shows its columns.
const OPTIONS = { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true } as const;

type Parsed = Array<{ record: string[]; info: { lines: number } }>;

export async function readPreview(file: File): Promise<CsvPreview> {
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
  const records = wholeFile ? parseAll(text) : parseStart(text);
  const [first, ...rest] = records;
  const header = first?.record;
  if (!header || header.every((h) => h === "")) throw new PreviewError("The file has no header row: its first line should name the columns, like phone,name,email.");
  const shown = rest.slice(0, PREVIEW_LINES - 1);
  return {
    header,
    rows: shown.map((r) => r.record),
    lines: shown.map((r) => r.info.lines),
    totalRows: wholeFile ? rest.length : null,
  };
}

function parseAll(text: string): Parsed {
  try {
    return parse(text, OPTIONS) as unknown as Parsed;
  } catch (err) {
    throw new PreviewError(`This file cannot be read as CSV: ${(err as Error).message}`);
  }
}

/** The first lines of a larger file: cut at a line end, and further back if the cut fell inside a quoted value. */
function parseStart(text: string): Parsed {
  let end = text.lastIndexOf("\n");
  let lastError: unknown;
  for (let attempt = 0; attempt < 5 && end > 0; attempt++) {
    try {
      return parse(text.slice(0, end + 1), { ...OPTIONS, to_line: PREVIEW_LINES }) as unknown as Parsed;
    } catch (err) {
      lastError = err;
      end = text.lastIndexOf("\n", end - 1);
    }
  }
  throw new PreviewError(
    end > 0 || lastError
      ? `This file cannot be read as CSV: ${(lastError as Error)?.message ?? "no line breaks in its first 64 KB"}`
      : "This file cannot be read as CSV: no line breaks in its first 64 KB.",
  );
}

/** A file whose one column is full of semicolons or tabs was saved with another separator. */
export function separatorHint(preview: CsvPreview): string | null {
  if (preview.header.length !== 1) return null;
  const first = preview.header[0];
  const separator = first.includes(";") ? "semicolons" : first.includes("\t") ? "tabs" : null;
  return separator
    ? `The columns seem to be separated by ${separator}. ChatLens reads comma-separated files: save the file as “CSV (comma delimited)” and pick it again.`
    : null;
}
