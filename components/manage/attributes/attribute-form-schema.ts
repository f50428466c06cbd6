import { z } from "zod";
import { attributeCreateInput, attributeUpdateInput, LIST_NEEDS_OPTION } from "@/server/schemas/attributes";
import { attributeTypeSchema } from "@/server/domain/attribute-types";

import type { AttributeFormValues } from "./attribute-form";

/** One option per line (commas also separate them when pasted from a spreadsheet). */
export function parseOptions(text: string): string[] {
  return text
    .split(/\r?\n|,/)
    .map((o) => o.trim())
    .filter(Boolean);
}

/** What the attribute form holds: the options as the text typed, the key empty to derive it from the label. */
const formFields = z.object({ label: z.string(), name: z.string(), type: attributeTypeSchema, options: z.string() });
const options = (v: z.infer<typeof formFields>) => (v.type === "list" ? parseOptions(v.options) : []);

/** Creating: the server's create schema decides, on the values the form would send. */
export const attributeCreateFormSchema = formFields
  .transform((v): z.input<typeof attributeCreateInput> => ({ label: v.label, name: v.name.trim() || undefined, type: v.type, options: options(v) }))
  .pipe(attributeCreateInput)
  .transform((a): AttributeFormValues => ({ label: a.label, name: a.name ?? "", type: a.type, options: a.options }));

const editInput = attributeUpdateInput.extend({ type: attributeTypeSchema });

/**
 * Editing: the key and type are fixed, so the server's update schema checks
 * the name and options; a one-of-a-list attribute keeps at least one.
 */
export const attributeEditFormSchema = formFields
  .transform((v): z.input<typeof editInput> => ({ name: v.name, type: v.type, label: v.label, options: options(v) }))
  .pipe(
    editInput
      .refine((a) => a.type !== "list" || (a.options?.length ?? 0) > 0, { message: LIST_NEEDS_OPTION, path: ["options"] }),
  )
  .transform((a): AttributeFormValues => ({ label: a.label ?? "", name: a.name, type: a.type, options: a.options ?? [] }));

export type AttributeFormFields = z.input<typeof formFields>;
