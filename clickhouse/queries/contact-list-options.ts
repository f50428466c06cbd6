import type { Store } from "../client";

/** What the Contacts list's quick filters offer: the values contacts have now, with how many have each. */

export interface FilterOption {
  value: string;
  contacts: number;
}

/** The sources contacts of the workspace have, most common first, for the quick filter. */
export async function sourceOptions(store: Store, workspaceId: string): Promise<FilterOption[]> {
  const rows = await store.query<{ value: string; contacts: string }>(
    `SELECT source AS value, count() AS contacts
     FROM contacts FINAL
     WHERE workspace_id = {workspaceId:String} AND source != ''
     GROUP BY source
     ORDER BY contacts DESC, value
     LIMIT 200`,
    { workspaceId },
    { report: "contact-list:source-options" },
  );
  return rows.map((r) => ({ value: r.value, contacts: Number(r.contacts) }));
}

/** The tags contacts have now, alphabetically, for the quick filter. */
export async function tagOptions(store: Store, workspaceId: string): Promise<FilterOption[]> {
  const rows = await store.query<{ value: string; contacts: string }>(
    `SELECT tag AS value, count() AS contacts
     FROM contacts FINAL
     ARRAY JOIN tags AS tag
     WHERE workspace_id = {workspaceId:String}
     GROUP BY tag
     ORDER BY value
     LIMIT 500`,
    { workspaceId },
    { report: "contact-list:tag-options" },
  );
  return rows.map((r) => ({ value: r.value, contacts: Number(r.contacts) }));
}
