import { createHash, randomBytes } from "node:crypto";
import type { Store } from "@/clickhouse/client";
import { findActiveApiKey } from "@/clickhouse/queries/api-key-auth";
import { insertApiKey, recordApiKeyUse } from "@/clickhouse/queries/api-keys";

/**
 * API keys look like `clk_<key id>_<secret>`. Only a SHA-256 of the whole key
 * is stored (keys are long random strings, so a slow hash adds nothing) and
 * the key is shown once, when it is created.
 */
export function hashApiKey(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createApiKey(store: Store, workspaceId: string, name: string, createdBy: string) {
  const keyId = randomBytes(6).toString("hex");
  const token = `clk_${keyId}_${randomBytes(24).toString("base64url")}`;
  await insertApiKey(store, workspaceId, { keyId, name, keyHash: hashApiKey(token), keyPrefix: token.slice(0, 20), createdBy });
  return { keyId, token };
}

/** Registers a key chosen by the operator (CHATLENS_DEMO_API_KEY), once: the same key gives the same key id. */
export async function registerApiKey(store: Store, workspaceId: string, token: string, name: string) {
  const keyHash = hashApiKey(token);
  if (await findActiveApiKey(store, keyHash)) return;
  await insertApiKey(store, workspaceId, { keyId: `env_${keyHash.slice(0, 12)}`, name, keyHash, keyPrefix: token.slice(0, 8), createdBy: "environment" });
}

/** How often a busy key's use is written: "last used" is shown to the minute. */
const USE_WRITE_EVERY_MS = 60_000;
/** Uses not written yet, per key id. */
const pendingUse = new Map<string, { workspaceId: string; keyId: string; requests: number }>();
/** When this process last wrote each key's use. */
const useWrittenAt = new Map<string, number>();
let flushTimer: NodeJS.Timeout | undefined;

/**
 * The workspace of a bearer token, or null. Records the use: a key not written
 * within the last minute at once (so "last used" is right for a key just tried
 * out), a busy key's further uses once a minute, summed.
 */
export async function authenticateApiKey(store: Store, authorization: string | null) {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!token) return null;
  const key = await findActiveApiKey(store, hashApiKey(token));
  if (!key) return null;
  const pending = pendingUse.get(key.keyId) ?? { ...key, requests: 0 };
  pending.requests++;
  pendingUse.set(key.keyId, pending);
  const writtenAt = useWrittenAt.get(key.keyId);
  if (writtenAt === undefined || Date.now() - writtenAt >= USE_WRITE_EVERY_MS) void flushApiKeyUse(store, [key.keyId]);
  flushTimer ??= setTimeout(() => {
    flushTimer = undefined;
    void flushApiKeyUse(store);
  }, USE_WRITE_EVERY_MS).unref();
  return key;
}

/** Writes the uses not written yet: of these keys, or of every key. */
export async function flushApiKeyUse(store: Store, keyIds: readonly string[] = [...pendingUse.keys()]) {
  for (const keyId of keyIds) {
    const u = pendingUse.get(keyId);
    if (!u) continue;
    pendingUse.delete(keyId);
    useWrittenAt.set(keyId, Date.now());
    await recordApiKeyUse(store, u.workspaceId, u.keyId, u.requests).catch((err) => console.error("recording API key use failed:", err));
  }
}
