import { z } from "zod";
import { attributeTypeSchema, normaliseAttributeValue, type AttributeDef } from "../domain/attributes";
import { attributeKeySchema } from "../domain/catalogue";

/**
 * A value typed for an attribute, checked by the rule the server stores it by
 * (normaliseAttributeValue): the profile's attribute forms use it, so "plan
 * must be one of Free, Basic" is said before anything is sent. Empty clears it.
 */
export function attributeValueSchema(def: AttributeDef) {
  return z.string().superRefine((value, ctx) => {
    const checked = normaliseAttributeValue(def, value);
    if (!checked.ok) ctx.addIssue({ code: "custom", message: checked.reason });
  });
}

/** Options typed in one field, separated by commas: the way the profile's "New attribute" takes them. */
export const commaOptions = (text: string) => [...new Set(text.split(",").map((o) => o.trim()).filter(Boolean))];

/**
 * Defining an attribute on a profile and setting the contact's value in one
 * step: the key rule and the list rule of checkSetAttribute (server/domain/contact-actions.ts),
 * and the value checked by the type just picked.
 */
export const newAttributeFormSchema = z
  .object({ attribute: attributeKeySchema, type: attributeTypeSchema, options: z.string(), value: z.string() })
  .superRefine((v, ctx) => {
    const options = commaOptions(v.options);
    if (v.type === "list" && options.length === 0) ctx.addIssue({ code: "custom", path: ["options"], message: "a list attribute needs its options, like Free, Basic, Premium" });
    const checked = normaliseAttributeValue({ name: v.attribute, type: v.type, options }, v.value);
    if (!checked.ok) ctx.addIssue({ code: "custom", path: ["value"], message: checked.reason });
  });
