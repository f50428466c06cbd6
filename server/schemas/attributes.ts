import { z } from "zod";
import { attributeTypeSchema } from "../domain/attribute-types";
import { attributeKeySchema, attributeLabelSchema, attributeOptionsSchema } from "../domain/catalogue";

/** Manage → Attributes: what creating and changing an attribute take (server/routers/attributes.ts; the attribute form too). */

export const LIST_NEEDS_OPTION = "a one-of-a-list attribute needs at least one option";

export const attributeCreateInput = z
  .object({
    label: attributeLabelSchema,
    /** The key for the API and CSV columns; made from the label when left out. */
    name: attributeKeySchema.optional(),
    type: attributeTypeSchema,
    options: attributeOptionsSchema.default([]),
  })
  .refine((a) => a.type !== "list" || a.options.length > 0, { message: LIST_NEEDS_OPTION, path: ["options"] })
  .refine((a) => a.type === "list" || a.options.length === 0, { message: "only a one-of-a-list attribute has options", path: ["options"] });

const attributeKey = z.string().min(1, "name the attribute to change").max(64);

export const attributeUpdateInput = z.object({ name: attributeKey, label: attributeLabelSchema.optional(), options: attributeOptionsSchema.optional() });

export const attributeArchiveInput = z.object({ name: attributeKey, archived: z.boolean() });
