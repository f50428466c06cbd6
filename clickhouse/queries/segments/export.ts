import type { Store } from "../../client";
import type { CompiledSegment } from "./compile";

/**
 * The export reads the audience in pages keyed on the phone (keyset paging on
 * the sort key of `contacts`), so a file of a million rows is streamed to the
 * browser a page at a time and never held in memory, and each later page
 * starts its read where the last one ended. Contacts opted out of marketing
 * are left out unless the person asks for them (README, "Opt-outs").
 */

export interface ExportRow {
  contact: string;
  name: string;
  attributes: Record<string, string>;
  tags: string[];
}

export async function exportPage(
  store: Store,
  workspaceId: string,
  compiled: CompiledSegment,
  opts: { after: string; limit: number; attributes: string[]; includeOptedOut: boolean },
): Promise<ExportRow[]> {
  const page = await store.query<{ contact: string; name: string }>(
    `SELECT contact, name
     FROM contacts FINAL
     WHERE workspace_id = {workspaceId:String} AND contact > {after:String} AND (${compiled.where})
       ${opts.includeOptedOut ? "" : "AND opted_out = 0"}
     ORDER BY contact
     LIMIT {limit:UInt32}`,
    { ...compiled.params, workspaceId, after: opts.after, limit: opts.limit },
    { report: "segments:export-page" },
  );
  if (page.length === 0) return [];
  const contacts = page.map((r) => r.contact);
  const [attributes, tags] = await Promise.all([
    opts.attributes.length ? attributeValues(store, workspaceId, contacts, opts.attributes) : new Map<string, Record<string, string>>(),
    tagsOf(store, workspaceId, contacts),
  ]);
  return page.map((r) => ({
    contact: r.contact,
    name: r.name,
    attributes: attributes.get(r.contact) ?? {},
    tags: tags.get(r.contact) ?? [],
  }));
}

async function attributeValues(
  store: Store,
  workspaceId: string,
  contacts: string[],
  names: string[],
): Promise<Map<string, Record<string, string>>> {
  const rows = await store.query<{ contact: string; attribute: string; value: string }>(
    `SELECT contact, attribute, argMaxMerge(value) AS value
     FROM contact_attributes
     WHERE workspace_id = {workspaceId:String} AND contact IN {contacts:Array(String)} AND attribute IN {names:Array(String)}
     GROUP BY contact, attribute`,
    { workspaceId, contacts, names },
    { report: "segments:export-attributes" },
  );
  const out = new Map<string, Record<string, string>>();
  for (const r of rows) {
    const values = out.get(r.contact) ?? {};
    values[r.attribute] = r.value;
    out.set(r.contact, values);
  }
  return out;
}

async function tagsOf(store: Store, workspaceId: string, contacts: string[]): Promise<Map<string, string[]>> {
  const rows = await store.query<{ contact: string; tags: string[] }>(
    `SELECT contact, arraySort(groupArrayIf(tag, present = 1)) AS tags
     FROM (
       SELECT contact, tag, argMaxMerge(present) AS present
       FROM contact_tags
       WHERE workspace_id = {workspaceId:String} AND contact IN {contacts:Array(String)}
       GROUP BY contact, tag
     )
     GROUP BY contact`,
    { workspaceId, contacts },
    { report: "segments:export-tags" },
  );
  return new Map(rows.map((r) => [r.contact, r.tags]));
}
