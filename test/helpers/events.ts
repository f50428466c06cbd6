import { randomUUID } from "node:crypto";
import type { Store } from "@/clickhouse/client";
import { refreshReadModels, touchedScope } from "@/clickhouse/queries/read-models";
import { toClickHouseTime } from "@/clickhouse/time";
import { eventSchema, type ChatEvent } from "@/server/events/schema";
import type { EventRow } from "@/server/ingestion/rows";

export type EventInput = Partial<Omit<EventRow, "ts">> & {
  workspace_id: string;
  type: string;
  ts: Date | number;
};

/** A full event row with every column not given filled with its empty value. */
export function eventRow(e: EventInput): EventRow {
  const row: EventRow = {
    contact: "",
    event_id: randomUUID(),
    actor_kind: defaultActor(e.type),
    actor_id: "",
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
    payload: "{}",
    pricing_category: "",
    ...e,
    ts: toClickHouseTime(e.ts),
  };
  return row;
}

function defaultActor(type: string): string {
  if (type === "message.inbound" || type === "intervention.requested") return "user";
  if (type === "agent.intervened" || type === "chat.resolved") return "agent";
  return "system";
}

/**
 * Writes events straight into the log, bypassing ingestion (no validation, no
 * dedupe), then refreshes the read models they touch, as a round of ingestion does.
 */
export async function insertEvents(store: Store, events: EventInput[]): Promise<EventRow[]> {
  const rows = events.map(eventRow);
  await store.insert("events", rows);
  for (const workspaceId of new Set(rows.map((r) => r.workspace_id))) {
    await refreshReadModels(store, workspaceId, touchedScope(rows.filter((r) => r.workspace_id === workspaceId)));
  }
  return rows;
}

/** Parses events as a sender posts them, each given the next id of `prefix` (prefix-1, prefix-2, …). */
export function numberedEvents(prefix: string): (e: Record<string, unknown>) => ChatEvent {
  let seq = 0;
  return (e) => eventSchema.parse({ event_id: `${prefix}-${++seq}`, ...e });
}
