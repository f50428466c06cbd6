import type { Store } from "../client";
import { IN_HISTORY_SQL } from "./contact-status";
import { JOURNEY_ID_SQL } from "./journey";
import { IS_LINKED_COPY_SQL } from "./status-links";
import { BY_PHONE_SETTINGS } from "./contacts-by-phone";

export interface ContactState {
  contact: string;
  name: string;
  status: "active" | "requesting" | "intervened" | "closed";
  inHistory: boolean;
  firstSeen: string;
  lastActive: string | null;
  lastMessage: string | null;
  templateMessages: number;
  sessionMessages: number;
  unresolvedQueries: number;
  source: string;
  sourceDetail: string;
  firstMessageTag: string;
  /** Opted out of marketing now (the latest opt-out or opt-in by event time, 0020). */
  optedOut: boolean;
  optedOutAt: string | null;
}

/** One contact's basic parameters, from its row of the contacts read model (0011). */
export async function getContactState(store: Store, workspaceId: string, contact: string, now: Date): Promise<ContactState | null> {
  const rows = await store.query<Record<string, string | number | null>>(
    `SELECT
       contact, name, status, ${IN_HISTORY_SQL} AS in_history,
       first_seen, last_active, last_message, template_messages, session_messages, unresolved_queries,
       source, source_detail, first_message_tag, opted_out, opted_out_at
     FROM contacts FINAL
     WHERE workspace_id = {workspaceId:String} AND contact = {contact:String}
     ${BY_PHONE_SETTINGS}`,
    { workspaceId, contact, now: now.getTime() / 1000 },
    { report: "profile:state" },
  );
  const r = rows[0];
  if (!r) return null;
  return {
    contact: String(r.contact),
    name: String(r.name),
    status: r.status as ContactState["status"],
    inHistory: Boolean(Number(r.in_history)),
    firstSeen: String(r.first_seen),
    lastActive: r.last_active === null ? null : String(r.last_active),
    lastMessage: r.last_message === null ? null : String(r.last_message),
    templateMessages: Number(r.template_messages),
    sessionMessages: Number(r.session_messages),
    unresolvedQueries: Number(r.unresolved_queries),
    source: String(r.source),
    sourceDetail: String(r.source_detail),
    firstMessageTag: String(r.first_message_tag),
    optedOut: Number(r.opted_out) === 1,
    optedOutAt: r.opted_out_at === null ? null : `${String(r.opted_out_at).replace(" ", "T")}Z`,
  };
}

export interface JourneyEvent {
  event_id: string;
  ts: string;
  type: string;
  actor_kind: string;
  actor_id: string;
  campaign_id: string;
  tag: string;
  text: string;
}

/** A contact's events, oldest first, as the journey shows them (a status and its linked copy once: journey.ts). */
export async function getJourney(store: Store, workspaceId: string, contact: string, limit = 1000): Promise<JourneyEvent[]> {
  const rows = await store.query<Omit<JourneyEvent, "event_id"> & { journey_id: string }>(
    `SELECT ${JOURNEY_ID_SQL} AS journey_id, ts, type, actor_kind, actor_id, campaign_id, tag, text
     FROM events
     WHERE workspace_id = {workspaceId:String} AND contact = {contact:String}
     ORDER BY ts, journey_id, ${IS_LINKED_COPY_SQL} DESC
     LIMIT 1 BY journey_id
     LIMIT {limit:UInt32}`,
    { workspaceId, contact, limit },
    { report: "profile:journey-all" },
  );
  return rows.map(({ journey_id, ...r }) => ({ event_id: journey_id, ...r }));
}

export interface CampaignTicks {
  campaign_id: string;
  sent_at: string | null;
  delivered_at: string | null;
  read_at: string | null;
  replied_at: string | null;
  failed_at: string | null;
  error_code: number;
}

/** The ticks of every campaign a contact received. */
export async function getContactCampaignTicks(store: Store, workspaceId: string, contact: string): Promise<CampaignTicks[]> {
  return store.query<CampaignTicks>(
    `SELECT campaign_id, min(sent_at) AS sent_at, min(delivered_at) AS delivered_at, min(read_at) AS read_at,
            min(replied_at) AS replied_at, min(failed_at) AS failed_at, argMaxMerge(error_code) AS error_code
     FROM campaign_recipients
     WHERE workspace_id = {workspaceId:String} AND contact = {contact:String}
     GROUP BY campaign_id
     ORDER BY campaign_id`,
    { workspaceId, contact },
    { report: "profile:campaign-ticks" },
  );
}
