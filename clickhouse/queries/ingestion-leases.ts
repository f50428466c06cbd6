import { createHash } from "node:crypto";
import type { Store } from "../client";

/** A workspace's latest lease claim (0033); an empty owner is a lease given back. */
export interface LeaseClaim {
  epoch: number;
  owner: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export async function latestLeaseClaim(store: Store, workspaceId: string): Promise<LeaseClaim | null> {
  const [row] = await store.query<{ epoch: string; owner: string; expires_at: string }>(
    `SELECT epoch, owner, toUnixTimestamp64Milli(expires_at) AS expires_at
     FROM ingestion_leases
     WHERE workspace_id = {workspaceId:String}
     ORDER BY epoch DESC
     LIMIT 1`,
    { workspaceId },
    { report: "ingestion:lease" },
  );
  return row ? { epoch: Number(row.epoch), owner: row.owner, expiresAt: Number(row.expires_at) } : null;
}

/**
 * Claims `epoch` of the workspace's lease for `owner` until `expiresAt`; true
 * when this claim is the one stored. Of several claims of one epoch the server
 * keeps the first (the insert's deduplication token), so the claimant reads
 * back whose it is.
 */
export async function claimLease(store: Store, workspaceId: string, epoch: number, owner: string, expiresAt: number): Promise<boolean> {
  // The token goes into the statement's text: made of a hash and a number only.
  const token = `lease:${createHash("sha1").update(workspaceId).digest("hex")}:${epoch}`;
  await store.command(
    `INSERT INTO ingestion_leases (workspace_id, epoch, owner, expires_at)
     SETTINGS insert_deduplication_token = '${token}', distributed_foreground_insert = 1
     SELECT {workspaceId:String}, {epoch:UInt64}, {owner:String}, fromUnixTimestamp64Milli({expiresAt:Int64}, 'UTC')`,
    { workspaceId, epoch, owner, expiresAt },
    { report: "ingestion:lease-claim" },
  );
  const [row] = await store.query<{ owner: string }>(
    `SELECT owner FROM ingestion_leases WHERE workspace_id = {workspaceId:String} AND epoch = {epoch:UInt64} LIMIT 1`,
    { workspaceId, epoch },
    { report: "ingestion:lease" },
  );
  return row?.owner === owner;
}
