import type { Store } from "../client";

export interface ContactAttributeValue {
  attribute: string;
  value: string;
  setByKind: string;
  setById: string;
  /** The actor's name as the event carried it; may be empty. */
  setByName: string;
  setAt: string;
}

/**
 * A contact's attribute values: the latest attribute.set of each attribute
 * wins, the rule of contact_attributes_mv (0003), read over the contact's
 * range of the event log so the setter's name comes along. An empty value is
 * a cleared attribute.
 */
export async function contactAttributeValues(store: Store, workspaceId: string, contact: string): Promise<ContactAttributeValue[]> {
  const rows = await store.query<{ attribute: string; latest: [string, string, string, string]; set_at: string }>(
    `SELECT attribute,
            argMax(tuple(value, actor_kind, actor_id, JSONExtractString(payload, 'actor', 'name')), ts) AS latest,
            max(ts) AS set_at
     FROM events
     WHERE workspace_id = {workspaceId:String} AND contact = {contact:String} AND type = 'attribute.set'
     GROUP BY attribute
     ORDER BY attribute`,
    { workspaceId, contact },
    { report: "profile:attributes" },
  );
  return rows.map((r) => ({
    attribute: r.attribute,
    value: r.latest[0],
    setByKind: r.latest[1],
    setById: r.latest[2],
    setByName: r.latest[3],
    setAt: r.set_at,
  }));
}
