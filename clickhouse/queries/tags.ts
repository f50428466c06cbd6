import type { Store } from "../client";
import { nextVersion } from "../version";

export interface TagDefinition {
  tag: string;
  category: string;
  firstMessageText: string;
  archived: boolean;
}

export async function listTagDefinitions(store: Store, workspaceId: string): Promise<TagDefinition[]> {
  const rows = await store.query<{ tag: string; category: string; first_message_text: string; archived: number; is_deleted: number }>(
    `SELECT tag, category, first_message_text, archived, is_deleted
     FROM tag_definitions
     WHERE workspace_id = {workspaceId:String}
     ORDER BY version DESC
     LIMIT 1 BY tag`,
    { workspaceId },
  );
  return rows
    .filter((r) => !Number(r.is_deleted))
    .map((r) => ({ tag: r.tag, category: r.category, firstMessageText: r.first_message_text, archived: Boolean(Number(r.archived)) }))
    .sort((a, b) => a.tag.localeCompare(b.tag));
}

export async function upsertTagDefinitions(
  store: Store,
  workspaceId: string,
  tags: Array<{ tag: string; category?: string; firstMessageText?: string; archived?: boolean; createdBy?: string }>,
): Promise<void> {
  const now = Date.now();
  await store.insert(
    "tag_definitions",
    tags.map((t) => ({
      workspace_id: workspaceId,
      tag: t.tag,
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
