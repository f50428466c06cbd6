import { z } from "zod";
import { firstMessageTextSchema } from "@/server/domain/catalogue";
import { tagCreateInput } from "@/server/schemas/tags";

/**
 * The tag form's values, checked with the server's own rules (tagCreateInput):
 * the box "First-message tag" is the form's only addition; ticked, it needs a
 * text, and unticked it sends none.
 */
export const tagFormSchema = z
  .object({
    name: tagCreateInput.shape.name,
    category: tagCreateInput.shape.category,
    isFirstMessage: z.boolean(),
    firstMessageText: z.string(),
  })
  .superRefine((v, ctx) => {
    if (!v.isFirstMessage) return;
    const text = firstMessageTextSchema.safeParse(v.firstMessageText);
    const message = !text.success ? text.error.issues[0].message : text.data ? null : "paste the pre-filled message of your click-to-chat link or ad";
    if (message) ctx.addIssue({ code: "custom", path: ["firstMessageText"], message });
  })
  .transform((v) => ({ name: v.name, category: v.category, firstMessageText: v.isFirstMessage ? firstMessageTextSchema.parse(v.firstMessageText) : "" }));
