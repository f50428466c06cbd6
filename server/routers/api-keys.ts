import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { listApiKeys, revokeApiKey } from "@/clickhouse/queries/api-keys";
import { createApiKey } from "../auth/api-keys";
import { CAN_ADMINISTER } from "../auth/roles";
import { apiKeyCreateInput, apiKeyRevokeInput } from "../schemas/api-keys";
import { router, workspaceProcedureFor } from "../trpc/init";

const apiKey = z.object({
  keyId: z.string(),
  name: z.string(),
  keyPrefix: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  requests: z.number(),
});

/** Manage → API keys: admins only. A new key is shown once; only its hash is kept. */
export const apiKeysRouter = router({
  list: workspaceProcedureFor(CAN_ADMINISTER)
    .output(z.array(apiKey))
    .query(({ ctx }) => listApiKeys(ctx.store, ctx.workspace.id)),

  create: workspaceProcedureFor(CAN_ADMINISTER)
    .input(apiKeyCreateInput)
    .output(z.object({ keyId: z.string(), token: z.string() }))
    .mutation(({ ctx, input }) => createApiKey(ctx.store, ctx.workspace.id, input.name, ctx.userId)),

  revoke: workspaceProcedureFor(CAN_ADMINISTER)
    .input(apiKeyRevokeInput)
    .output(z.object({ revoked: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      if (!(await revokeApiKey(ctx.store, ctx.workspace.id, input.keyId))) {
        throw new TRPCError({ code: "NOT_FOUND", message: "No such API key in this workspace." });
      }
      return { revoked: true as const };
    }),
});
