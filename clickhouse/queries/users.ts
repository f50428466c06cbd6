import type { Store } from "../client";
import { nextVersion } from "../version";

/**
 * Users are people, not tenants: a user may belong to several workspaces, so
 * these statements are keyed by user, never by workspace, and each says so.
 */

export interface UserRow {
  user_id: string;
  email: string;
  name: string;
  password_hash: string;
  /** Sessions signed in under a lower epoch are over (server/auth/sessions.ts). */
  session_epoch: number;
  /** The password is a temporary one from an invitation. */
  must_change_password: boolean;
}

const USER_COLUMNS = "user_id, email, name, password_hash, session_epoch, must_change_password, is_deleted";
type StoredUser = Omit<UserRow, "session_epoch" | "must_change_password"> & {
  session_epoch: number | string;
  must_change_password: number | string;
  is_deleted: number | string;
};

function liveUser(rows: StoredUser[]): UserRow | null {
  const row = rows.find((r) => !Number(r.is_deleted));
  if (!row) return null;
  const { is_deleted: _deleted, ...user } = row;
  return { ...user, session_epoch: Number(row.session_epoch), must_change_password: Boolean(Number(row.must_change_password)) };
}

export async function findUserByEmail(store: Store, email: string): Promise<UserRow | null> {
  const rows = await store.query<StoredUser>(
    `SELECT ${USER_COLUMNS}
     FROM users
     WHERE email = {email:String}
     ORDER BY version DESC
     LIMIT 1 BY user_id`,
    { email: email.toLowerCase() },
    { report: "users:by-email", tenant: "exempt: sign-in looks a user up by email before any workspace is known" },
  );
  return liveUser(rows);
}

/** The account as it is now, or null when it was removed. */
export async function findUserById(store: Store, userId: string): Promise<UserRow | null> {
  const rows = await store.query<StoredUser>(
    `SELECT ${USER_COLUMNS}
     FROM users
     WHERE user_id = {userId:String}
     ORDER BY version DESC
     LIMIT 1`,
    { userId },
    { report: "users:by-id", tenant: "exempt: a user is a person who may belong to several workspaces" },
  );
  return liveUser(rows);
}

export async function upsertUser(
  store: Store,
  user: { userId: string; email: string; name: string; passwordHash: string; sessionEpoch?: number; mustChangePassword?: boolean },
): Promise<void> {
  await store.insert("users", [
    {
      user_id: user.userId,
      email: user.email.toLowerCase(),
      name: user.name,
      password_hash: user.passwordHash,
      session_epoch: user.sessionEpoch ?? 0,
      must_change_password: user.mustChangePassword ? 1 : 0,
      created_at: Date.now(),
      version: nextVersion(),
      is_deleted: 0,
    },
  ], { report: "users:upsert", tenant: "exempt: a user is a person who may belong to several workspaces" });
}

export interface UserWorkspace {
  workspaceId: string;
  name: string;
  role: string;
}

/** The workspaces a user belongs to, with their role in each. */
export async function workspacesOfUser(store: Store, userId: string): Promise<UserWorkspace[]> {
  return store.query<UserWorkspace>(
    `SELECT m.workspace_id AS workspaceId, w.name AS name, m.role AS role
     FROM (
       SELECT workspace_id, role, is_deleted FROM memberships
       WHERE user_id = {userId:String}
       ORDER BY version DESC LIMIT 1 BY workspace_id
     ) AS m
     INNER JOIN (
       SELECT workspace_id, name, is_deleted FROM workspaces
       WHERE workspace_id IN (SELECT workspace_id FROM memberships WHERE user_id = {userId:String})
       ORDER BY version DESC LIMIT 1 BY workspace_id
     ) AS w ON w.workspace_id = m.workspace_id
     WHERE m.is_deleted = 0 AND w.is_deleted = 0
     ORDER BY name`,
    { userId },
    { report: "users:workspaces", tenant: "exempt: lists the workspaces a signed-in user belongs to" },
  );
}
