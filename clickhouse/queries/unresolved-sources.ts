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

// Every contact of the workspace is read (the denominators): one row each of
// `contacts` (0011), its tags an array.

type Row = { dimension: string; value: string; contacts: string; requests: string; asking: string };

export async function entryPoints(store: Store, workspaceId: string, range: DayRange): Promise<EntryPoints> {
  const params = { workspaceId, ...rangeBounds(range) };
  const [profileRows, tagRows] = await Promise.all([
    store.query<Row>(
      `SELECT
         if(grouping(source) = 0, 'source', 'firstMessageTag') AS dimension,
         if(grouping(source) = 0, source, first_message_tag) AS value,
         count() AS contacts,
         sum(r.requests) AS requests,
         countIf(r.requests > 0) AS asking
       FROM (
         SELECT contact, source, first_message_tag
         FROM contacts FINAL
         WHERE workspace_id = {workspaceId:String}
       ) AS c
       LEFT JOIN (${REQUESTS_PER_CONTACT_SQL}) AS r ON c.contact = r.contact
       GROUP BY GROUPING SETS ((source), (first_message_tag))
       SETTINGS force_grouping_standard_compatibility = 1, join_use_nulls = 0`,
      params,
    ),
    store.query<Row>(
      `SELECT
         'tag' AS dimension,
         t.tag AS value,
         count() AS contacts,
         sum(r.requests) AS requests,
         countIf(r.requests > 0) AS asking
       FROM (
         SELECT contact, tag
         FROM contacts FINAL
         ARRAY JOIN tags AS tag
         WHERE workspace_id = {workspaceId:String}
       ) AS t
       LEFT JOIN (${REQUESTS_PER_CONTACT_SQL}) AS r ON t.contact = r.contact
       GROUP BY t.tag
       SETTINGS join_use_nulls = 0`,
      params,
    ),
  ]);
  const of = (dimension: string) =>
    [...profileRows, ...tagRows]
      .filter((r) => r.dimension === dimension)
      .map((r) => ({ value: r.value, contacts: Number(r.contacts), requests: Number(r.requests), askingContacts: Number(r.asking) }))
      .sort((a, b) => b.requests - a.requests || b.contacts - a.contacts || a.value.localeCompare(b.value));
  return { firstMessageTag: of("firstMessageTag"), source: of("source"), tag: of("tag") };
}
