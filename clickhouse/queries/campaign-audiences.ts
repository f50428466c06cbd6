import type { Store } from "../client";
import { BROADCAST_TAG_PREFIX } from "@/server/domain/broadcast-tag";
import { CAMPAIGN_RECIPIENTS_SQL, DEFAULT_REPLY_WINDOW_HOURS } from "./campaign-common";

/**
 * Which audiences read a campaign: its recipients grouped by a tag they have,
 * or by the value of one attribute, each with the funnel's counts. Tags and
 * attributes are the contacts' current ones (the profile as it is now), read
 * only for this campaign's recipients. A contact with several tags counts in
 * each of them.
 */

export type AudienceDimension = { kind: "tag" } | { kind: "attribute"; attribute: string };

export interface AudienceRow {
  /** The tag, or the attribute's value ('' = no value). */
  value: string;
  recipients: number;
  delivered: number;
  read: number;
  replied: number;
}

/** This campaign's recipients, for `contact IN (…)` on the contact-keyed tables. */
const RECIPIENT_CONTACTS_SQL = `
  SELECT DISTINCT contact FROM campaign_recipients
  WHERE workspace_id = {workspaceId:String} AND campaign_id = {campaignId:String}`;

const TAG_GROUPS_SQL = `
  SELECT contact, tag AS value
  FROM contact_tags FINAL
  WHERE workspace_id = {workspaceId:String} AND contact IN (${RECIPIENT_CONTACTS_SQL})
    AND finalizeAggregation(present) = 1
    -- Broadcast tags only repeat which campaigns a person got: the comparison shows that better.
    AND NOT startsWith(tag, {broadcastPrefix:String})`;

// Every recipient lands in a group: those without the attribute in '' (shown as "no value").
const ATTRIBUTE_GROUPS_SQL = `
  SELECT r.contact AS contact, a.value AS value
  FROM (${RECIPIENT_CONTACTS_SQL}) AS r
  LEFT JOIN (
    SELECT contact, finalizeAggregation(value) AS value
    FROM contact_attributes FINAL
    WHERE workspace_id = {workspaceId:String} AND attribute = {attribute:String} AND contact IN (${RECIPIENT_CONTACTS_SQL})
  ) AS a USING (contact)`;

/** The largest `limit` groups, most recipients first. */
export async function campaignAudiences(
  store: Store,
  workspaceId: string,
  campaignId: string,
  dimension: AudienceDimension,
  limit = 20,
  replyWindowHours = DEFAULT_REPLY_WINDOW_HOURS,
): Promise<AudienceRow[]> {
  const groups = dimension.kind === "tag" ? TAG_GROUPS_SQL : ATTRIBUTE_GROUPS_SQL;
  const rows = await store.query<Record<string, string>>(
    `SELECT g.value AS value,
            count() AS recipients,
            countIf(r.delivered_eff IS NOT NULL) AS delivered,
            countIf(r.read_eff IS NOT NULL) AS read,
            countIf(r.replied_at IS NOT NULL) AS replied
     FROM (${CAMPAIGN_RECIPIENTS_SQL}) AS r
     INNER JOIN (${groups}) AS g ON g.contact = r.contact
     GROUP BY value
     ORDER BY recipients DESC, value
     LIMIT {limit:UInt32}
     SETTINGS join_use_nulls = 0`,
    {
      workspaceId,
      campaignId,
      attribute: dimension.kind === "attribute" ? dimension.attribute : "",
      limit,
      replyWindowHours,
      broadcastPrefix: BROADCAST_TAG_PREFIX,
    },
  );
  return rows.map((r) => ({
    value: r.value,
    recipients: Number(r.recipients),
    delivered: Number(r.delivered),
    read: Number(r.read),
    replied: Number(r.replied),
  }));
}
