import type { Store } from "../client";
import { rangeParams, type DayRange } from "./day-range";

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

type Row = { dimension: string; value: string; contacts: string; requests: string; asking: string };

/**
 * One statement over one row per contact (`contacts`, 0011): each contact
 * counts into its source, its first-message tag and each of its tags (the
 * denominators), with the requests its `request_times` hold in the range (the
 * numerators), so nothing joins the range's askers to their rows. Source and
 * first-message tag are two grouping sets of one pass, the tags (one row per
 * tag) another: all three from one ARRAY JOIN of a contact's pairs took
 * 290 ms at rest. Both passes read the contacts once, kept for the statement
 * (a materialized CTE): inlined, each pass read and merged them under FINAL
 * again, which under live traffic is most of the cost (on a copy of the large
 * demo after its live batches 166 → 130 ms p50; at rest 77 → 84, the kept
 * rows' copy).
 */
export async function entryPoints(store: Store, workspaceId: string, range: DayRange): Promise<EntryPoints> {
  const rows = await store.query<Row>(
    `WITH per_contact AS MATERIALIZED (
       SELECT source, first_message_tag, tags,
              arrayCount(t -> t >= {start:DateTime64(3)} AND t < {end:DateTime64(3)}, request_times) AS in_range
       FROM contacts FINAL
       WHERE workspace_id = {workspaceId:String}
     )
     SELECT if(grouping(source) = 0, 'source', 'firstMessageTag') AS dimension,
            if(grouping(source) = 0, source, first_message_tag) AS value,
            count() AS contacts, sum(in_range) AS requests, countIf(in_range > 0) AS asking
     FROM per_contact
     GROUP BY GROUPING SETS ((source), (first_message_tag))
     UNION ALL
     SELECT 'tag', tag, count(), sum(in_range), countIf(in_range > 0)
     FROM per_contact
     ARRAY JOIN tags AS tag
     GROUP BY tag
     SETTINGS enable_materialized_cte = 1`,
    { workspaceId, ...rangeParams(range) },
    { report: "unresolved:entry-points" },
  );
  const of = (dimension: string) =>
    rows
      .filter((r) => r.dimension === dimension)
      .map((r) => ({ value: r.value, contacts: Number(r.contacts), requests: Number(r.requests), askingContacts: Number(r.asking) }))
      .sort((a, b) => b.requests - a.requests || b.contacts - a.contacts || a.value.localeCompare(b.value));
  return { firstMessageTag: of("firstMessageTag"), source: of("source"), tag: of("tag") };
}
