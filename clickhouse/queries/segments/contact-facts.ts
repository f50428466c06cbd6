import type { Store } from "../../client";
import { fromClickHouseTime } from "../../time";
import { getContactState } from "../contacts";
import type { CampaignTicks, ContactFacts } from "@/clickhouse/vocabulary/contact-facts";

/**
 * One contact's facts as the segment evaluator reads them, from the same
 * derived tables the compiled SQL reads, for "why is this contact here?".
 */
export async function contactFacts(store: Store, workspaceId: string, contact: string, now: Date): Promise<ContactFacts | null> {
  const [state, ticks, tags, attributes, lists, conversions] = await Promise.all([
    getContactState(store, workspaceId, contact, now),
    // The campaign report's effective ticks (default reply window), as the compiled segment reads them.
    store.query<{ campaign_id: string; sent_eff: string | null; delivered_eff: string | null; read_eff: string | null; replied_at: string | null; failed_eff: string | null }>(
      // The newest row of each campaign, found through the by_contact projection (no FINAL, which cannot use it).
      `SELECT campaign_id, sent_eff, delivered_eff, read_eff, replied_at, failed_eff
       FROM recipients
       WHERE workspace_id = {workspaceId:String} AND contact = {contact:String}
       ORDER BY campaign_id, version DESC
       LIMIT 1 BY campaign_id`,
      { workspaceId, contact },
      { report: "segments:why-ticks" },
    ),
    store.query<{ tag: string; kind: string }>(
      `SELECT tag, kind FROM (
         SELECT tag, argMaxMerge(present) AS present, argMaxMerge(kind) AS kind
         FROM contact_tags
         WHERE workspace_id = {workspaceId:String} AND contact = {contact:String}
         GROUP BY tag
       ) WHERE present = 1`,
      { workspaceId, contact },
      { report: "segments:why-tags" },
    ),
    store.query<{ attribute: string; value: string }>(
      `SELECT attribute, argMaxMerge(value) AS value
       FROM contact_attributes
       WHERE workspace_id = {workspaceId:String} AND contact = {contact:String}
       GROUP BY attribute`,
      { workspaceId, contact },
      { report: "segments:why-attributes" },
    ),
    store.query<{ segment_id: string }>(
      `SELECT DISTINCT segment_id FROM segment_members
       WHERE workspace_id = {workspaceId:String} AND contact = {contact:String}`,
      { workspaceId, contact },
      { report: "segments:why-lists" },
    ),
    // The counted conversions with their last touch, as the compiled segment reads them.
    store.query<{ ts: string; name: string; value: string | null; currency: string; campaign_id: string; delivered_at: string | null }>(
      `SELECT ts, name, toString(value) AS value, currency, campaign_id, delivered_at
       FROM conversions FINAL
       WHERE workspace_id = {workspaceId:String} AND contact = {contact:String}
       ORDER BY ts`,
      { workspaceId, contact },
      { report: "segments:why-conversions" },
    ),
  ]);
  if (!state) return null;
  const time = (v: string | null) => (v === null ? null : fromClickHouseTime(v));
  const campaigns = new Map<string, CampaignTicks>(
    ticks.map((t) => [
      t.campaign_id,
      { sentAt: time(t.sent_eff), deliveredAt: time(t.delivered_eff), readAt: time(t.read_eff), repliedAt: time(t.replied_at), failedAt: time(t.failed_eff) },
    ]),
  );
  return {
    contact,
    firstSeen: fromClickHouseTime(state.firstSeen),
    lastActive: time(state.lastActive),
    templateMessages: state.templateMessages,
    sessionMessages: state.sessionMessages,
    unresolvedQueries: state.unresolvedQueries,
    shownStatus: state.inHistory ? "history" : state.status,
    source: state.source,
    sourceDetail: state.sourceDetail,
    firstMessageTag: state.firstMessageTag,
    optedOut: state.optedOut,
    optedOutAt: state.optedOutAt === null ? null : Date.parse(state.optedOutAt),
    tags: new Map(tags.map((t) => [t.tag, t.kind])),
    attributes: new Map(attributes.map((a) => [a.attribute, a.value])),
    campaigns,
    staticSegments: new Set(lists.map((l) => l.segment_id)),
    conversions: conversions.map((c) => ({
      ts: fromClickHouseTime(c.ts),
      name: c.name,
      value: c.value === null ? null : Number(c.value),
      currency: c.currency,
      campaignId: c.campaign_id || null,
      deliveredAt: time(c.delivered_at),
    })),
  };
}
