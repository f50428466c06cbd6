import { z } from "zod";

/**
 * The attribute types and the attribute limit, apart from the value rules
 * (./attributes.ts, which need libphonenumber): forms that only name a type
 * import these without carrying the phone library into the browser.
 */

/** A workspace may define at most this many attributes. */
export const MAX_ATTRIBUTES = 20;

export const ATTRIBUTE_TYPES = ["text", "number", "date", "boolean", "email", "phone", "list"] as const;
export const attributeTypeSchema = z.enum(ATTRIBUTE_TYPES);
export type AttributeType = z.infer<typeof attributeTypeSchema>;
