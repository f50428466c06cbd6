import type { Store } from "../client";
import { DEFAULT_KEYWORDS, type OptOutKeywords } from "../vocabulary/opt-outs";
import { nextVersion } from "./read-models";

export interface WorkspaceOptKeywords extends OptOutKeywords {
  /** False while the workspace uses the defaults. */
  custom: boolean;
  updatedBy: string;
  updatedAt: string | null;
}

/** The workspace's opt-out and opt-in keywords: its latest saved lists, else the defaults. */
export async function getOptKeywords(store: Store, workspaceId: string): Promise<WorkspaceOptKeywords> {
  const [r] = await store.query<{ opt_out: string[]; opt_in: string[]; updated_by: string; updated_at: string; is_deleted: number }>(
    `SELECT opt_out, opt_in, updated_by, updated_at, is_deleted
     FROM opt_out_keywords
     WHERE workspace_id = {workspaceId:String}
     ORDER BY version DESC
     LIMIT 1`,
    { workspaceId },
    { report: "opt-outs:keywords" },
  );
  if (!r || Number(r.is_deleted)) return { ...DEFAULT_KEYWORDS, custom: false, updatedBy: "", updatedAt: null };
  return { optOut: r.opt_out, optIn: r.opt_in, custom: true, updatedBy: r.updated_by, updatedAt: `${r.updated_at.replace(" ", "T")}Z` };
}

/**
 * The keywords ingestion judges a round's replies by: read once per workspace
 * and kept for 30 seconds, so a busy number's rounds do not each read them.
 * A change saved through this process applies to the next round at once; one
 * saved through another server of the same store, within 30 seconds.
 */
const CACHE_MS = 30_000;
const cached = new WeakMap<Store, Map<string, { at: number; keywords: Promise<OptOutKeywords> }>>();

export function keywordsForIngestion(store: Store, workspaceId: string): Promise<OptOutKeywords> {
  let byWorkspace = cached.get(store);
  if (!byWorkspace) cached.set(store, (byWorkspace = new Map()));
  const hit = byWorkspace.get(workspaceId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.keywords;
  const keywords = getOptKeywords(store, workspaceId);
  byWorkspace.set(workspaceId, { at: Date.now(), keywords });
  // A failed read is not remembered.
  keywords.catch(() => byWorkspace.delete(workspaceId));
  return keywords;
}

/** Saves new lists; `null` goes back to the defaults. They apply to messages ingested from now on. */
export async function setOptKeywords(store: Store, workspaceId: string, lists: OptOutKeywords | null, updatedBy: string): Promise<void> {
  cached.get(store)?.delete(workspaceId);
  await store.insert(
    "opt_out_keywords",
    [
      {
        workspace_id: workspaceId,
        opt_out: lists?.optOut ?? [],
        opt_in: lists?.optIn ?? [],
        updated_by: updatedBy,
        updated_at: Date.now(),
        version: nextVersion(),
        is_deleted: lists ? 0 : 1,
      },
    ],
    { report: "opt-outs:set-keywords" },
  );
  cached.get(store)?.delete(workspaceId);
}
