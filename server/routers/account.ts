import { z } from "zod";
import { changePassword } from "../auth/account";
import { changePasswordInput } from "../schemas/account";
import { issueSessionCookie, serializeCookie } from "../auth/session-cookie";
import { accountProcedure, router } from "../trpc/init";

/** The signed-in person's own account: open to an account that must still replace a temporary password. */

export const accountRouter = router({
  /** Every other session of the account ends; this browser gets a new session cookie (over HTTP). */
  changePassword: accountProcedure
    .input(changePasswordInput)
    .output(z.object({ otherSessionsEnded: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const user = await changePassword(ctx.store, ctx.userId, { current: input.currentPassword, next: input.newPassword });
      ctx.setCookie?.(serializeCookie(await issueSessionCookie(user)));
      return { otherSessionsEnded: true as const };
    }),
});
