import type { Store } from "../client";
import { nextVersion } from "../version";

/**
 * The tag catalogue of a workspace.
 *
 * Tags are stored by name in the event log (`tag.added` / `tag.removed` carry
 * the tag's text, as the API, CSV imports and the first-message matcher send
 * it) and contact_tags groups by that text. Rewriting the append-only log on
 * a rename is not an option, and emitting remove/add pairs for every tagged
 * contact would put a rename into each customer's journey. So `tag` is the
 * stable key a catalogue entry was created with and never changes; a rename
 * writes a display `label`. Everything that stores a tag stores the key;
 * everything that shows one shows `label` (via `displayName`).
 */
export interface TagDefinition {
  /** The stable key, as it appears in events. */
  tag: string;
  /** The name shown to people: the key itself until the tag is renamed. */
  label: string;
  category: string;
  /** The pre-filled message text that makes this a first-message tag; empty for other tags. */
  firstMessageText: string;
  /** Archived tags stay on contacts and in journeys but cannot be newly added. */
  archived: boolean;
  createdBy: string;
}

export type TagDefinitionInput = Pick<TagDefinition, "tag"> & Partial<Omit<TagDefinition, "tag">>;

interface TagRow {
  tag: string;
  label: string;
  category: string;
  first_message_text: string;
  archived: number;
  created_by: string;
  is_deleted: number;
}

export function displayName(t: Pick<TagDefinition, "tag" | "label">): string {
  return t.label || t.tag;
}

export async function listTagDefinitions(store: Store, workspaceId: string): Promise<TagDefinition[]> {
  const rows = await store.query<TagRow>(
    `SELECT tag, label, category, first_message_text, archived, created_by, is_deleted
     FROM tag_definitions
     WHERE workspace_id = {workspaceId:String}
     ORDER BY version DESC
     LIMIT 1 BY tag`,
    { workspaceId },
    { report: "tags:definitions" },
  );
  return rows
    .filter((r) => !Number(r.is_deleted))
    .map((r) => ({
      tag: r.tag,
      label: r.label || r.tag,
      category: r.category,
      firstMessageText: r.first_message_text,
      archived: Boolean(Number(r.archived)),
      createdBy: r.created_by,
    }))
    .sort((a, b) => displayName(a).localeCompare(displayName(b)));
}

/**
 * Writes a whole new version of each tag: a field not given takes its empty
 * value, so callers that edit one field pass the current definition with it.
 */
export async function upsertTagDefinitions(store: Store, workspaceId: string, tags: TagDefinitionInput[]): Promise<void> {
  const now = Date.now();
  await store.insert(
    "tag_definitions",
    tags.map((t) => ({
      workspace_id: workspaceId,
      tag: t.tag,
      // Stored empty while it equals the key, so a label is only ever a real rename.
      label: t.label && t.label !== t.tag ? t.label : "",
      category: t.category ?? "",
      first_message_text: t.firstMessageText ?? "",
      archived: t.archived ? 1 : 0,
      created_by: t.createdBy ?? "",
      created_at: now,
      version: nextVersion(),
      is_deleted: 0,
    })),
  );
}

/**
 * How many contacts carry each tag now, from the contacts read model (a tag
 * is on a contact when its latest add/remove event is an add). Keyed by
 * the tag key; tags in use but missing from the catalogue are included too.
 */
export async function countContactsByTag(store: Store, workspaceId: string): Promise<Map<string, number>> {
  const rows = await store.query<{ tag: string; contacts: string }>(
    `SELECT tag, count() AS contacts
     FROM contacts FINAL
     ARRAY JOIN tags AS tag
     WHERE workspace_id = {workspaceId:String}
     GROUP BY tag`,
    { workspaceId },
    { report: "tags:contacts-per-tag" },
  );
  return new Map(rows.map((r) => [r.tag, Number(r.contacts)]));
}
