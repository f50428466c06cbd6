import { z } from "zod";
import { availableTimeZones } from "@/clickhouse/queries/time-zones";
import { requireAvailableZone } from "./available-zone";
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

  /** The zones a workspace may take (IANA names and UTC), for the pickers; the list create and setTimeZone check against. */
  timeZones: authedProcedure.output(z.array(z.string())).query(async ({ ctx }) => [...(await availableTimeZones(ctx.store))]),

  /** A new workspace, its creator its admin; the form offers the creator's browser zone. */
  create: authedProcedure
    .input(workspaceCreateInput)
    .output(z.object({ workspaceId: z.string() }))
    .mutation(async ({ ctx, input }) => {
      await requireAvailableZone(ctx.store, input.timeZone);
      return { workspaceId: await createWorkspace(ctx.store, ctx.userId, input) };
    }),

  /** The current workspace, the caller's role in it and its time zone (the pages show days and times in it). */
  current: workspaceProcedure
    .output(z.object({ workspaceId: z.string(), role: roleSchema, timeZone: z.string() }))
    .query(({ ctx }) => ({ workspaceId: ctx.workspace.id, role: ctx.workspace.role, timeZone: ctx.workspace.timeZone })),
});
