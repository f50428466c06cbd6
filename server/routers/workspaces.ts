import { z } from "zod";
import { TRPCError } from "@trpc/server";
import { availableTimeZones } from "@/clickhouse/queries/time-zones";
import { workspacesOfUser } from "@/clickhouse/queries/users";
import { roleSchema } from "../auth/roles";
import { createWorkspace } from "../domain/new-workspace";
import { workspaceCreateInput } from "../schemas/workspaces";
import { authedProcedure, router, workspaceProcedure } from "../trpc/init";

const myWorkspace = z.object({ workspaceId: z.string(), name: z.string(), role: roleSchema });

export const workspacesRouter = router({
  /** The workspaces the signed-in person belongs to, for the switcher. */
  mine: authedProcedure.output(z.array(myWorkspace)).query(async ({ ctx }) => {
    const rows = await workspacesOfUser(ctx.store, ctx.userId);
    return rows.filter((r) => roleSchema.safeParse(r.role).success) as z.infer<typeof myWorkspace>[];
  }),

  /** A new workspace, its creator its admin; the form offers the creator's browser zone. */
  create: authedProcedure
    .input(workspaceCreateInput)
    .output(z.object({ workspaceId: z.string() }))
    .mutation(async ({ ctx, input }) => {
      if (!(await availableTimeZones(ctx.store)).includes(input.timeZone)) {
        throw new TRPCError({ code: "BAD_REQUEST", message: `timeZone: ChatLens's database does not know "${input.timeZone}" yet; pick a neighbouring zone with the same time` });
      }
      return { workspaceId: await createWorkspace(ctx.store, ctx.userId, input) };
    }),

  /** The current workspace, the caller's role in it and its time zone (the pages show days and times in it). */
  current: workspaceProcedure
    .output(z.object({ workspaceId: z.string(), role: roleSchema, timeZone: z.string() }))
    .query(({ ctx }) => ({ workspaceId: ctx.workspace.id, role: ctx.workspace.role, timeZone: ctx.workspace.timeZone })),
});
