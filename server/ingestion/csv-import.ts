import { hash as digest } from "node:crypto";
import { parse } from "csv-parse";
import type { Readable } from "node:stream";
import { z } from "zod";
import type { Store } from "@/clickhouse/client";
import { listAttributeDefinitions } from "@/clickhouse/queries/attributes";
import { existingContacts } from "@/clickhouse/queries/ingestion";
import { normaliseAttributeValue, type AttributeDef } from "../domain/attributes";
import { isCountryCode, toE164 } from "../domain/phone";
import type { ChatEvent } from "../events/schema";
import { ingestEventsWithIds } from "./pipeline";
import { Rejections, type RejectionSummary } from "./rejections";

/** Which CSV column holds what. Column names are the header's. */
export const importMappingSchema = z.object({
  phone: z.string().min(1, "choose the column that holds the phone number"),
  name: z.string().optional(),
  source: z.string().optional(),
  tags: z.array(z.string()).default([]),
  /** column → attribute name */
  attributes: z.record(z.string(), z.string()).default({}),
});
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const importOptionsSchema = z.object({
  /** Left out: columns are matched by name (phone, name, source, tags, and attribute names). */
  mapping: importMappingSchema.optional(),
  /** Country for phones written without a country code. */
  country: z.string().refine(isCountryCode, { message: "country must be a two-letter country code such as IN" }).default("IN"),
  /** Source label of rows without a source column value. */
  sourceLabel: z.string().min(1).max(100).default("import"),
  /** Shown in the journey, e.g. the file name. */
  fileLabel: z.string().max(200).default(""),
});
export type ImportOptions = z.input<typeof importOptionsSchema>;

export interface ImportReport extends RejectionSummary {
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  /** The first rejected rows (at most 100), with the reason; the summary counts them all. */
  rejected: Array<{ row: number; reason: string }>;
  /** Columns the import did not use. */
  ignoredColumns: string[];
  /** Bytes of the file read so far, for a progress bar. */
  bytesRead: number;
}

const BATCH_ROWS = 10_000;

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
): Promise<ImportReport> {
  const options = importOptionsSchema.parse(rawOptions);
  const defs = new Map((await listAttributeDefinitions(store, workspaceId)).map((d) => [d.name, d]));
  const rejections = new Rejections<{ row: number; reason: string }>();
  const report: ImportReport = { rows: 0, imported: 0, updated: 0, unchanged: 0, rejectedCount: 0, rejected: rejections.listed, ignoredColumns: [], bytesRead: 0 };
  const parser = parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true });
  let mapping: ImportMapping | null = null;
  let batch: Array<{ contact: string; events: ChatEvent[] }> = [];
  const now = new Date().toISOString();

  // A full batch is stored while the next one is parsed: the engine writes on
  // its own threads, so parsing and writing overlap. Batches are still stored
  // one after another, in file order (the report depends on it).
  let storing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await storing;
    if (batch.length === 0) return;
    const full = batch;
    batch = [];
    // Parsing runs ahead meanwhile: the progress line reports the rows up to this batch.
    const parsed = { rows: report.rows, rejectedCount: report.rejectedCount, bytesRead: report.bytesRead };
    storing = storeBatch(store, workspaceId, full, report).then(() => onProgress?.({ ...report, ...parsed }));
    // A failure surfaces at the next await of `storing`, not as an unhandled rejection meanwhile.
    storing.catch(() => {});
  };

  const source = "pipe" in input && typeof input.pipe === "function" ? input.pipe(parser) : feed(input, parser);
  for await (const { record, info } of source as AsyncIterable<{ record: Record<string, string>; info: { lines: number; bytes: number } }>) {
    report.bytesRead = info.bytes;
    if (!mapping) {
      mapping = checkMapping(options.mapping ?? autoMapping(Object.keys(record), defs), Object.keys(record), defs);
      report.ignoredColumns = unusedColumns(mapping, Object.keys(record));
    }
    report.rows++;
    const row = rowToEvents(record, info.lines, mapping, options, defs, now);
    if ("reason" in row) {
      rejections.add(row.rule, () => ({ row: info.lines, reason: row.reason }));
      report.rejectedCount = rejections.count;
      continue;
    }
    batch.push(row);
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  await storing;
  return Object.assign(report, rejections.summary());
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

function checkMapping(m: ImportMapping, header: string[], defs: Map<string, AttributeDef>): ImportMapping {
  if (!m.phone) throw new ImportMappingError(`no phone column: name one of the columns "phone", or map it (columns: ${listed(header)})`);
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

async function* feed(input: AsyncIterable<Buffer | string>, parser: ReturnType<typeof parse>) {
  const pump = (async () => {
    for await (const chunk of input) if (!parser.write(chunk)) await new Promise((r) => parser.once("drain", r));
    parser.end();
  })();
  yield* parser;
  await pump;
}

function rowToEvents(
  record: Record<string, string>,
  line: number,
  mapping: ImportMapping,
  o: z.infer<typeof importOptionsSchema>,
  defs: Map<string, AttributeDef>,
  ts: string,
): { contact: string; events: ChatEvent[] } | { reason: string; rule: string } {
  const rawPhone = record[mapping.phone] ?? "";
  const contact = toE164(rawPhone, o.country as Parameters<typeof toE164>[1]);
  if (!contact) return { reason: `row ${line}: phone "${rawPhone}" is not a valid number for ${o.country}`, rule: `phone is not a valid number for ${o.country}` };

  const key = hash(contact);
  const actor = { kind: "member" as const, id: "import" };
  const name = mapping.name ? record[mapping.name] || undefined : undefined;
  const source = (mapping.source && record[mapping.source]) || o.sourceLabel;
  const events: ChatEvent[] = [
    {
      event_id: `imp:${key}:contact:${hash(`${source}|${name ?? ""}`)}`,
      type: "contact.imported",
      contact,
      ts,
      actor,
      source,
      name,
      source_detail: o.fileLabel || undefined,
    },
  ];
  for (const [column, attribute] of Object.entries(mapping.attributes)) {
    const raw = record[column] ?? "";
    if (raw === "") continue;
    const checked = normaliseAttributeValue(defs.get(attribute)!, raw);
    if (!checked.ok) return { reason: `row ${line}: ${checked.reason}`, rule: checked.rule };
    events.push({ event_id: `imp:${key}:attr:${hash(`${attribute}|${checked.value}`)}`, type: "attribute.set", contact, ts, actor, attribute, value: checked.value });
  }
  const tags = new Set(mapping.tags.flatMap((c) => (record[c] ?? "").split(/[;,|]/).map((t) => t.trim()).filter(Boolean)));
  for (const tag of tags) {
    if (tag.length > 100) return { reason: `row ${line}: tag "${tag.slice(0, 30)}…" is longer than 100 characters`, rule: "a tag is longer than 100 characters" };
    events.push({ event_id: `imp:${key}:tag:${hash(tag)}`, type: "tag.added", contact, ts, actor, tag, kind: "manual", origin: "manual" });
  }
  return { contact, events };
}

async function storeBatch(store: Store, workspaceId: string, rows: Array<{ contact: string; events: ChatEvent[] }>, report: ImportReport) {
  // Several rows of one contact in a file: judge the contact once.
  const byContact = new Map<string, ChatEvent[]>();
  for (const r of rows) {
    const events = byContact.get(r.contact);
    if (events) events.push(...r.events);
    else byContact.set(r.contact, [...r.events]);
  }
  const events = [...byContact.values()].flat();
  // Ingestion's own duplicate check says which rows changed anything; the contact
  // check must run first, or it would see the contacts this batch creates.
  const known = await existingContacts(store, workspaceId, [...byContact.keys()]);
  const { storedIds } = await ingestEventsWithIds(store, workspaceId, events);
  for (const [contact, contactEvents] of byContact) {
    if (!known.has(contact)) report.imported++;
    else if (contactEvents.some((e) => storedIds.has(e.event_id))) report.updated++;
    else report.unchanged++;
  }
}
