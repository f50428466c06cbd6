import { MAX_ATTRIBUTES, normaliseAttributeValue, type AttributeDef, type AttributeType } from "./attributes";

/**
 * The rules of the actions a member takes on a chat profile (add or remove a
 * manual tag, set an attribute). Each check either says what to write or
 * gives a reason a person can act on; nothing is written on a refusal.
 */

export type Check<T> = { ok: true; value: T } | { ok: false; reason: string };

const MAX_TAG_LENGTH = 100;

/** "  Summer   sale " → "Summer sale": how a typed tag name is stored. */
export function cleanTagName(raw: string): string {
  return raw.normalize("NFC").replace(/\s+/g, " ").trim();
}

function sameTag(a: string, b: string) {
  return a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;
}

export interface CatalogueTag {
  tag: string;
  archived: boolean;
}

export interface CurrentTag {
  tag: string;
  kind: string;
}

/**
 * Adding a manual tag: it must be in the catalogue, or be created on the spot
 * when the member asked for that. A catalogue tag is used with the
 * catalogue's spelling, so "vip" typed by hand is the existing "VIP".
 */
export function checkAddTag(
  raw: string,
  opts: { catalogue: readonly CatalogueTag[]; current: readonly CurrentTag[]; createIfMissing: boolean },
): Check<{ tag: string; create: boolean }> {
  const name = cleanTagName(raw);
  if (!name) return { ok: false, reason: "Type a tag name, or pick one from the catalogue." };
  if (name.length > MAX_TAG_LENGTH) return { ok: false, reason: `A tag name has at most ${MAX_TAG_LENGTH} characters.` };
  const known = opts.catalogue.find((t) => sameTag(t.tag, name));
  if (known?.archived) {
    return { ok: false, reason: `“${known.tag}” is archived in the tag catalogue; restore it in Manage → Tags to use it again.` };
  }
  const tag = known?.tag ?? name;
  const has = opts.current.find((t) => sameTag(t.tag, tag));
  if (has) {
    const how = has.kind === "automated" ? " (added automatically)" : "";
    return { ok: false, reason: `This contact already has the tag “${has.tag}”${how}.` };
  }
  if (!known && !opts.createIfMissing) {
    return { ok: false, reason: `“${tag}” is not in the tag catalogue. Pick a tag from the list, or create it.` };
  }
  return { ok: true, value: { tag, create: !known } };
}

/** Removing a tag: only a manual tag the contact has; automated tags belong to the rules that added them. */
export function checkRemoveTag(raw: string, current: readonly CurrentTag[]): Check<{ tag: string }> {
  const name = cleanTagName(raw);
  const has = current.find((t) => sameTag(t.tag, name));
  if (!has) return { ok: false, reason: `This contact does not have the tag “${name}”.` };
  if (has.kind !== "manual") {
    return { ok: false, reason: `“${has.tag}” was added automatically; only manual tags can be removed here.` };
  }
  return { ok: true, value: { tag: has.tag } };
}

/** Attribute names as the demo and imports use them: lower-case words joined by underscores. */
export const ATTRIBUTE_NAME = /^[a-z][a-z0-9_]{0,39}$/;

export interface NewAttribute {
  name: string;
  type: AttributeType;
  options: string[];
}

/**
 * Setting an attribute value. The attribute must be defined, or be defined on
 * the spot (within the workspace's limit of MAX_ATTRIBUTES); the value is
 * checked against its type and stored in its one normal form. An empty value
 * clears the attribute.
 */
export function checkSetAttribute(
  input: { attribute: string; value: string | number | boolean | null; define?: Omit<NewAttribute, "name"> },
  definitions: readonly AttributeDef[],
): Check<{ attribute: string; value: string; define: NewAttribute | null }> {
  const attribute = input.attribute.trim();
  let def = definitions.find((d) => d.name === attribute);
  let define: NewAttribute | null = null;
  if (!def) {
    if (!input.define) {
      return { ok: false, reason: `There is no attribute “${attribute}” in this workspace; define it in Manage → Attributes first.` };
    }
    if (!ATTRIBUTE_NAME.test(attribute)) {
      return {
        ok: false,
        reason: "An attribute name starts with a letter and has only lower-case letters, digits and underscores (like signup_date), 40 at most.",
      };
    }
    if (definitions.length >= MAX_ATTRIBUTES) {
      return {
        ok: false,
        reason: `This workspace already has ${definitions.length} attributes, the most it can have (${MAX_ATTRIBUTES}). Remove one in Manage → Attributes first.`,
      };
    }
    const options = [...new Set(input.define.options.map((o) => o.trim()).filter(Boolean))];
    if (input.define.type === "list" && options.length === 0) {
      return { ok: false, reason: "A list attribute needs its options, like Free, Basic, Premium." };
    }
    define = { name: attribute, type: input.define.type, options: input.define.type === "list" ? options : [] };
    def = define;
  } else if (input.define && input.define.type !== def.type) {
    return { ok: false, reason: `“${attribute}” already exists, with the type ${def.type}.` };
  }
  const checked = normaliseAttributeValue(def, input.value);
  if (!checked.ok) return { ok: false, reason: checked.reason };
  return { ok: true, value: { attribute, value: checked.value, define } };
}
