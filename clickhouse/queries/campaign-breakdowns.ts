import type { Store } from "../client";
import { BROADCAST_TAG_PREFIX } from "@/clickhouse/vocabulary/broadcast-tag";
import type { BreakdownBy, Dimension, GroupFilter } from "@/clickhouse/vocabulary/campaign-groups";
import { AD_DETAIL_PREFIX } from "@/clickhouse/vocabulary/dates";
import { LARGE_IN_SETS } from "./large-in-sets";
import { ONE_CAMPAIGN, recipientsSql, DEFAULT_REPLY_WINDOW_HOURS, STAGE_SQL } from "./campaign-common";

/**
 * A campaign's funnel split by one dimension of its recipients' profiles (as
 * they are now): tag, first-message tag, source (+ "came from an ad"), or one
 * attribute's value. The same "group" subquery feeds the breakdown's counts
 * and the drill-down of a cell (campaign-contacts.ts), so a cell's count and
 * the list it opens can never disagree.
 *
 * Every group subquery yields (contact, value, ad) for this campaign's
 * recipients only. The SQL of a dimension comes from the whitelist below;
 * tag names, attribute keys and values are parameters.
 */

export interface BreakdownRow {
  /** The tag, first-message tag, source or attribute value ('' = none). */
  value: string;
  /** The "came from an ad" group of the source breakdown. */
  ad: boolean;
  recipients: number;
  delivered: number;
  read: number;
  replied: number;
  ignored: number;
  failed: number;
}

/** This campaign's recipients, for `contact IN (…)` on `contacts`. */
const RECIPIENT_CONTACTS_SQL = `
  SELECT contact FROM recipients
  WHERE workspace_id = {workspaceId:String} AND campaign_id = {campaignId:String}`;

// Every group subquery is a const written out in full, reading the recipients'
// rows of `contacts` (0011): plain columns, so no merge of states per read.

// Only the tags a recipient has now; a contact may be in several.
// Broadcast tags only repeat which campaigns a person got: the comparison shows that better.
const TAG_GROUPS_SQL = `
    SELECT contact, tag AS value, 0 AS ad
    FROM contacts FINAL
    ARRAY JOIN tags AS tag
    WHERE workspace_id = {workspaceId:String} AND contact IN (${RECIPIENT_CONTACTS_SQL})
      AND NOT startsWith(tag, {broadcastPrefix:String})`;

// A recipient without a first-message tag (or without a contacts row) gets ''.
const FIRST_MESSAGE_TAG_GROUPS_SQL = `
    SELECT contact, value, 0 AS ad
    FROM (SELECT DISTINCT contact FROM (${RECIPIENT_CONTACTS_SQL})) AS r
    LEFT JOIN (
      SELECT contact, first_message_tag AS value
      FROM contacts FINAL
      WHERE workspace_id = {workspaceId:String} AND contact IN (${RECIPIENT_CONTACTS_SQL})
    ) AS s USING (contact)`;

// Each recipient in its source group, and also in the ad group (ad = 1) when its source detail names an ad.
const SOURCE_GROUPS_SQL = `
    SELECT contact, g.1 AS value, g.2 AS ad
    FROM (SELECT DISTINCT contact FROM (${RECIPIENT_CONTACTS_SQL})) AS r
    LEFT JOIN (
      SELECT contact, source AS src, source_detail AS detail
      FROM contacts FINAL
      WHERE workspace_id = {workspaceId:String} AND contact IN (${RECIPIENT_CONTACTS_SQL})
    ) AS s USING (contact)
    ARRAY JOIN if(startsWith(detail, {adPrefix:String}), [(src, 0), ('', 1)], [(src, 0)]) AS g`;

// Every recipient lands in a group: those without the attribute in '' (shown as "no value").
const ATTRIBUTE_GROUPS_SQL = `
    SELECT r.contact AS contact, a.value AS value, 0 AS ad
    FROM (SELECT DISTINCT contact FROM (${RECIPIENT_CONTACTS_SQL})) AS r
    LEFT JOIN (
      SELECT contact, attributes[{attribute:String}] AS value
      FROM contacts FINAL
      WHERE workspace_id = {workspaceId:String} AND contact IN (${RECIPIENT_CONTACTS_SQL})
    ) AS a USING (contact)`;

const GROUPS_SQL: Record<Dimension, string> = {
  tag: TAG_GROUPS_SQL,
  firstMessageTag: FIRST_MESSAGE_TAG_GROUPS_SQL,
  source: SOURCE_GROUPS_SQL,
  attribute: ATTRIBUTE_GROUPS_SQL,
};

/** The parameters a group subquery reads (besides workspaceId and campaignId). */
function groupParams(by: BreakdownBy) {
  return { attribute: by.dimension === "attribute" ? by.attribute : "", adPrefix: AD_DETAIL_PREFIX, broadcastPrefix: BROADCAST_TAG_PREFIX };
}

const IN_GROUP = "WHERE value = {groupValue:String} AND ad = {groupAd:UInt8}";

/** Per dimension, a predicate over `contact` keeping one group's recipients. */
const GROUP_PREDICATES: Record<Dimension, string> = {
  tag: `contact IN (SELECT contact FROM (${TAG_GROUPS_SQL}) ${IN_GROUP})`,
  firstMessageTag: `contact IN (SELECT contact FROM (${FIRST_MESSAGE_TAG_GROUPS_SQL}) ${IN_GROUP})`,
  source: `contact IN (SELECT contact FROM (${SOURCE_GROUPS_SQL}) ${IN_GROUP})`,
  attribute: `contact IN (SELECT contact FROM (${ATTRIBUTE_GROUPS_SQL}) ${IN_GROUP})`,
};

/** One group's predicate and its parameters, for a drill-down narrowed to a breakdown cell. */
export function groupPredicate(group: GroupFilter): { sql: string; params: Record<string, unknown> } {
  return {
    sql: GROUP_PREDICATES[group.dimension],
    params: { ...groupParams(group), groupValue: group.value, groupAd: group.dimension === "source" && group.ad ? 1 : 0 },
  };
}

/** The largest `limit` groups (the ad group last), most recipients first. */
export async function campaignBreakdown(
  store: Store,
  workspaceId: string,
  campaignId: string,
  by: BreakdownBy,
  limit = 30,
  replyWindowHours = DEFAULT_REPLY_WINDOW_HOURS,
): Promise<BreakdownRow[]> {
  const rows = await store.query<Record<string, string>>(
    `SELECT g.value AS value, g.ad AS ad,
            count() AS recipients,
            countIf(${STAGE_SQL.delivered}) AS delivered,
            countIf(${STAGE_SQL.read}) AS read,
            countIf(${STAGE_SQL.replied}) AS replied,
            countIf(${STAGE_SQL.ignored}) AS ignored,
            countIf(${STAGE_SQL.failed}) AS failed
     FROM (${recipientsSql(ONE_CAMPAIGN, replyWindowHours)}) AS r
     INNER JOIN (${GROUPS_SQL[by.dimension]}) AS g ON g.contact = r.contact
     GROUP BY value, ad
     ORDER BY ad, recipients DESC, value
     LIMIT {limit:UInt32}
     SETTINGS join_use_nulls = 0, ${LARGE_IN_SETS}`,
    { workspaceId, campaignId, ...groupParams(by), limit, replyWindowHours },
  );
  return rows.map((r) => ({
    value: r.value,
    ad: Number(r.ad) === 1,
    recipients: Number(r.recipients),
    delivered: Number(r.delivered),
    read: Number(r.read),
    replied: Number(r.replied),
    ignored: Number(r.ignored),
    failed: Number(r.failed),
  }));
}
