import { z } from "zod";
import { listMembers } from "@/clickhouse/queries/members";
import { changeMemberRole, inviteMember, removeMember } from "../auth/members";
import { CAN_ADMINISTER, roleSchema } from "../auth/roles";
import { inviteInput, memberInput, memberRole } from "../schemas/members";
import { router, workspaceProcedure, workspaceProcedureFor } from "../trpc/init";

/**
 * Manage → Members. Every member sees who else is in the workspace (as in
 * most team tools, and like the read-only WhatsApp settings); only admins
 * invite, change roles or remove.
 */

const member = z.object({ userId: z.string(), email: z.string(), name: z.string(), role: z.string(), since: z.string() });

export const membersRouter = router({
  list: workspaceProcedure.output(z.array(member)).query(({ ctx }) => listMembers(ctx.store, ctx.workspace.id)),

  /** An existing account is added; a new email gets an account with a temporary password, returned this once. */
  invite: workspaceProcedureFor(CAN_ADMINISTER)
    .input(inviteInput)
    .output(z.object({ userId: z.string(), email: z.string(), created: z.boolean(), temporaryPassword: z.string().nullable() }))
    .mutation(({ ctx, input }) => inviteMember(ctx.store, ctx.workspace.id, input)),

  changeRole: workspaceProcedureFor(CAN_ADMINISTER)
    .input(memberInput.extend({ role: memberRole }))
    .output(z.object({ userId: z.string(), role: roleSchema }))
    .mutation(async ({ ctx, input }) => {
      await changeMemberRole(ctx.store, ctx.workspace.id, input.userId, input.role);
      return { userId: input.userId, role: input.role };
    }),

  remove: workspaceProcedureFor(CAN_ADMINISTER)
    .input(memberInput)
    .output(z.object({ removed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await removeMember(ctx.store, ctx.workspace.id, input.userId);
      return { removed: true as const };
    }),
});
