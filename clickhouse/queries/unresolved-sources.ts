import type { Store } from "../client";
import { rangeBounds, type DayRange } from "./unresolved-common";

/**
 * Where unresolved queries come from: the requests in the range, grouped by
 * the asking contact's first-message tag, source and current tags, beside how
 * many contacts each group has — so a rate per 100 contacts shows which entry
 * points the bot serves badly, whatever their size.
 */
export interface EntryPoint {
  /** '' for contacts with no first-message tag (or no source). */
  value: string;
  /** Every contact of the group, whenever they came. */
  contacts: number;
  /** Requests for a human from the group in the range. */
  requests: number;
  /** Contacts of the group who asked at least once in the range. */
  askingContacts: number;
}

export interface EntryPoints {
  firstMessageTag: EntryPoint[];
  source: EntryPoint[];
  tag: EntryPoint[];
}

/** Requests per contact in the range: the numerator of every breakdown. */
const REQUESTS_PER_CONTACT_SQL = `
  SELECT contact, count() AS requests
  FROM control_events
  WHERE workspace_id = {workspaceId:String}
    AND type = 'intervention.requested'
    AND ts >= {start:DateTime64(3)} AND ts < {end:DateTime64(3)}
  GROUP BY contact`;

type Row = { dimension: string; value: string; contacts: string; requests: string; asking: string };

/**
 * One statement: every contact of the workspace counted into its groups (the
 * denominators: three plain GROUP BYs over one row per contact of `contacts`,
 * its tags an array), and the contacts who asked in the range joined to
 * their rows only (the numerators), so nothing joins a million contacts.
 */
export async function entryPoints(store: Store, workspaceId: string, range: DayRange): Promise<EntryPoints> {
  const rows = await store.query<Row>(
    `WITH asking AS (${REQUESTS_PER_CONTACT_SQL})
     SELECT dimension, value, sum(contacts) AS contacts, sum(requests) AS requests, sum(askers) AS asking
     FROM (
       SELECT 'source' AS dimension, source AS value, count() AS contacts, 0 AS requests, 0 AS askers
       FROM contacts FINAL
       WHERE workspace_id = {workspaceId:String}
       GROUP BY source
       UNION ALL
       SELECT 'firstMessageTag', first_message_tag, count(), 0, 0
       FROM contacts FINAL
       WHERE workspace_id = {workspaceId:String}
       GROUP BY first_message_tag
       UNION ALL
       SELECT 'tag', tag, count(), 0, 0
       FROM contacts FINAL
       ARRAY JOIN tags AS tag
       WHERE workspace_id = {workspaceId:String}
       GROUP BY tag
       UNION ALL
       SELECT g.1, g.2, 0, sum(a.requests), count()
       FROM (
         SELECT contact, source, first_message_tag, tags
         FROM contacts FINAL
         WHERE workspace_id = {workspaceId:String} AND contact IN (SELECT contact FROM asking)
       ) AS c
       INNER JOIN asking AS a ON a.contact = c.contact
       ARRAY JOIN arrayConcat([('source', c.source), ('firstMessageTag', c.first_message_tag)], arrayMap(t -> ('tag', t), c.tags)) AS g
       GROUP BY g.1, g.2
     )
     GROUP BY dimension, value`,
    { workspaceId, ...rangeBounds(range) },
    { report: "unresolved:entry-points" },
  );
  const of = (dimension: string) =>
    rows
      .filter((r) => r.dimension === dimension)
      .map((r) => ({ value: r.value, contacts: Number(r.contacts), requests: Number(r.requests), askingContacts: Number(r.asking) }))
      .sort((a, b) => b.requests - a.requests || b.contacts - a.contacts || a.value.localeCompare(b.value));
  return { firstMessageTag: of("firstMessageTag"), source: of("source"), tag: of("tag") };
}
