import { z } from "zod";

/** Who may do what in a workspace. */
export const ROLES = ["admin", "marketer", "manager", "analyst"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Admins change everything (members, API keys); marketers change segments, tags, attributes, exports. */
export const CAN_EDIT_AUDIENCE: readonly Role[] = ["admin", "marketer"];
export const CAN_ADMINISTER: readonly Role[] = ["admin"];

export function roleAllows(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}
