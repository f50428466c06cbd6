import type { Store } from "../client";

/**
 * Finding the workspace of a presented key (or of a webhook's phone number) is
 * the lookup that cannot know the workspace yet: the key is what names it. Both
 * statements say so where they are written.
 */

export async function findActiveApiKey(
  store: Store,
  keyHash: string,
): Promise<{ workspaceId: string; keyId: string } | null> {
  const rows = await store.query<{ workspace_id: string; key_id: string; key_hash: string; revoked_at: string | null; is_deleted: number }>(
    `SELECT workspace_id, key_id, key_hash, revoked_at, is_deleted
     FROM api_keys
     WHERE key_id IN (SELECT key_id FROM api_keys WHERE key_hash = {keyHash:String})
     ORDER BY version DESC
     LIMIT 1 BY workspace_id, key_id`,
    { keyHash },
    { report: "api-key-auth:by-hash", tenant: "exempt: an API key is looked up by its hash to find its workspace" },
  );
  const key = rows.find((r) => r.key_hash === keyHash && !Number(r.is_deleted) && r.revoked_at === null);
  return key ? { workspaceId: key.workspace_id, keyId: key.key_id } : null;
}

/** The workspace whose WhatsApp phone number id this is (set in Manage). */
export async function findWorkspaceByPhoneNumberId(store: Store, phoneNumberId: string): Promise<string | null> {
  const rows = await store.query<{ workspace_id: string; phone_number_id: string; is_deleted: number }>(
    `SELECT workspace_id, phone_number_id, is_deleted
     FROM workspaces
     WHERE workspace_id IN (SELECT workspace_id FROM workspaces WHERE phone_number_id = {phoneNumberId:String})
     ORDER BY version DESC
     LIMIT 1 BY workspace_id`,
    { phoneNumberId },
    { report: "api-key-auth:by-phone-number-id", tenant: "exempt: a webhook delivery names its workspace by the phone number id" },
  );
  const ws = rows.find((r) => r.phone_number_id === phoneNumberId && !Number(r.is_deleted));
  return ws?.workspace_id ?? null;
}
