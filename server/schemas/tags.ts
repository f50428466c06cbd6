import { z } from "zod";
import { firstMessageTextSchema, tagCategorySchema, tagNameSchema } from "../domain/catalogue";

/** Manage → Tags: what creating and changing a tag take (server/routers/tags.ts checks them; the tag form too). */

const tagKey = z.string().min(1, "name the tag to change").max(100);

export const tagCreateInput = z.object({
  name: tagNameSchema,
  category: tagCategorySchema.default(""),
  firstMessageText: firstMessageTextSchema.default(""),
});

export const tagUpdateInput = z.object({
  tag: tagKey,
  name: tagNameSchema.optional(),
  category: tagCategorySchema.optional(),
  /** Empty: the tag is no longer a first-message tag. */
  firstMessageText: firstMessageTextSchema.optional(),
});

export const tagArchiveInput = z.object({ tag: tagKey, archived: z.boolean() });
