import { z } from "zod";
import { MAX_ATTRIBUTES } from "./attribute-types";
import { normaliseMessageText } from "./chat-profile";
import { ATTRIBUTE_KEY } from "@/clickhouse/vocabulary/attribute-keys";

export { keyFromLabel } from "./attribute-key";

/**
 * Rules of the tag and attribute catalogues (Manage → Tags, Attributes) that
 * do not need the store: what a valid name is, when two names are the same,
 * and the attribute limit.
 */

/** Two names are the same when they differ only in case, spacing or Unicode width, like first-message texts. */
export function sameName(a: string, b: string): boolean {
  return normaliseMessageText(a) === normaliseMessageText(b);
}

/** Collapses runs of white space, so "VIP  buyers " is stored as "VIP buyers". */
const tidy = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

// CSV imports split a tags cell on these, so a tag containing one could never be imported.
const TAG_SEPARATORS = /[;,|]/;

export const tagNameSchema = z
  .string()
  .transform(tidy)
  .pipe(
    z
      .string()
      .min(1, "give the tag a name, like “Product A” or “VIP”")
      .max(60, "a tag name has at most 60 characters")
      .refine((s) => !TAG_SEPARATORS.test(s), "a tag name cannot contain ; , or | (CSV imports split tags on them)"),
  );

export const tagCategorySchema = z
  .string()
  .transform(tidy)
  .pipe(z.string().max(40, "a category has at most 40 characters"));

/** The pre-filled text of a click-to-chat link or ad; empty means "not a first-message tag". */
export const firstMessageTextSchema = z
  .string()
  .transform(tidy)
  .pipe(z.string().max(500, "the first-message text has at most 500 characters"));

/** The tag among `others` whose name (key or label) is the same as `name`, if any. */
export function tagNamedLike<T extends { tag: string; label: string }>(name: string, others: readonly T[]): T | undefined {
  return others.find((t) => sameName(t.tag, name) || sameName(t.label, name));
}

/**
 * The catalogue tag a person or a system means by `name`: its key, or its
 * label after a rename. Whoever adds a tag (the profile, an import, the API)
 * should store the returned key, and refuse a tag that is archived.
 */
export function resolveTag<T extends { tag: string; label: string; archived: boolean }>(name: string, defs: readonly T[]): T | null {
  return defs.find((t) => t.tag === name) ?? tagNamedLike(name, defs) ?? null;
}

/**
 * The active first-message tag among `others` that already matches exactly
 * this text. Two tags with one text would make the matcher's choice arbitrary.
 */
export function firstMessageTextOwner<T extends { firstMessageText: string; archived: boolean }>(
  text: string,
  others: readonly T[],
): T | undefined {
  if (!normaliseMessageText(text)) return undefined;
  return others.find((t) => !t.archived && sameName(t.firstMessageText, text));
}

export const attributeKeySchema = z
  .string()
  .trim()
  .regex(
    ATTRIBUTE_KEY,
    "the key uses lower-case letters, digits and _ (like signup_date), starts with a letter and has at most 40 characters",
  );

export const attributeLabelSchema = z
  .string()
  .transform(tidy)
  .pipe(z.string().min(1, "give the attribute a name, like “Plan” or “Signup date”").max(60, "an attribute name has at most 60 characters"));

/** The options of a one-of-a-list attribute: tidied, none empty, no two the same. */
export const attributeOptionsSchema = z
  .array(z.string().transform(tidy).pipe(z.string().min(1, "an option cannot be empty").max(60, "an option has at most 60 characters")))
  .max(100, "a list has at most 100 options")
  .superRefine((options, ctx) => {
    const repeated = options.find((o, i) => options.findIndex((other) => other.toLowerCase() === o.toLowerCase()) !== i);
    if (repeated !== undefined) ctx.addIssue({ code: "custom", message: `each option may appear only once: “${repeated}” is listed twice` });
  });

export const ATTRIBUTE_LIMIT_MESSAGE = `A workspace can have at most ${MAX_ATTRIBUTES} attributes; archive one first.`;

/** Whether one more active attribute fits under the limit (archived ones do not count). */
export function roomForAnotherAttribute(activeCount: number): boolean {
  return activeCount < MAX_ATTRIBUTES;
}
