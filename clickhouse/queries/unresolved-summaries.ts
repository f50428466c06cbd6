import type { Store } from "../client";
import { workspacesWithContacts } from "./contact-totals";
import { refreshConversationGaps } from "./conversation-gaps";
import { mergeReadModels, nextVersion } from "./read-models";
import { refreshWaitBuckets } from "./wait-buckets";

/**
 * The backfill of 0024 and 0047: every workspace's Unresolved summaries (wait_buckets,
 * conversation_gaps) from its stored log, by the refresh that keeps them
 * after each round, then merged once.
 */
export async function rebuildAllUnresolvedSummaries(store: Store, log: (line: string) => void = () => {}) {
  const version = nextVersion();
  // Every wait and conversation is a contact's, so the workspaces with contacts are all there is to rebuild.
  for (const workspaceId of await workspacesWithContacts(store)) {
    const started = performance.now();
    await refreshWaitBuckets(store, workspaceId, { all: true }, version);
    await refreshConversationGaps(store, workspaceId, { all: true });
    log(`unresolved summaries of ${workspaceId} rebuilt in ${Math.round(performance.now() - started)} ms`);
  }
  await mergeReadModels(store, ["wait_buckets", "conversation_gaps"]);
}
