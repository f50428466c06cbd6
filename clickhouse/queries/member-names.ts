import type { Store } from "../client";

/**
 * A member's display name, for the actor of the events their actions write.
 * Only members of the workspace are found: users span workspaces, so the
 * membership list scopes the lookup to the tenant.
 */
export async function memberName(store: Store, workspaceId: string, userId: string): Promise<string | null> {
  const rows = await store.query<{ name: string; email: string }>(
    `SELECT name, email
     FROM users
     WHERE user_id = {userId:String}
       AND user_id IN (SELECT user_id FROM memberships WHERE workspace_id = {workspaceId:String} AND user_id = {userId:String})
     ORDER BY version DESC
     LIMIT 1`,
    { workspaceId, userId },
    { report: "member-names:name" },
  );
  const row = rows[0];
  return row ? row.name || row.email : null;
}
