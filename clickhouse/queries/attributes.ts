import type { Store } from "../client";
import { nextVersion } from "../version";

/**
 * The attribute catalogue of a workspace. Like tags, an attribute is named by
 * its key in the event log (`attribute.set.attribute`) and in contact_attributes,
 * so `name` never changes; people see `label`, which an edit may change.
 */
export interface AttributeDefinition {
  /** The stable key, as events, CSV columns and the API name it. */
  name: string;
  /** The name shown to people: derived from the key until someone sets one. */
  label: string;
  type: string;
  options: string[];
}

export interface AttributeCatalogueEntry extends AttributeDefinition {
  label: string;
  /** Archived attributes keep their values but take no new ones. */
  archived: boolean;
  createdBy: string;
}

export type AttributeDefinitionInput = Omit<AttributeDefinition, "label"> & Partial<Omit<AttributeCatalogueEntry, keyof AttributeDefinition>> & { label?: string };

interface AttributeRow {
  name: string;
  label: string;
  type: string;
  options: string[];
  archived: number;
  created_by: string;
  is_deleted: number;
}

/** "signup_date" → "Signup date": the label of an attribute nobody has labelled. */
export function labelFromKey(name: string): string {
  const words = name.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Every attribute of the workspace, archived ones included, for Manage → Attributes. */
export async function listAttributeCatalogue(store: Store, workspaceId: string): Promise<AttributeCatalogueEntry[]> {
  const rows = await store.query<AttributeRow>(
    `SELECT name, label, type, options, archived, created_by, is_deleted
     FROM attribute_definitions
     WHERE workspace_id = {workspaceId:String}
     ORDER BY version DESC
     LIMIT 1 BY name`,
    { workspaceId },
    { report: "attributes:catalogue" },
  );
  return rows
    .filter((r) => !Number(r.is_deleted))
    .map((r) => ({
      name: r.name,
      label: r.label || labelFromKey(r.name),
      type: r.type,
      options: r.options,
      archived: Boolean(Number(r.archived)),
      createdBy: r.created_by,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * The attributes that take values: archived ones are left out, so an import
 * or a picker no longer offers them (their stored values stay on contacts).
 */
export async function listAttributeDefinitions(store: Store, workspaceId: string): Promise<AttributeDefinition[]> {
  return (await listAttributeCatalogue(store, workspaceId))
    .filter((d) => !d.archived)
    .map(({ name, label, type, options }) => ({ name, label, type, options }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Writes a whole new version of each definition (fields not given take their empty value). */
export async function upsertAttributeDefinitions(
  store: Store,
  workspaceId: string,
  defs: AttributeDefinitionInput[],
): Promise<void> {
  const now = Date.now();
  await store.insert(
    "attribute_definitions",
    defs.map((d) => ({
      workspace_id: workspaceId,
      name: d.name,
      // Stored empty while it is the label the key gives anyway.
      label: d.label && d.label !== labelFromKey(d.name) ? d.label : "",
      type: d.type,
      options: d.options,
      archived: d.archived ? 1 : 0,
      created_by: d.createdBy ?? "",
      created_at: now,
      version: nextVersion(),
      is_deleted: 0,
    })),
  );
}

/**
 * How many contacts have a (non-empty) value of each attribute now, from the
 * contacts read model, whose attribute maps hold no empty value (like
 * countContactsByTag). Merging contact_attributes' states instead read 3.9M
 * rows for the large demo: 720 ms for Manage → Attributes, 23 ms this way.
 */
export async function countContactsByAttribute(store: Store, workspaceId: string): Promise<Map<string, number>> {
  const rows = await store.query<{ attribute: string; contacts: string }>(
    `SELECT attribute, count() AS contacts
     FROM contacts FINAL
     ARRAY JOIN mapKeys(attributes) AS attribute
     WHERE workspace_id = {workspaceId:String}
     GROUP BY attribute`,
    { workspaceId },
    { report: "attributes:contacts-per-attribute" },
  );
  return new Map(rows.map((r) => [r.attribute, Number(r.contacts)]));
}
