import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { findWorkspaceByPhoneNumberId } from "@/clickhouse/queries/api-key-auth";
import { getWorkspace, upsertWorkspace } from "@/clickhouse/queries/workspaces";
import { CAN_ADMINISTER } from "../auth/roles";
import { router, workspaceProcedure, workspaceProcedureFor } from "../trpc/init";

const settings = z.object({ workspaceId: z.string(), name: z.string(), phoneNumberId: z.string() });

/** Workspace settings: its name and the WhatsApp phone number id its webhook deliveries carry. */
export const settingsRouter = router({
  get: workspaceProcedure.output(settings).query(async ({ ctx }) => {
    const ws = await getWorkspace(ctx.store, ctx.workspace.id);
    if (!ws) throw new TRPCError({ code: "NOT_FOUND", message: "No such workspace." });
    return { workspaceId: ws.workspace_id, name: ws.name, phoneNumberId: ws.phone_number_id };
  }),

  update: workspaceProcedureFor(CAN_ADMINISTER)
    .input(
      z.object({
        name: z.string().trim().min(1, "the workspace needs a name").max(100),
        phoneNumberId: z.string().trim().regex(/^\d{0,30}$/, "the phone number id is the number Meta shows in WhatsApp Manager, digits only"),
      }),
    )
    .output(settings)
    .mutation(async ({ ctx, input }) => {
      if (input.phoneNumberId) {
        const owner = await findWorkspaceByPhoneNumberId(ctx.store, input.phoneNumberId);
        if (owner && owner !== ctx.workspace.id) {
          throw new TRPCError({ code: "CONFLICT", message: "Another workspace already uses this phone number id." });
        }
      }
      await upsertWorkspace(ctx.store, ctx.workspace.id, { name: input.name, phoneNumberId: input.phoneNumberId });
      return { workspaceId: ctx.workspace.id, name: input.name, phoneNumberId: input.phoneNumberId };
    }),
});
