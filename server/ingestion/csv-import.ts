import { hash as digest } from "node:crypto";
import { parse, type CsvError } from "csv-parse";
import type { Readable } from "node:stream";
import { z } from "zod";
import type { Store } from "@/clickhouse/client";
import { listAttributeDefinitions } from "@/clickhouse/queries/attributes";
import { existingContacts } from "@/clickhouse/queries/ingestion";
import { normaliseAttributeValue, type AttributeDef } from "../domain/attributes";
import { toE164 } from "../domain/phone";
import { importOptionsSchema, type ImportMapping, type ImportOptions } from "../schemas/import";
import type { ChatEvent } from "../events/schema";
import { csvProblem, csvReadOptions, DELIMITER_NAMES, sniffDelimiter, type CsvDelimiter } from "./csv-dialect";
import { ingestBatchesWithIds } from "./pipeline";
import { Rejections, type RejectionSummary } from "./rejections";

export interface ImportReport extends RejectionSummary {
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  /** The first rejected rows (at most 100), with the reason; the summary counts them all. */
  rejected: Array<{ row: number; reason: string }>;
  /** Columns the import did not use. */
  ignoredColumns: string[];
  /** The separator the file was read with: the one chosen, or the one detected. */
  delimiter: CsvDelimiter;
  /** Bytes of the file read so far, for a progress bar. */
  bytesRead: number;
}

/** How an import cuts the file: the same report and the same stored events whatever the sizes (csv-import-rounds.test.ts). */
export interface ImportSizes {
  /** Rows judged together: a progress line, and a contact's imported / updated / unchanged, go by batch. */
  batchRows: number;
  /**
   * Batches stored in one ingestion round. A round's duplicate and contact
   * checks and its INSERT have a cost of their own whatever their size (the
   * checks read the workspace's keys over the whole range of its hashed ids),
   * so five batches a round cost far less than five rounds: a 200,000-row
   * import took 36 CPU seconds batch by batch and 24 in rounds of five. Ten
   * took no less CPU and 35 % more memory (1.7 GiB peak against 1.3).
   */
  roundBatches: number;
}

export const IMPORT_SIZES: ImportSizes = { batchRows: 10_000, roundBatches: 5 };

/** A batch's valid rows, and how far the file had been read when it filled (its progress line). */
interface Batch {
  rows: Array<{ contact: string; events: ChatEvent[] }>;
  parsed: Pick<ImportReport, "rows" | "rejectedCount" | "bytesRead">;
}

// One-shot digest: the same SHA-1 ids as before (re-importing an old file must still find them), cheaper per row.
const hash = (s: string) => digest("sha1", s, "base64url").slice(0, 16);

/**
 * Imports contacts from a CSV stream in batches, so a file of any size runs in
 * constant memory. Every row becomes events with ids derived from its content:
 * importing the same file again stores nothing new.
 */
export async function importContactsCsv(
  store: Store,
  workspaceId: string,
  input: Readable | AsyncIterable<Buffer | string>,
  rawOptions: ImportOptions,
  onProgress?: (report: ImportReport) => void,
  { batchRows, roundBatches }: ImportSizes = IMPORT_SIZES,
): Promise<ImportReport> {
  const options = importOptionsSchema.parse(rawOptions);
  const defs = new Map((await listAttributeDefinitions(store, workspaceId)).map((d) => [d.name, d]));
  // The separator is known before the first column is matched: from the person, or from the header line.
  const chunks = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const head = await readHead(chunks);
  const delimiter = options.delimiter ?? sniffDelimiter(Buffer.concat(head).toString("utf8"));
  const rejections = new Rejections<{ row: number; reason: string }>();
  const report: ImportReport = {
    rows: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    rejectedCount: 0,
    rejected: rejections.listed,
    ignoredColumns: [],
    delimiter,
    bytesRead: 0,
  };
  const reject = (line: number, problems: Problem[]) => {
    rejections.add(problems.map((p) => p.rule).join("; "), () => ({ row: line, reason: `row ${line}: ${problems.map((p) => p.reason).join("; ")}` }));
    report.rejectedCount = rejections.count;
  };
  // A record csv-parse cannot read is skipped and told here (in order with the records around it, below), never thrown.
  const unreadable: Array<{ code: string; lines: number }> = [];
  const parser = parse({
    ...csvReadOptions(delimiter),
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => void (err && unreadable.push({ code: err.code, lines: Number(err.lines) })),
  });
  // The last line of the last record read, the header's included: an unreadable record starts after it.
  let lastLine = 0;
  const tellUnreadable = (before: number) => {
    while (unreadable.length && unreadable[0].lines < before) {
      const err = unreadable.shift()!;
      const end = err.lines || lastLine + 1;
      if (err.code === "CSV_QUOTE_NOT_CLOSED") {
        const first = lastLine + 1;
        reject(first, [
          {
            reason: `a double quote opens a value here that is never closed, so lines ${first} to ${end} (the end of the file) were not imported: close the quote, or double a quote inside a value ("")`,
            rule: "a double quote is never closed",
          },
        ]);
      } else {
        reject(end, [{ reason: csvProblem(err.code), rule: csvProblem(err.code) }]);
      }
      lastLine = end;
    }
  };

  let header: string[] | null = null;
  let mapping: ImportMapping | null = null;
  let batch: Batch["rows"] = [];
  let round: Batch[] = [];
  const now = new Date().toISOString();

  // A full round is stored while the next one is parsed: the engine writes on
  // its own threads, so parsing and writing overlap. Rounds are still stored
  // one after another, in file order (the report depends on it).
  let storing: Promise<void> = Promise.resolve();
  // The read models follow each round while the next one is parsed and stored; the report waits for all of them.
  let refreshed: Promise<unknown> = Promise.resolve();
  const cut = () => {
    if (batch.length === 0) return;
    // Parsing runs ahead meanwhile: the progress line reports the rows up to this batch.
    round.push({ rows: batch, parsed: { rows: report.rows, rejectedCount: report.rejectedCount, bytesRead: report.bytesRead } });
    batch = [];
  };
  const flush = async () => {
    await storing;
    if (round.length === 0) return;
    const full = round;
    round = [];
    storing = storeRound(store, workspaceId, full, report, onProgress).then((refresh) => {
      refreshed = Promise.all([refreshed, refresh]);
      refreshed.catch(() => {});
    });
    // A failure surfaces at the next await of `storing`, not as an unhandled rejection meanwhile.
    storing.catch(() => {});
  };

  let broken: { err: unknown } | null = null;
  try {
    for await (const { record, info } of feed(withHead(head, chunks), parser) as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
      report.bytesRead = info.bytes;
      // A row is numbered by the line it starts on; a quoted value may span lines.
      const line = info.lines - lineBreaks(record);
      tellUnreadable(line);
      lastLine = info.lines;
      if (!header) {
        header = record.map((h) => h.trim());
        mapping = checkMapping(options.mapping ?? autoMapping(header, defs), header, defs, delimiter);
        report.ignoredColumns = unusedColumns(mapping, header);
        continue;
      }
      report.rows++;
      const row = rowToEvents(record, header, line, info.lines, mapping!, options, defs, now, delimiter);
      if ("problems" in row) {
        reject(line, row.problems);
        continue;
      }
      batch.push(row);
      if (batch.length < batchRows) continue;
      cut();
      if (round.length >= roundBatches) await flush();
    }
    tellUnreadable(Infinity);
  } catch (err) {
    // A file or upload that breaks off: the rows read before the break are stored, then it is told
    // (a failed round fails again below, at its own await). A wrong mapping has no rows.
    if (err instanceof ImportMappingError) throw err;
    broken = { err };
  }
  cut();
  await flush();
  await storing;
  await refreshed;
  if (broken) throw broken.err;
  return Object.assign(report, rejections.summary());
}

/** One thing wrong with a row: in words, and without its values (`rule`) to count rejections by. */
interface Problem {
  reason: string;
  rule: string;
}

/** Where the file's separator can be seen: chunks up to the end of the first line (or 64 KB of a file without one). */
async function readHead(chunks: AsyncIterator<Buffer | string>): Promise<Buffer[]> {
  const head: Buffer[] = [];
  let size = 0;
  while (size < 64 * 1024) {
    const next = await chunks.next();
    if (next.done) break;
    const chunk = typeof next.value === "string" ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    size += chunk.length;
    if (chunk.includes(0x0a)) break;
  }
  return head;
}

/** The chunks read to find the separator, then the rest of the input. */
async function* withHead(head: Buffer[], rest: AsyncIterator<Buffer | string>): AsyncGenerator<Buffer | string> {
  yield* head;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

function lineBreaks(record: string[]): number {
  let n = 0;
  for (const value of record) for (let i = value.indexOf("\n"); i !== -1; i = value.indexOf("\n", i + 1)) n++;
  return n;
}

export class ImportMappingError extends Error {}

const PHONE_COLUMNS = ["phone", "phone number", "mobile", "whatsapp", "whatsapp number", "number", "msisdn"];
const NAME_COLUMNS = ["name", "full name", "contact name"];
const TAG_COLUMNS = ["tags", "tag", "labels"];

/** Matches columns by their header, case-insensitively: the usual names, and attribute names. */
export function autoMapping(header: string[], defs: Map<string, AttributeDef>): ImportMapping {
  const find = (names: string[]) => header.find((h) => names.includes(h.trim().toLowerCase()));
  const attributes: Record<string, string> = {};
  for (const h of header) {
    const def = [...defs.keys()].find((d) => d.toLowerCase() === h.trim().toLowerCase());
    if (def) attributes[h] = def;
  }
  const tags = find(TAG_COLUMNS);
  return { phone: find(PHONE_COLUMNS) ?? "", name: find(NAME_COLUMNS), source: find(["source"]), tags: tags ? [tags] : [], attributes };
}

function checkMapping(m: ImportMapping, header: string[], defs: Map<string, AttributeDef>, delimiter: CsvDelimiter): ImportMapping {
  if (!m.phone) {
    throw new ImportMappingError(
      `no phone column: name one of the columns "phone", or map it (columns, separated by ${DELIMITER_NAMES[delimiter].many}: ${listed(header)})`,
    );
  }
  const missing = [m.phone, m.name, m.source, ...m.tags, ...Object.keys(m.attributes)].filter((c): c is string => !!c && !header.includes(c));
  if (missing.length) throw new ImportMappingError(`the file has no column ${missing.map((c) => `"${c}"`).join(", ")}`);
  const unknown = Object.values(m.attributes).filter((a) => !defs.has(a));
  if (unknown.length) throw new ImportMappingError(`unknown attribute ${unknown.map((a) => `"${a}"`).join(", ")}: create it in Manage → Attributes first`);
  return m;
}

/** A header's columns for a message: the first 20, then how many more (a wide header must not make a long message). */
function listed(header: string[]): string {
  return header.length > 20 ? `${header.slice(0, 20).join(", ")} … and ${header.length - 20} more` : header.join(", ");
}

function unusedColumns(m: ImportMapping, header: string[]): string[] {
  const used = new Set([m.phone, m.name, m.source, ...m.tags, ...Object.keys(m.attributes)]);
  return header.filter((h) => !used.has(h));
}

/** Until the parser takes more input, or closes; the listener that did not fire goes too (one per wait would pile up). */
function drained(parser: ReturnType<typeof parse>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      parser.off("drain", done);
      parser.off("close", done);
      resolve();
    };
    parser.once("drain", done);
    parser.once("close", done);
  });
}

/**
 * The parser's records as the input streams through it, with backpressure.
 * Whole lines only reach the parser until the input ends: when the input fails
 * (an upload that breaks off), the parser ends at the last whole line, so the
 * rows read before the break are imported and a row cut in half is not; then
 * the failure is thrown.
 */
async function* feed(input: AsyncIterable<Buffer | string>, parser: ReturnType<typeof parse>) {
  let failure: { err: unknown } | null = null;
  const pump = (async () => {
    // The input after its last line break, held back until more comes (a file of one huge line goes on as it is).
    let partial = Buffer.alloc(0);
    const write = async (bytes: Buffer) => {
      if (bytes.length && !parser.write(bytes)) await drained(parser);
    };
    try {
      for await (const chunk of input) {
        if (parser.destroyed) return;
        const bytes = Buffer.concat([partial, typeof chunk === "string" ? Buffer.from(chunk) : chunk]);
        const end = bytes.lastIndexOf(0x0a) + 1;
        const cut = end > 0 ? end : bytes.length > HELD_BACK_AT_MOST ? bytes.length : 0;
        partial = bytes.subarray(cut);
        await write(bytes.subarray(0, cut));
      }
      await write(partial);
    } catch (err) {
      failure = { err };
    }
    if (!parser.destroyed) parser.end();
  })();
  try {
    yield* parser;
    await pump;
    if (failure) throw (failure as { err: unknown }).err;
  } finally {
    // The reader stopped early (a mapping error, a failed batch): stop reading the input too.
    parser.destroy();
  }
}

/** How much of a line without a break the import holds back before it passes it on anyway. */
const HELD_BACK_AT_MOST = 1 << 20;

function rowToEvents(
  record: string[],
  header: string[],
  line: number,
  lastLine: number,
  mapping: ImportMapping,
  o: z.infer<typeof importOptionsSchema>,
  defs: Map<string, AttributeDef>,
  ts: string,
  delimiter: CsvDelimiter,
): { contact: string; events: ChatEvent[] } | { problems: Problem[] } {
  // Every problem of the row is told at once, so one fix of the file does.
  const problems: Problem[] = [];
  // A value a double quote opened and that went on past its closing quote kept
  // that quote (relax_quotes); holding a line break, it swallowed the lines
  // after it. (A quoted value never otherwise keeps its opening quote, bar one
  // that starts with a doubled quote, "" — a rare case read this way too.)
  if (record.some((v) => v.startsWith('"') && v.includes("\n"))) {
    problems.push({
      reason: `a double quote opens a value here that closes only on line ${lastLine}, so lines ${line} to ${lastLine} were read as one row: quote the whole value, or double a quote inside it ("")`,
      rule: "a double quote makes several lines one row",
    });
  }
  // More values than columns shift no value into the wrong column: the row is refused.
  if (record.length > header.length) {
    const name = DELIMITER_NAMES[delimiter].one;
    const example = delimiter === "\t" ? "" : `, like "Doe${delimiter} John"`;
    problems.push({
      reason: `${record.length} values under ${header.length} columns: a value holding a ${name} must be in double quotes${example}`,
      rule: `more values than columns`,
    });
  }
  const values: Record<string, string> = {};
  header.forEach((column, i) => {
    if (!(column in values)) values[column] = (record[i] ?? "").trim();
  });

  const rawPhone = values[mapping.phone] ?? "";
  const contact = toE164(rawPhone, o.country as Parameters<typeof toE164>[1]);
  if (!contact) problems.push({ reason: `phone "${rawPhone}" is not a valid number for ${o.country}`, rule: `phone is not a valid number for ${o.country}` });

  const key = hash(contact ?? "");
  const actor = { kind: "member" as const, id: "import" };
  const name = mapping.name ? values[mapping.name] || undefined : undefined;
  const source = (mapping.source && values[mapping.source]) || o.sourceLabel;
  const events: ChatEvent[] = [
    {
      event_id: `imp:${key}:contact:${hash(`${source}|${name ?? ""}`)}`,
      type: "contact.imported",
      contact: contact ?? "",
      ts,
      actor,
      source,
      name,
      source_detail: o.fileLabel || undefined,
    },
  ];
  for (const [column, attribute] of Object.entries(mapping.attributes)) {
    const raw = values[column] ?? "";
    if (raw === "") continue;
    const checked = normaliseAttributeValue(defs.get(attribute)!, raw);
    if (!checked.ok) problems.push({ reason: checked.reason, rule: checked.rule });
    else events.push({ event_id: `imp:${key}:attr:${hash(`${attribute}|${checked.value}`)}`, type: "attribute.set", contact: contact ?? "", ts, actor, attribute, value: checked.value });
  }
  const tags = new Set(mapping.tags.flatMap((c) => (values[c] ?? "").split(/[;,|]/).map((t) => t.trim()).filter(Boolean)));
  for (const tag of tags) {
    if (tag.length > 100) problems.push({ reason: `tag "${tag.slice(0, 30)}…" is longer than 100 characters`, rule: "a tag is longer than 100 characters" });
    else events.push({ event_id: `imp:${key}:tag:${hash(tag)}`, type: "tag.added", contact: contact ?? "", ts, actor, tag, kind: "manual", origin: "manual" });
  }
  if (problems.length || !contact) return { problems };
  return { contact, events };
}

/**
 * Stores a round of batches and counts each batch's contacts as if the batches
 * had been stored one after another: new (unknown to the workspace and to the
 * round's earlier batches), updated (the batch stored one of its events), or
 * unchanged. Each batch then has its progress line, as soon as the round is
 * on disk; the refresh of the read models that follows it is returned.
 */
async function storeRound(store: Store, workspaceId: string, round: Batch[], report: ImportReport, onProgress?: (report: ImportReport) => void) {
  // Several rows of one contact in a batch: judge the contact once.
  const batches = round.map(({ rows }) => {
    const byContact = new Map<string, ChatEvent[]>();
    for (const r of rows) {
      const events = byContact.get(r.contact);
      if (events) events.push(...r.events);
      else byContact.set(r.contact, [...r.events]);
    }
    return byContact;
  });
  // Ingestion's own duplicate check says which rows changed anything; the contact
  // check must run first, or it would see the contacts this round creates.
  const known = await existingContacts(store, workspaceId, [...new Set(batches.flatMap((b) => [...b.keys()]))]);
  const { outcomes, refreshed } = await ingestBatchesWithIds(store, workspaceId, batches.map((b) => [...b.values()].flat()));
  batches.forEach((byContact, i) => {
    const { storedIds } = outcomes[i];
    for (const [contact, contactEvents] of byContact) {
      if (!known.has(contact)) {
        report.imported++;
        // The round's later batches find it, as they would have found it stored.
        known.add(contact);
      } else if (contactEvents.some((e) => storedIds.has(e.event_id))) report.updated++;
      else report.unchanged++;
    }
    onProgress?.({ ...report, ...round[i].parsed });
  });
  return refreshed;
}
