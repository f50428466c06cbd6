import type { Store } from "../client";
import { nextVersion } from "../version";

export interface WorkspaceRow {
  workspace_id: string;
  name: string;
  phone_number_id: string;
}

export async function getWorkspace(store: Store, workspaceId: string): Promise<WorkspaceRow | null> {
  const rows = await store.query<WorkspaceRow & { is_deleted: number }>(
    `SELECT workspace_id, name, phone_number_id, is_deleted
     FROM workspaces
     WHERE workspace_id = {workspaceId:String}
     ORDER BY version DESC
     LIMIT 1`,
    { workspaceId },
    { report: "workspaces:get" },
  );
  const row = rows[0];
  return row && !Number(row.is_deleted) ? row : null;
}

export async function upsertWorkspace(
  store: Store,
  workspaceId: string,
  ws: { name: string; phoneNumberId?: string },
): Promise<void> {
  await store.insert("workspaces", [
    {
      workspace_id: workspaceId,
      name: ws.name,
      phone_number_id: ws.phoneNumberId ?? "",
      created_at: Date.now(),
      version: nextVersion(),
      is_deleted: 0,
    },
  ], { report: "workspaces:upsert" });
}

/** The member's role, or null when the user is not (or no longer) a member. */
export async function getMemberRole(store: Store, workspaceId: string, userId: string): Promise<string | null> {
  const rows = await store.query<{ role: string; is_deleted: number }>(
    `SELECT role, is_deleted
     FROM memberships
     WHERE workspace_id = {workspaceId:String} AND user_id = {userId:String}
     ORDER BY version DESC
     LIMIT 1`,
    { workspaceId, userId },
    { report: "workspaces:member-role" },
  );
  const row = rows[0];
  return row && !Number(row.is_deleted) ? row.role : null;
}

export async function upsertMembership(store: Store, workspaceId: string, userId: string, role: string): Promise<void> {
  await store.insert("memberships", [
    { workspace_id: workspaceId, user_id: userId, role, created_at: Date.now(), version: nextVersion(), is_deleted: 0 },
  ], { report: "workspaces:upsert-membership" });
}

export async function removeMembership(store: Store, workspaceId: string, userId: string): Promise<void> {
  await store.insert("memberships", [
    { workspace_id: workspaceId, user_id: userId, role: "", created_at: Date.now(), version: nextVersion(), is_deleted: 1 },
  ], { report: "workspaces:remove-membership" });
}
