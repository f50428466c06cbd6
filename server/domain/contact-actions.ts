import { normaliseAttributeValue, type AttributeDef, type AttributeType } from "./attributes";
import { ATTRIBUTE_LIMIT_MESSAGE, attributeKeySchema, resolveTag, roomForAnotherAttribute, sameName, tagNameSchema } from "./catalogue";

/**
 * The rules of the actions a member takes on a chat profile (add or remove a
 * manual tag, set an attribute), on top of the catalogue rules of
 * ./catalogue.ts. Each check either says what to write or gives a reason a
 * person can act on; nothing is written on a refusal.
 *
 * Tags and attributes are stored by their stable key (the catalogue's `tag`
 * and `name`); people see and type labels. So every check resolves what was
 * typed to a key, and the events carry the key.
 */

export type Check<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface CatalogueTag {
  tag: string;
  label: string;
  archived: boolean;
}

/** A tag the contact has now, by key. */
export interface CurrentTag {
  tag: string;
  kind: string;
}

const labelOf = (key: string, catalogue: readonly CatalogueTag[]) => catalogue.find((t) => t.tag === key)?.label || key;

/**
 * Adding a manual tag: a catalogue tag named by its key or its label, or a
 * new one created on the spot when the member asked for that (then the typed
 * name, tidied, is its key).
 */
export function checkAddTag(
  raw: string,
  opts: { catalogue: readonly CatalogueTag[]; current: readonly CurrentTag[]; createIfMissing: boolean },
): Check<{ tag: string; label: string; create: boolean }> {
  const name = tagNameSchema.safeParse(raw);
  if (!name.success) return { ok: false, reason: capitalise(name.error.issues[0].message) + "." };
  const known = resolveTag(name.data, opts.catalogue);
  if (known?.archived) {
    return { ok: false, reason: `“${known.label}” is archived in the tag catalogue; unarchive it in Manage → Tags to use it again.` };
  }
  const tag = known?.tag ?? name.data;
  const has = opts.current.find((t) => t.tag === tag || (!known && sameName(t.tag, tag)));
  if (has) {
    const how = has.kind === "automated" ? " (added automatically)" : "";
    return { ok: false, reason: `This contact already has the tag “${labelOf(has.tag, opts.catalogue)}”${how}.` };
  }
  if (!known && !opts.createIfMissing) {
    return { ok: false, reason: `“${tag}” is not in the tag catalogue. Pick a tag from the list, or create it.` };
  }
  return { ok: true, value: { tag, label: known?.label ?? tag, create: !known } };
}

/** Removing a tag: only a manual tag the contact has (by key, or by its label); automated tags belong to the rules that added them. */
export function checkRemoveTag(raw: string, current: readonly CurrentTag[], catalogue: readonly CatalogueTag[]): Check<{ tag: string }> {
  const key = current.find((t) => t.tag === raw)?.tag ?? resolveTag(raw, catalogue)?.tag ?? raw;
  const has = current.find((t) => t.tag === key) ?? current.find((t) => sameName(t.tag, raw));
  if (!has) return { ok: false, reason: `This contact does not have the tag “${raw.trim()}”.` };
  if (has.kind !== "manual") {
    return { ok: false, reason: `“${labelOf(has.tag, catalogue)}” was added automatically; only manual tags can be removed here.` };
  }
  return { ok: true, value: { tag: has.tag } };
}

export interface CatalogueAttribute extends AttributeDef {
  archived: boolean;
  label: string;
}

export interface NewAttribute {
  name: string;
  type: AttributeType;
  options: string[];
}

/**
 * Setting an attribute value. The attribute must be an active one of the
 * workspace, or be defined on the spot (within the limit of active
 * attributes); the value is checked against its type and stored in its one
 * normal form. An empty value clears the attribute.
 */
export function checkSetAttribute(
  input: { attribute: string; value: string | number | boolean | null; define?: Omit<NewAttribute, "name"> },
  catalogue: readonly CatalogueAttribute[],
): Check<{ attribute: string; value: string; define: NewAttribute | null }> {
  const attribute = input.attribute.trim();
  const existing = catalogue.find((d) => d.name === attribute);
  if (existing?.archived) {
    return { ok: false, reason: `“${existing.label}” is archived; unarchive it in Manage → Attributes to set values again.` };
  }
  let def: AttributeDef | undefined = existing;
  let define: NewAttribute | null = null;
  if (!def) {
    if (!input.define) {
      return { ok: false, reason: `There is no attribute “${attribute}” in this workspace; define it in Manage → Attributes first.` };
    }
    const key = attributeKeySchema.safeParse(attribute);
    if (!key.success) return { ok: false, reason: `The attribute name: ${key.error.issues[0].message}.` };
    if (!roomForAnotherAttribute(catalogue.filter((d) => !d.archived).length)) return { ok: false, reason: ATTRIBUTE_LIMIT_MESSAGE };
    const options = [...new Set(input.define.options.map((o) => o.trim()).filter(Boolean))];
    if (input.define.type === "list" && options.length === 0) {
      return { ok: false, reason: "A list attribute needs its options, like Free, Basic, Premium." };
    }
    define = { name: key.data, type: input.define.type, options: input.define.type === "list" ? options : [] };
    def = define;
  } else if (input.define && input.define.type !== def.type) {
    return { ok: false, reason: `“${existing!.label}” already exists, with the type ${def.type}.` };
  }
  const checked = normaliseAttributeValue(def, input.value);
  if (!checked.ok) return { ok: false, reason: checked.reason };
  return { ok: true, value: { attribute: def.name, value: checked.value, define } };
}

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
