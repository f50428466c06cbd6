import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import type { Store } from "@/clickhouse/client";
import type { ChatEvent } from "../events/schema";
import { isCountryCode, toE164 } from "../domain/phone";
import { csvReadOptions, sniffDelimiter } from "./csv-dialect";
import { ingestEvents } from "./pipeline";
import { Rejections, type RejectionSummary } from "./rejections";
import { checkEvent } from "./validate";

/**
 * Conversions from a CSV file (a shop's or a booking system's export), one
 * `conversion` event per row, validated as the Event API validates them.
 *
 * Columns, matched by header (any case): phone (or mobile, contact), name (or
 * conversion, event), time (or ts, date: ISO-8601 with an offset), value (or
 * amount, revenue), currency, order_id (or order). Each row's event id comes
 * from its content, so importing the same file twice changes nothing.
 */

const COLUMNS = {
  phone: ["phone", "mobile", "contact"],
  name: ["name", "conversion", "event"],
  time: ["time", "ts", "date"],
  value: ["value", "amount", "revenue"],
  currency: ["currency"],
  order_id: ["order_id", "order", "order id"],
} as const;
type Column = keyof typeof COLUMNS;

export interface ConversionImportAnswer extends RejectionSummary {
  rows: number;
  stored: number;
  duplicates: number;
  rejected: Array<{ row: number; reason: string }>;
}

export async function importConversionsCsv(
  store: Store,
  workspaceId: string,
  body: string,
  opts: { country?: string },
): Promise<{ status: number; answer: ConversionImportAnswer | { error: string } }> {
  if (opts.country !== undefined && !isCountryCode(opts.country)) {
    return { status: 400, answer: { error: `country must be a two-letter ISO country code, like IN; got "${opts.country}"` } };
  }
  const text = body.startsWith("\uFEFF") ? body.slice(1) : body;
  if (!text.trim()) return { status: 400, answer: { error: "The body is empty: send a CSV file with a header line." } };
  const records = parse(text, { ...csvReadOptions(sniffDelimiter(text.slice(0, 4096))), info: false }) as string[][];
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const at = Object.fromEntries(
    (Object.keys(COLUMNS) as Column[]).map((c) => [c, header.findIndex((h) => (COLUMNS[c] as readonly string[]).includes(h))]),
  ) as Record<Column, number>;
  const missing = (["phone", "name", "time"] as const).filter((c) => at[c] < 0);
  if (missing.length) {
    return { status: 400, answer: { error: `The header needs the columns ${missing.join(", ")} (found: ${header.join(", ") || "none"}).` } };
  }

  const valid: ChatEvent[] = [];
  const rejections = new Rejections<{ row: number; reason: string }>();
  records.slice(1).forEach((record, i) => {
    const row = i + 2; // the header is line 1
    const cell = (c: Column) => (at[c] < 0 ? "" : (record[at[c]] ?? "").trim());
    const reject = (problem: string) => rejections.add(problem, () => ({ row, reason: `row ${row}: ${problem}` }));
    if (record.length > header.length) return reject(`${record.length} values under ${header.length} columns: a value holding the separator must be in double quotes`);
    const phone = toE164(cell("phone"), opts.country as never);
    if (!phone) return reject(`phone "${cell("phone")}" is not a valid number${opts.country ? ` for ${opts.country}` : " (give it with its country code, or pass country)"}`);
    const value = cell("value");
    const fields = {
      type: "conversion",
      contact: phone,
      ts: cell("time"),
      name: cell("name"),
      ...(value ? { value: Number.isFinite(Number(value)) ? Number(value) : value } : {}),
      ...(cell("currency") ? { currency: cell("currency") } : {}),
      ...(cell("order_id") ? { order_id: cell("order_id") } : {}),
    };
    const id = createHash("sha256").update(JSON.stringify(fields)).digest("hex").slice(0, 32);
    const checked = checkEvent({ event_id: `csv-conversion:${id}`, ...fields }, workspaceId);
    if ("problem" in checked) return reject(checked.problem);
    valid.push(checked.event);
  });
  const result = await ingestEvents(store, workspaceId, valid);
  const rows = records.length - 1;
  const nothingValid = valid.length === 0 && rejections.count > 0;
  return { status: nothingValid ? 400 : 200, answer: { rows, ...result, rejected: rejections.listed, ...rejections.summary() } };
}
