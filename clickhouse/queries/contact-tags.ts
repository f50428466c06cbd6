import type { Store } from "../client";

export interface ContactTag {
  tag: string;
  /** automated (first message, API, broadcast) or manual (a member or an agent). */
  kind: string;
  origin: string;
  addedByKind: string;
  addedById: string;
  /** The actor's name as the event carried it; may be empty. */
  addedByName: string;
  addedAt: string;
}

/**
 * The tags a contact has now: those whose latest add/remove event is an add,
 * the rule of contact_tags_mv (0003), read over the contact's range of the
 * event log so the adder's name (kept only in the event payload) comes along.
 */
export async function contactTags(store: Store, workspaceId: string, contact: string): Promise<ContactTag[]> {
  const rows = await store.query<{
    tag: string;
    kind: string;
    origin: string;
    actor_kind: string;
    actor_id: string;
    actor_name: string;
    added_at: string;
  }>(
    `SELECT tag, kind, origin, added.1 AS actor_kind, added.2 AS actor_id, added.3 AS actor_name, added_at
     FROM (
       SELECT
         tag,
         argMax(toUInt8(type = 'tag.added'), ts) AS present,
         argMaxIf(tag_kind, ts, type = 'tag.added') AS kind,
         argMaxIf(tag_origin, ts, type = 'tag.added') AS origin,
         argMaxIf(tuple(actor_kind, actor_id, JSONExtractString(payload, 'actor', 'name')), ts, type = 'tag.added') AS added,
         maxIf(ts, type = 'tag.added') AS added_at
       FROM events
       WHERE workspace_id = {workspaceId:String} AND contact = {contact:String} AND type IN ('tag.added', 'tag.removed')
       GROUP BY tag
     )
     WHERE present = 1
     ORDER BY kind, added_at DESC, tag`,
    { workspaceId, contact },
    { report: "profile:tags" },
  );
  return rows.map((r) => ({
    tag: r.tag,
    kind: r.kind,
    origin: r.origin,
    addedByKind: r.actor_kind,
    addedById: r.actor_id,
    addedByName: r.actor_name,
    addedAt: r.added_at,
  }));
}
