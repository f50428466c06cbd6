import { z } from "zod";
import { getOptKeywords, setOptKeywords } from "@/clickhouse/queries/opt-out-keywords";
import { MAX_KEYWORD_LENGTH, MAX_KEYWORDS, normaliseKeyword } from "@/clickhouse/vocabulary/opt-outs";
import { CAN_ADMINISTER } from "../auth/roles";
import { router, workspaceProcedure, workspaceProcedureFor } from "../trpc/init";

/**
 * The workspace's opt-out and opt-in keywords (Manage → WhatsApp). Every
 * member may read them; admins change them. A change applies to messages
 * ingested from then on: what earlier replies did stays (README, "Opt-outs").
 */

const keywordList = (which: string) =>
  z
    .array(
      z
        .string()
        .trim()
        .min(1, `an ${which} keyword cannot be empty`)
        .max(MAX_KEYWORD_LENGTH, `an ${which} keyword has at most ${MAX_KEYWORD_LENGTH} characters`),
    )
    .max(MAX_KEYWORDS, `at most ${MAX_KEYWORDS} ${which} keywords`);

const keywordsInput = z
  .object({ optOut: keywordList("opt-out").min(1, "keep at least one opt-out keyword: WhatsApp requires a way to stop marketing"), optIn: keywordList("opt-in") })
  .superRefine((k, ctx) => {
    const optOut = new Set(k.optOut.map(normaliseKeyword));
    for (const [i, word] of k.optIn.entries()) {
      if (optOut.has(normaliseKeyword(word))) {
        ctx.addIssue({ code: "custom", path: ["optIn", i], message: `"${word}" is also an opt-out keyword; a word can only do one of the two` });
      }
    }
  })
  // Duplicates (after normalisation) are kept once, the first spelling.
  .transform((k) => ({ optOut: unique(k.optOut), optIn: unique(k.optIn) }));

function unique(words: string[]): string[] {
  const seen = new Set<string>();
  return words.filter((w) => {
    const key = normaliseKeyword(w);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const keywordsOutput = z.object({
  optOut: z.array(z.string()),
  optIn: z.array(z.string()),
  custom: z.boolean(),
  updatedAt: z.string().nullable(),
});

const shown = (k: Awaited<ReturnType<typeof getOptKeywords>>) => ({ optOut: [...k.optOut], optIn: [...k.optIn], custom: k.custom, updatedAt: k.updatedAt });

export const optOutsRouter = router({
  keywords: workspaceProcedure.output(keywordsOutput).query(async ({ ctx }) => shown(await getOptKeywords(ctx.store, ctx.workspace.id))),

  setKeywords: workspaceProcedureFor(CAN_ADMINISTER)
    .input(keywordsInput)
    .output(keywordsOutput)
    .mutation(async ({ ctx, input }) => {
      await setOptKeywords(ctx.store, ctx.workspace.id, input, ctx.userId);
      return shown(await getOptKeywords(ctx.store, ctx.workspace.id));
    }),

  /** Back to the defaults. */
  resetKeywords: workspaceProcedureFor(CAN_ADMINISTER)
    .output(keywordsOutput)
    .mutation(async ({ ctx }) => {
      await setOptKeywords(ctx.store, ctx.workspace.id, null, ctx.userId);
      return shown(await getOptKeywords(ctx.store, ctx.workspace.id));
    }),
});
