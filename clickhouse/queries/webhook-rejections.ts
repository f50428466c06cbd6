import type { Store } from "../client";

/** A part of a WhatsApp webhook delivery that was not stored, and why (0013_webhook_rejections.sql). */
export interface WebhookRejection {
  /** Stable across redeliveries of the same part. */
  partId: string;
  /** What a person reads: "message wamid.…", "status wamid.… read". */
  part: string;
  reason: string;
  /** The part as Meta sent it, JSON. */
  payload: string;
}

export interface StoredWebhookRejection extends Omit<WebhookRejection, "partId"> {
  receivedAt: string;
}

/** Longest payload kept: enough to see what was wrong, not a whole media message. */
const MAX_PAYLOAD = 4_000;

export async function insertWebhookRejections(store: Store, workspaceId: string, rejections: readonly WebhookRejection[]): Promise<void> {
  await store.insert(
    "webhook_rejections",
    rejections.map((r) => ({
      workspace_id: workspaceId,
      part_id: r.partId,
      part: r.part,
      reason: r.reason,
      payload: r.payload.slice(0, MAX_PAYLOAD),
    })),
    { report: "webhook-rejections:insert" },
  );
}

/** The latest rejections of the workspace, newest first; a part Meta delivered again is listed once. */
export async function recentWebhookRejections(store: Store, workspaceId: string, limit = 50): Promise<StoredWebhookRejection[]> {
  const rows = await store.query<{ received_at: string; part: string; reason: string; payload: string }>(
    `SELECT received_at, part, reason, payload
     FROM webhook_rejections
     WHERE workspace_id = {workspaceId:String}
     ORDER BY received_at DESC
     LIMIT 1 BY part_id
     LIMIT {limit:UInt32}`,
    { workspaceId, limit },
    { report: "webhook-rejections:recent" },
  );
  return rows.map((r) => ({ receivedAt: r.received_at, part: r.part, reason: r.reason, payload: r.payload }));
}
