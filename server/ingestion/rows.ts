import { toClickHouseTime } from "@/clickhouse/time";
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
  payload: string;
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
};

/** Flattens a validated event into the columns the derived views read; the whole event stays in `payload`. */
export function toEventRow(workspaceId: string, event: ChatEvent): EventRow {
  const actorKind = event.actor?.kind ?? DEFAULT_ACTOR[event.type];
  const row: EventRow = {
    workspace_id: workspaceId,
    contact: event.contact ?? "",
    ts: toClickHouseTime(event.ts),
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
    payload: JSON.stringify({ ...event, workspace_id: workspaceId }),
  };
  switch (event.type) {
    case "message.inbound":
      Object.assign(row, {
        message_kind: event.message_type,
        wamid: event.wamid ?? "",
        text: event.text ?? "",
        name: event.profile_name ?? "",
        source_detail: event.referral ? referralDetail(event.referral) : "",
      });
      break;
    case "message.outbound":
      Object.assign(row, {
        message_kind: event.kind,
        wamid: event.wamid ?? "",
        campaign_id: event.campaign_id ?? "",
        text: event.text ?? event.template ?? "",
      });
      break;
    case "message.status":
      Object.assign(row, {
        wamid: event.wamid,
        status: event.status,
        campaign_id: event.campaign_id ?? "",
        error_code: event.error?.code ?? 0,
        error_title: event.error?.title ?? "",
      });
      break;
    case "campaign.created":
      Object.assign(row, { campaign_id: event.campaign_id, name: event.name, text: event.template });
      break;
    case "campaign.sent":
      row.campaign_id = event.campaign_id;
      break;
    case "intervention.requested":
      row.text = event.text ?? "";
      break;
    case "tag.added":
    case "tag.removed":
      Object.assign(row, { tag: event.tag, tag_kind: event.kind, tag_origin: event.origin ?? (event.kind === "manual" ? "manual" : "api") });
      break;
    case "attribute.set":
      Object.assign(row, { attribute: event.attribute, value: event.value === null ? "" : String(event.value) });
      break;
    case "contact.created":
    case "contact.imported":
      row.name = event.name ?? "";
      row.source_detail = event.source_detail ?? "";
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
