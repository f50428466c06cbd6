import { z } from "zod";
import { roleSchema } from "../auth/roles";

/** Manage → Members: what inviting and changing a member take (server/routers/members.ts; the invite form too). */

export const memberRole = z.enum(roleSchema.options, { message: "choose a role: admin, marketer, manager or analyst" });

export const inviteInput = z.object({
  email: z
    .string()
    .trim()
    .pipe(z.email({ message: "enter an email address, like name@company.com" }))
    .transform((e) => e.toLowerCase()),
  role: memberRole,
  name: z.string().trim().max(100, "a name has at most 100 characters").optional(),
});

export const memberInput = z.object({ userId: z.string().min(1, "choose a member").max(64) });
