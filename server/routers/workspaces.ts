import { z } from "zod";
import { workspacesOfUser } from "@/clickhouse/queries/users";
import { roleSchema } from "../auth/roles";
import { authedProcedure, router, workspaceProcedure } from "../trpc/init";

const myWorkspace = z.object({ workspaceId: z.string(), name: z.string(), role: roleSchema });

export const workspacesRouter = router({
  /** The workspaces the signed-in person belongs to, for the switcher. */
  mine: authedProcedure.output(z.array(myWorkspace)).query(async ({ ctx }) => {
    const rows = await workspacesOfUser(ctx.store, ctx.userId);
    return rows.filter((r) => roleSchema.safeParse(r.role).success) as z.infer<typeof myWorkspace>[];
  }),

  /** The current workspace, the caller's role in it and its time zone (the pages show days and times in it). */
  current: workspaceProcedure
    .output(z.object({ workspaceId: z.string(), role: roleSchema, timeZone: z.string() }))
    .query(({ ctx }) => ({ workspaceId: ctx.workspace.id, role: ctx.workspace.role, timeZone: ctx.workspace.timeZone })),
});
