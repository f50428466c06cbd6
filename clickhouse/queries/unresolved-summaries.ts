import type { Store } from "../client";
import { refreshConversationGaps } from "./conversation-gaps";
import { mergeReadModels, nextVersion } from "./read-models";
import { refreshWaitBuckets } from "./wait-buckets";

/**
 * The backfill of 0024: every workspace's Unresolved summaries (wait_buckets,
 * conversation_gaps) from its stored log, by the refresh that keeps them
 * after each round, then merged once.
 */
export async function rebuildAllUnresolvedSummaries(store: Store, log: (line: string) => void = () => {}) {
  const workspaces = await store.query<{ workspace_id: string }>(`SELECT DISTINCT workspace_id FROM event_buckets`, {}, {
    report: "read-models:unresolved-workspaces",
    tenant: "exempt: the upgrade lists the workspaces of the store to rebuild each one",
  });
  const version = nextVersion();
  for (const { workspace_id: workspaceId } of workspaces) {
    const started = performance.now();
    await refreshWaitBuckets(store, workspaceId, { all: true }, version);
    await refreshConversationGaps(store, workspaceId, { all: true });
    log(`unresolved summaries of ${workspaceId} rebuilt in ${Math.round(performance.now() - started)} ms`);
  }
  await mergeReadModels(store, ["wait_buckets", "conversation_gaps"]);
}
