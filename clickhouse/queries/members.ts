import type { Store } from "../client";

export interface MemberRow {
  userId: string;
  email: string;
  name: string;
  role: string;
  /** When the membership's current version was written: the invitation, or the last role change. */
  since: string;
}

/**
 * The members of a workspace with who they are. Users span workspaces, so the
 * users side is narrowed to this workspace's memberships before the join.
 * Memberships are written with upsertMembership / removeMembership
 * (clickhouse/queries/workspaces.ts), which the workspace middleware reads.
 */
export async function listMembers(store: Store, workspaceId: string): Promise<MemberRow[]> {
  return store.query<MemberRow>(
    `SELECT m.user_id AS userId, u.email AS email, u.name AS name, m.role AS role, toString(m.created_at) AS since
     FROM (
       SELECT user_id, role, created_at, is_deleted
       FROM memberships
       WHERE workspace_id = {workspaceId:String}
       ORDER BY version DESC
       LIMIT 1 BY user_id
     ) AS m
     INNER JOIN (
       SELECT user_id, email, name, is_deleted
       FROM users
       WHERE user_id IN (SELECT user_id FROM memberships WHERE workspace_id = {workspaceId:String})
       ORDER BY version DESC
       LIMIT 1 BY user_id
     ) AS u ON u.user_id = m.user_id
     WHERE m.is_deleted = 0 AND u.is_deleted = 0
     ORDER BY email`,
    { workspaceId },
    { report: "members:list" },
  );
}
