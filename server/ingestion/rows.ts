import { toClickHouseTime } from "@/clickhouse/time";
import { decimalText } from "@/clickhouse/vocabulary/conversion-rules";
import { STOPPED_MARKETING_ERROR } from "@/clickhouse/vocabulary/opt-outs";
import { sourceOf } from "../domain/chat-profile";
import type { ChatEvent } from "../events/schema";

/** One row of the `events` table (clickhouse/migrations/0002_event_log.sql). */
export interface EventRow {
  workspace_id: string;
  contact: string;
  ts: string;
  event_id: string;
  type: string;
  actor_kind: string;
  actor_id: string;
  message_kind: string;
  wamid: string;
  campaign_id: string;
  text: string;
  status: string;
  error_code: number;
  error_title: string;
  tag: string;
  tag_kind: string;
  tag_origin: string;
  attribute: string;
  value: string;
  source: string;
  source_detail: string;
  name: string;
  /** What no column holds, JSON (payloadOf). */
  payload: string;
  /** The WhatsApp pricing category of a billable status, lower case; '' otherwise (0010). */
  pricing_category: string;
}

const DEFAULT_ACTOR: Record<ChatEvent["type"], string> = {
  "message.inbound": "user",
  "message.outbound": "bot",
  "message.status": "system",
  "campaign.created": "member",
  "campaign.sent": "system",
  "intervention.requested": "user",
  "agent.intervened": "agent",
  "chat.resolved": "agent",
  "tag.added": "system",
  "tag.removed": "system",
  "attribute.set": "system",
  "contact.created": "system",
  "contact.imported": "system",
  conversion: "system",
  "contact.opted_out": "system",
  "contact.opted_in": "system",
};

/** The columns of EventRow, in the order encodeEventRows writes them. */
export const EVENT_COLUMNS = [
  "workspace_id", "contact", "ts", "event_id", "type", "actor_kind", "actor_id", "message_kind", "wamid", "campaign_id",
  "text", "status", "error_code", "error_title", "tag", "tag_kind", "tag_origin", "attribute", "value", "source",
  "source_detail", "name", "payload", "pricing_category",
] as const satisfies ReadonlyArray<keyof EventRow>;

/** Fields every event holds in columns of its own (workspace_id is the row's; actor kind and id are columns). */
const COMMON_COLUMNS = new Set(["event_id", "type", "contact", "ts", "workspace_id", "actor"]);

/** Per type, the fields toEventRow writes to columns of their own; the payload keeps the rest. */
const TYPE_COLUMNS: Record<ChatEvent["type"], ReadonlySet<string>> = {
  "message.inbound": new Set(["message_type", "wamid", "text", "profile_name"]),
  // `template` stays in the payload: the text column holds it only when there is no text.
  "message.outbound": new Set(["kind", "wamid", "campaign_id", "text"]),
  "message.status": new Set(["wamid", "status", "campaign_id", "error"]),
  "campaign.created": new Set(["campaign_id", "name", "template"]),
  "campaign.sent": new Set(["campaign_id"]),
  "intervention.requested": new Set(["text"]),
  "agent.intervened": new Set(),
  "chat.resolved": new Set(),
  "tag.added": new Set(["tag", "kind", "origin"]),
  "tag.removed": new Set(["tag", "kind", "origin"]),
  // `value` stays when it is not text: the column holds it as text.
  "attribute.set": new Set(["attribute"]),
  "contact.created": new Set(["name", "source_detail"]),
  "contact.imported": new Set(["name", "source_detail"]),
  // The conversion's columns: name, value (as text), currency in `status`, order_id in `wamid` (0019).
  conversion: new Set(["name", "value", "currency", "order_id"]),
  // The cause goes to `value`, the keyword to `text`, the campaign of a failed status to campaign_id.
  "contact.opted_out": new Set(["cause", "keyword", "campaign_id"]),
  "contact.opted_in": new Set(["cause", "keyword", "campaign_id"]),
};

/**
 * What no column holds, as JSON: the actor's name, a referral, pricing, a
 * reply's context… The log keeps every field of the event between the columns
 * and this, at a fraction of the bytes of the whole event (the payload was
 * 40 % of the store). `first` marks a contact's first inbound message.
 */
function payloadOf(event: ChatEvent, first: boolean): string {
  const rest: Record<string, unknown> = {};
  const inColumns = TYPE_COLUMNS[event.type];
  for (const [key, value] of Object.entries(event)) {
    if (value === undefined || COMMON_COLUMNS.has(key) || inColumns.has(key)) continue;
    if (key === "value" && typeof value === "string") continue;
    rest[key] = value;
  }
  if (event.actor?.name) rest.actor = { name: event.actor.name };
  if (first) rest.first = true;
  return JSON.stringify(rest);
}

/** An ISO time as DateTime64(3) text; the common `…T09:30:00.123Z` shape by slicing, as it runs for every event. */
function clickHouseTimeOf(iso: string): string {
  return iso.length === 24 && iso[10] === "T" && iso[19] === "." && iso[23] === "Z" ? `${iso.slice(0, 10)} ${iso.slice(11, 23)}` : toClickHouseTime(iso);
}

/** Flattens a validated event into the columns the derived views read; what no column holds goes to `payload`. */
export function toEventRow(workspaceId: string, event: ChatEvent, first = false): EventRow {
  const actorKind = event.actor?.kind ?? DEFAULT_ACTOR[event.type];
  const row: EventRow = {
    workspace_id: workspaceId,
    contact: event.contact ?? "",
    ts: clickHouseTimeOf(event.ts),
    event_id: event.event_id,
    type: event.type,
    actor_kind: actorKind,
    actor_id: event.actor?.id ?? "",
    message_kind: "",
    wamid: "",
    campaign_id: "",
    text: "",
    status: "",
    error_code: 0,
    error_title: "",
    tag: "",
    tag_kind: "",
    tag_origin: "",
    attribute: "",
    value: "",
    source: "",
    source_detail: "",
    name: "",
    payload: payloadOf(event, first),
    pricing_category: "",
  };
  // Plain assignments: no temporary object per event on this hot path.
  switch (event.type) {
    case "message.inbound":
      row.message_kind = event.message_type;
      row.wamid = event.wamid ?? "";
      row.text = event.text ?? "";
      row.name = event.profile_name ?? "";
      row.source_detail = event.referral ? referralDetail(event.referral) : "";
      break;
    case "message.outbound":
      row.message_kind = event.kind;
      row.wamid = event.wamid ?? "";
      row.campaign_id = event.campaign_id ?? "";
      row.text = event.text ?? event.template ?? "";
      break;
    case "message.status":
      row.wamid = event.wamid;
      row.status = event.status;
      row.campaign_id = event.campaign_id ?? "";
      row.error_code = event.error?.code ?? 0;
      row.error_title = event.error?.title ?? "";
      // Meta marks each status of a message with its pricing; a free one says billable: false.
      if (event.pricing?.category && event.pricing.billable !== false) row.pricing_category = event.pricing.category.toLowerCase();
      break;
    case "campaign.created":
      row.campaign_id = event.campaign_id;
      row.name = event.name;
      row.text = event.template;
      break;
    case "campaign.sent":
      row.campaign_id = event.campaign_id;
      break;
    case "intervention.requested":
      row.text = event.text ?? "";
      break;
    case "tag.added":
    case "tag.removed":
      row.tag = event.tag;
      row.tag_kind = event.kind;
      row.tag_origin = event.origin ?? (event.kind === "manual" ? "manual" : "api");
      break;
    case "attribute.set":
      row.attribute = event.attribute;
      row.value = event.value === null ? "" : String(event.value);
      break;
    case "contact.created":
    case "contact.imported":
      row.name = event.name ?? "";
      row.source_detail = event.source_detail ?? "";
      break;
    case "conversion":
      // Columns of the log no other type of event fills so: conversion_events (0019) reads them back.
      row.name = event.name;
      row.value = event.value === undefined ? "" : decimalText(event.value);
      row.status = event.currency ?? "";
      row.wamid = event.order_id ?? "";
      break;
    case "contact.opted_out":
    case "contact.opted_in":
      row.value = event.cause;
      row.text = event.keyword ?? "";
      row.campaign_id = event.campaign_id ?? "";
      if (event.cause === "error_131050") row.error_code = STOPPED_MARKETING_ERROR;
      break;
  }
  row.source = sourceOf({ type: event.type, actorKind, source: "source" in event ? event.source : undefined });
  return row;
}

/** A click-to-WhatsApp ad, as a person would name it: its headline, else its URL or id. */
function referralDetail(r: NonNullable<Extract<ChatEvent, { type: "message.inbound" }>["referral"]>): string {
  const what = r.headline || r.source_url || r.source_id || "";
  return `${r.source_type ?? "ad"}: ${what}`.slice(0, 500);
}

const TSV_SPECIAL = /[\t\n\r\\]/;
const TSV_ESCAPES: Record<string, string> = { "\t": "\\t", "\n": "\\n", "\r": "\\r", "\\": "\\\\" };

/** A string as a TabSeparated field: backslash, tab and line breaks escaped (most values have none, so test first). */
function field(s: string): string {
  return TSV_SPECIAL.test(s) ? s.replace(/[\t\n\r\\]/g, (c) => TSV_ESCAPES[c]) : s;
}

/** JSON has no raw tab or line break, only backslashes to double. */
function jsonField(s: string): string {
  return s.includes("\\") ? s.replace(/\\/g, "\\\\") : s;
}

/**
 * Rows as a TabSeparated body in EVENT_COLUMNS order, for Store.insertTabSeparated.
 * This is the hottest loop of ingestion, hence the shape: one line string per
 * row written straight into a growing Buffer (a joined string of a whole batch
 * costs several times more to build and encode), and no escaping of the
 * columns validation already restricts (E.164 contact, enums, our own time text).
 */
export function encodeEventRows(rows: readonly EventRow[]): Buffer {
  let buf = Buffer.allocUnsafe(Math.max(4096, rows.length * 640));
  let at = 0;
  for (const r of rows) {
    const line =
      `${field(r.workspace_id)}\t${r.contact}\t${r.ts}\t${field(r.event_id)}\t${r.type}\t${r.actor_kind}\t` +
      `${field(r.actor_id)}\t${field(r.message_kind)}\t${field(r.wamid)}\t${field(r.campaign_id)}\t${field(r.text)}\t` +
      `${r.status}\t${r.error_code}\t${field(r.error_title)}\t${field(r.tag)}\t${r.tag_kind}\t` +
      `${r.tag_origin}\t${field(r.attribute)}\t${field(r.value)}\t${field(r.source)}\t${field(r.source_detail)}\t` +
      `${field(r.name)}\t${jsonField(r.payload)}\t${field(r.pricing_category)}\n`;
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (at + line.length * 3 > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, at + line.length * 3));
      buf.copy(bigger, 0, 0, at);
      buf = bigger;
    }
    at += buf.write(line, at);
  }
  return buf.subarray(0, at);
}
