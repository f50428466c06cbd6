import type { Store } from "../client";
import { nextVersion } from "../version";
import { DEFAULT_TIME_ZONE } from "../vocabulary/time-zones";

export interface WorkspaceRow {
  workspace_id: string;
  name: string;
  phone_number_id: string;
  /** An IANA name (0018); rows written before it read as 'UTC'. */
  time_zone: string;
}

export async function getWorkspace(store: Store, workspaceId: string): Promise<WorkspaceRow | null> {
  const rows = await store.query<WorkspaceRow & { is_deleted: number }>(
    `SELECT workspace_id, name, phone_number_id, time_zone, is_deleted
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

export interface WorkspaceSettings {
  name: string;
  phoneNumberId?: string;
  /** An IANA name, already checked (timeZoneSchema); UTC when not given. */
  timeZone?: string;
}

/**
 * Writes the whole workspace row: a ReplacingMergeTree keeps the newest row
 * and nothing of the older one, so every column is written every time (a
 * change of one setting goes through updateWorkspace, which keeps the others).
 */
export async function upsertWorkspace(store: Store, workspaceId: string, ws: WorkspaceSettings): Promise<void> {
  await store.insert("workspaces", [
    {
      workspace_id: workspaceId,
      name: ws.name,
      phone_number_id: ws.phoneNumberId ?? "",
      time_zone: ws.timeZone ?? DEFAULT_TIME_ZONE,
      created_at: Date.now(),
      version: nextVersion(),
      is_deleted: 0,
    },
  ], { report: "workspaces:upsert" });
}

/** Changes some settings of an existing workspace and keeps the rest; false when there is no such workspace. */
export async function updateWorkspace(store: Store, workspaceId: string, change: Partial<WorkspaceSettings>): Promise<boolean> {
  const current = await getWorkspace(store, workspaceId);
  if (!current) return false;
  await upsertWorkspace(store, workspaceId, {
    name: change.name ?? current.name,
    phoneNumberId: change.phoneNumberId ?? current.phone_number_id,
    timeZone: change.timeZone ?? current.time_zone,
  });
  return true;
}

/**
 * The member's role and the workspace's time zone, in one read: what the
 * workspace middleware puts into every procedure's context. Null when the
 * user is not (or no longer) a member.
 */
export async function getMembership(
  store: Store,
  workspaceId: string,
  userId: string,
): Promise<{ role: string; timeZone: string } | null> {
  const rows = await store.query<{ role: string; is_deleted: number; time_zone: string }>(
    `SELECT role, is_deleted,
            -- An aggregate, so a workspace without a row still gives one ('', read as UTC).
            (SELECT argMax(time_zone, version) FROM workspaces WHERE workspace_id = {workspaceId:String}) AS time_zone
     FROM memberships
     WHERE workspace_id = {workspaceId:String} AND user_id = {userId:String}
     ORDER BY version DESC
     LIMIT 1`,
    { workspaceId, userId },
    { report: "workspaces:membership" },
  );
  const row = rows[0];
  return row && !Number(row.is_deleted) ? { role: row.role, timeZone: row.time_zone || DEFAULT_TIME_ZONE } : null;
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
