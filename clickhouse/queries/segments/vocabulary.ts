import type { Store } from "../../client";

/**
 * What the segment builder offers in its pickers: the tags contacts carry, the
 * first-message tags, the sources, the campaigns, and the names of the
 * members who changed saved segments. Small, distinct lists.
 */

export interface SegmentVocabulary {
  tags: string[];
  firstMessageTags: string[];
  sources: string[];
  campaigns: Array<{ campaignId: string; name: string }>;
}

export async function segmentVocabulary(store: Store, workspaceId: string): Promise<SegmentVocabulary> {
  const [tags, firstMessage, sources, campaigns] = await Promise.all([
    store.query<{ tag: string }>(
      `SELECT DISTINCT tag FROM (
         SELECT tag FROM contact_tags WHERE workspace_id = {workspaceId:String}
         UNION ALL
         SELECT tag FROM (
           SELECT tag, is_deleted FROM tag_definitions
           WHERE workspace_id = {workspaceId:String}
           ORDER BY version DESC
           LIMIT 1 BY tag
         ) WHERE is_deleted = 0
       )
       ORDER BY tag
       LIMIT 1000`,
      { workspaceId },
      { report: "segments:vocabulary-tags" },
    ),
    // The catalogue says which tags are first-message tags (a pre-filled text);
    // reading the contacts' state for it would cost a pass over every contact.
    store.query<{ tag: string }>(
      `SELECT tag FROM (
         SELECT tag, first_message_text, is_deleted FROM tag_definitions
         WHERE workspace_id = {workspaceId:String}
         ORDER BY version DESC
         LIMIT 1 BY tag
       )
       WHERE is_deleted = 0 AND first_message_text != ''
       ORDER BY tag
       LIMIT 1000`,
      { workspaceId },
      { report: "segments:vocabulary-first-message-tags" },
    ),
    store.query<{ source: string }>(
      `SELECT DISTINCT source
       FROM contacts FINAL
       WHERE workspace_id = {workspaceId:String} AND source != ''
       ORDER BY source
       LIMIT 1000`,
      { workspaceId },
      { report: "segments:vocabulary-sources" },
    ),
    // Campaigns by their created/sent events, and any a recipient got without them (API sends).
    store.query<{ campaign_id: string; name: string }>(
      `SELECT campaign_id, max(name) AS name, min(sent_at) AS first_sent
       FROM (
         SELECT campaign_id, argMaxMerge(name) AS name, min(sent_at) AS sent_at
         FROM campaigns
         WHERE workspace_id = {workspaceId:String}
         GROUP BY campaign_id
         UNION ALL
         SELECT DISTINCT campaign_id, '' AS name, CAST(NULL AS Nullable(DateTime64(3, 'UTC'))) AS sent_at
         FROM campaign_stats
         WHERE workspace_id = {workspaceId:String}
       )
       GROUP BY campaign_id
       ORDER BY first_sent DESC NULLS LAST, campaign_id
       LIMIT 1000`,
      { workspaceId },
      { report: "segments:vocabulary-campaigns" },
    ),
  ]);
  return {
    tags: tags.map((r) => r.tag),
    firstMessageTags: firstMessage.map((r) => r.tag),
    sources: sources.map((r) => r.source),
    campaigns: campaigns.map((r) => ({ campaignId: r.campaign_id, name: r.name || r.campaign_id })),
  };
}

/** Display names of the workspace's members (users span workspaces, so the membership list scopes it). */
export async function memberNames(store: Store, workspaceId: string): Promise<Map<string, string>> {
  const rows = await store.query<{ user_id: string; name: string; email: string }>(
    `SELECT user_id, name, email
     FROM users
     WHERE user_id IN (SELECT user_id FROM memberships WHERE workspace_id = {workspaceId:String})
     ORDER BY version DESC
     LIMIT 1 BY user_id`,
    { workspaceId },
    { report: "segments:member-names" },
  );
  return new Map(rows.map((r) => [r.user_id, r.name || r.email]));
}
