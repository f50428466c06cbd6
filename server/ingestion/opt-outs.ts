import { optEventId } from "@/clickhouse/vocabulary/derived-events";
import { MAX_KEYWORD_LENGTH, STOPPED_MARKETING_ERROR, matchOptKeyword, type OptOutKeywords } from "@/clickhouse/vocabulary/opt-outs";
import type { ChatEvent } from "../events/schema";
import { toEventRow, type EventRow } from "./rows";

/**
 * Opt-outs and opt-ins derived from what a contact did, as events of their
 * own (README, "Opt-outs"): an inbound message that is wholly one of the
 * workspace's keywords, and a status that failed with Meta's error 131050.
 * Ingestion runs this for every source (Event API, webhook, CSV, demo), in
 * the shared pipeline, so the rule cannot differ between them.
 *
 * The derived event carries the message's (or status's) time and an id made
 * from its id, so a replay adds nothing and the state follows event time, not
 * arrival. The keywords are those in force when the message is ingested:
 * changing them later does not rewrite what earlier replies did.
 */

type Inbound = Extract<ChatEvent, { type: "message.inbound" }>;
type Status = Extract<ChatEvent, { type: "message.status" }>;

/** Whether an inbound message could be a keyword, so a round without one need not read the workspace's keywords. */
export function mayBeKeyword(e: ChatEvent): e is Inbound {
  return e.type === "message.inbound" && !!e.text && e.text.length <= MAX_KEYWORD_LENGTH * 4;
}

export function isStoppedMarketing(e: ChatEvent): e is Status {
  return e.type === "message.status" && e.status === "failed" && e.error?.code === STOPPED_MARKETING_ERROR;
}

/** The opt-out or opt-in a newly stored event causes, as an event row; null for most events. */
export function optRowOf(workspaceId: string, e: ChatEvent, stored: EventRow, keywords: OptOutKeywords | null): EventRow | null {
  let optedOut: boolean;
  let fields: { cause: "keyword" | "error_131050"; keyword?: string; campaign_id?: string };
  if (isStoppedMarketing(e)) {
    optedOut = true;
    fields = { cause: "error_131050", campaign_id: stored.campaign_id || undefined };
  } else if (keywords && mayBeKeyword(e)) {
    const match = matchOptKeyword(e.text!, keywords);
    if (!match) return null;
    optedOut = match.optedOut;
    fields = { cause: "keyword", keyword: match.keyword };
  } else {
    return null;
  }
  return toEventRow(workspaceId, {
    event_id: optEventId(e.event_id, optedOut),
    type: optedOut ? "contact.opted_out" : "contact.opted_in",
    contact: e.contact!,
    ts: e.ts,
    caused_by: e.event_id,
    actor: { kind: "system", id: "opt-out-rules" },
    ...fields,
  });
}
