import type { Store } from "../client";
import { nextVersion } from "../version";

export interface ApiKeyRow {
  keyId: string;
  name: string;
  keyPrefix: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  requests: number;
}

export async function insertApiKey(
  store: Store,
  workspaceId: string,
  key: { keyId: string; name: string; keyHash: string; keyPrefix: string; createdBy: string },
): Promise<void> {
  const now = Date.now();
  await store.insert("api_keys", [
    {
      workspace_id: workspaceId,
      key_id: key.keyId,
      name: key.name,
      key_hash: key.keyHash,
      key_prefix: key.keyPrefix,
      created_by: key.createdBy,
      created_at: now,
      revoked_at: null,
      version: nextVersion(),
      is_deleted: 0,
    },
  ]);
}

/** Keys of the workspace, newest first, with their last use. */
export async function listApiKeys(store: Store, workspaceId: string): Promise<ApiKeyRow[]> {
  const rows = await store.query<{
    key_id: string;
    name: string;
    key_prefix: string;
    created_by: string;
    created_at: string;
    revoked_at: string | null;
    last_used_at: string | null;
    requests: string | null;
  }>(
    `SELECT k.key_id, k.name, k.key_prefix, k.created_by, k.created_at, k.revoked_at,
            u.last_used_at, u.requests
     FROM (
       SELECT key_id, name, key_prefix, created_by, created_at, revoked_at, is_deleted
       FROM api_keys
       WHERE workspace_id = {workspaceId:String}
       ORDER BY version DESC
       LIMIT 1 BY key_id
     ) AS k
     LEFT JOIN (
       SELECT key_id, max(last_used_at) AS last_used_at, sum(requests) AS requests
       FROM api_key_usage
       WHERE workspace_id = {workspaceId:String}
       GROUP BY key_id
     ) AS u ON u.key_id = k.key_id
     WHERE k.is_deleted = 0
     ORDER BY k.created_at DESC
     SETTINGS join_use_nulls = 1`,
    { workspaceId },
    { report: "api-keys:list" },
  );
  return rows.map((r) => ({
    keyId: r.key_id,
    name: r.name,
    keyPrefix: r.key_prefix,
    createdBy: r.created_by,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
    requests: Number(r.requests ?? 0),
  }));
}

/** Marks a key revoked by writing a new version of it. Returns false when the workspace has no such key. */
export async function revokeApiKey(store: Store, workspaceId: string, keyId: string): Promise<boolean> {
  const rows = await store.query<Record<string, unknown> & { is_deleted: number }>(
    `SELECT workspace_id, key_id, name, key_hash, key_prefix, created_by, created_at, revoked_at, is_deleted
     FROM api_keys
     WHERE workspace_id = {workspaceId:String} AND key_id = {keyId:String}
     ORDER BY version DESC
     LIMIT 1`,
    { workspaceId, keyId },
    { report: "api-keys:revoke" },
  );
  const current = rows[0];
  if (!current || Number(current.is_deleted)) return false;
  const now = Date.now();
  await store.insert("api_keys", [{ ...current, revoked_at: current.revoked_at ?? now, version: nextVersion() }]);
  return true;
}

export async function recordApiKeyUse(store: Store, workspaceId: string, keyId: string, requests: number): Promise<void> {
  await store.insert("api_key_usage", [{ workspace_id: workspaceId, key_id: keyId, last_used_at: Date.now(), requests }]);
}
