import { randomInt, randomUUID } from "node:crypto";
import type { Store } from "@/clickhouse/client";
import { listMembers, type MemberRow } from "@/clickhouse/queries/members";
import { findUserByEmail, upsertUser } from "@/clickhouse/queries/users";
import { getMembership, removeMembership, upsertMembership } from "@/clickhouse/queries/workspaces";
import { withWorkspaceConfigLock } from "../workspace-lock";
import { hashPassword } from "./password";
import type { Role } from "./roles";
import { RuleError } from "./rule-error";

/**
 * Members of a workspace: inviting, changing roles, removing. Each change runs
 * under the workspace's config lock, so the last-admin rule holds even when
 * two admins act at once.
 */

// No 0/O, 1/l/I: the password is read off a screen and typed or passed on by hand.
const PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** 4 groups of 4 characters from a 55-character alphabet: about 92 bits, typeable, e.g. `k7Qm-x2Pa-…`. */
export function temporaryPassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(""),
  );
  return groups.join("-");
}

export interface InviteResult {
  userId: string;
  email: string;
  /** A new account was created for this email. */
  created: boolean;
  /** Only for a new account: shown to the inviting admin once, never stored or logged (only its bcrypt hash is). */
  temporaryPassword: string | null;
}

export async function inviteMember(
  store: Store,
  workspaceId: string,
  invite: { email: string; role: Role; name?: string },
): Promise<InviteResult> {
  return withWorkspaceConfigLock(workspaceId, "members", async () => {
    const email = invite.email.toLowerCase();
    const existing = await findUserByEmail(store, email);
    if (existing) {
      const role = (await getMembership(store, workspaceId, existing.user_id))?.role;
      if (role) throw new RuleError("CONFLICT", `${email} is already a member of this workspace (${role}).`);
      await upsertMembership(store, workspaceId, existing.user_id, invite.role);
      return { userId: existing.user_id, email, created: false, temporaryPassword: null };
    }
    const password = temporaryPassword();
    const userId = `user_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
    const name = invite.name?.trim() || email.split("@")[0];
    // The inviting admin saw this password, so it must be replaced at the first sign-in (server/auth/account.ts).
    await upsertUser(store, { userId, email, name, passwordHash: await hashPassword(password), mustChangePassword: true });
    await upsertMembership(store, workspaceId, userId, invite.role);
    return { userId, email, created: true, temporaryPassword: password };
  });
}

function lastAdminMessage(member: MemberRow, doing: string): string {
  return `${member.name || member.email} is the only admin of this workspace, so you cannot ${doing}. Make another member an admin first.`;
}

async function memberAndAdmins(store: Store, workspaceId: string, userId: string) {
  const members = await listMembers(store, workspaceId);
  const member = members.find((m) => m.userId === userId);
  if (!member) throw new RuleError("NOT_FOUND", "This person is not a member of this workspace.");
  return { member, admins: members.filter((m) => m.role === "admin").length };
}

export async function changeMemberRole(store: Store, workspaceId: string, userId: string, role: Role): Promise<void> {
  return withWorkspaceConfigLock(workspaceId, "members", async () => {
    const { member, admins } = await memberAndAdmins(store, workspaceId, userId);
    if (member.role === role) return;
    if (member.role === "admin" && admins <= 1) {
      throw new RuleError("PRECONDITION_FAILED", lastAdminMessage(member, `make them ${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`));
    }
    await upsertMembership(store, workspaceId, userId, role);
  });
}

export async function removeMember(store: Store, workspaceId: string, userId: string): Promise<void> {
  return withWorkspaceConfigLock(workspaceId, "members", async () => {
    const { member, admins } = await memberAndAdmins(store, workspaceId, userId);
    if (member.role === "admin" && admins <= 1) throw new RuleError("PRECONDITION_FAILED", lastAdminMessage(member, "remove them"));
    // The account stays (it may belong to other workspaces); only this membership ends.
    await removeMembership(store, workspaceId, userId);
  });
}
