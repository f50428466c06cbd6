import type { Store } from "../client";
import type { EntryDimension } from "../vocabulary/entry-points";
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

type Row = { value: string; contacts: string; requests: string; asking: string };

/**
 * One statement over one row per contact (`contacts`, 0011): each contact
 * counts into its group (its source, its first-message tag, or each of its
 * tags: the denominators), with the requests its `request_times` hold in the
 * range (the numerators), so nothing joins the range's askers to their rows.
 * Only the dimension the page shows is counted: all three at once, as the
 * report did, took 163 ms of CPU at a million contacts where the
 * first-message tags alone take about 55 and the tags, 6.25M of them, most
 * of the rest. A contact's requests in the range are counted once, before its
 * tags are spread into rows.
 */
export async function entryPoints(store: Store, workspaceId: string, range: DayRange, by: EntryDimension): Promise<EntryPoint[]> {
  const rows = await store.query<Row>(
    `SELECT value, count() AS contacts, sum(in_range) AS requests, countIf(in_range > 0) AS asking
     FROM (
       SELECT ${COLUMN_OF[by]} AS value,
              arrayCount(t -> t >= {start:DateTime64(3)} AND t < {end:DateTime64(3)}, request_times) AS in_range
       FROM contacts FINAL
       WHERE workspace_id = {workspaceId:String}
     )
     ${by === "tag" ? "ARRAY JOIN value" : ""}
     GROUP BY value`,
    { workspaceId, ...rangeParams(range) },
    { report: `unresolved:entry-points:${by === "firstMessageTag" ? "first-message-tag" : by}` },
  );
  return rows
    .map((r) => ({ value: r.value, contacts: Number(r.contacts), requests: Number(r.requests), askingContacts: Number(r.asking) }))
    .sort((a, b) => b.requests - a.requests || b.contacts - a.contacts || a.value.localeCompare(b.value));
}

/** The contacts' column each dimension groups by: a value, or for tags an array, one row per tag. */
const COLUMN_OF: Record<EntryDimension, string> = { firstMessageTag: "first_message_tag", source: "source", tag: "tags" };
