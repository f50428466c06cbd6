import { z } from "zod";
import { newPasswordSchema } from "../auth/password-rules";

/** The signed-in person's own account (server/routers/account.ts; the password form too). */

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, "enter your current password.").max(1024),
  newPassword: newPasswordSchema,
});
