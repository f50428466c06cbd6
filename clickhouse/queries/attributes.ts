import type { Store } from "../client";
import { nextVersion } from "../version";

export interface AttributeDefinition {
  name: string;
  type: string;
  options: string[];
}

export async function listAttributeDefinitions(store: Store, workspaceId: string): Promise<AttributeDefinition[]> {
  const rows = await store.query<{ name: string; type: string; options: string[]; is_deleted: number }>(
    `SELECT name, type, options, is_deleted
     FROM attribute_definitions
     WHERE workspace_id = {workspaceId:String}
     ORDER BY version DESC
     LIMIT 1 BY name`,
    { workspaceId },
  );
  return rows
    .filter((r) => !Number(r.is_deleted))
    .map(({ name, type, options }) => ({ name, type, options }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function upsertAttributeDefinitions(
  store: Store,
  workspaceId: string,
  defs: AttributeDefinition[],
): Promise<void> {
  const now = Date.now();
  await store.insert(
    "attribute_definitions",
    defs.map((d) => ({ workspace_id: workspaceId, name: d.name, type: d.type, options: d.options, created_at: now, version: nextVersion(), is_deleted: 0 })),
  );
}
