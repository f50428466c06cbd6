import path from "node:path";
import type { Store } from "@/clickhouse/client";
import type { ChatEvent } from "../../events/schema";
import { DurableInbox } from "../durable-inbox";
import { ingestEvents } from "../pipeline";

/** What a webhook delivery leaves in the inbox: one workspace's valid events. */
export interface InboxEntry {
  workspaceId: string;
  events: ChatEvent[];
}

const inboxes = new WeakMap<Store, DurableInbox<InboxEntry>>();

/**
 * Where webhook deliveries wait between the 200 and the event log: inside the
 * embedded store's data directory (it moves and is backed up with the data),
 * or CHATLENS_INBOX_DIR beside a ClickHouse server.
 */
export function webhookInboxDir(store: Store): string {
  if (store.dataDir) return path.join(store.dataDir, "chatlens-webhook-inbox");
  return path.resolve(process.env.CHATLENS_INBOX_DIR ?? path.join(".data", "webhook-inbox"));
}

/**
 * The webhook's inbox for a store. Meta answers a slow webhook by retrying and
 * by sending less, and a busy number sends hundreds of statuses a second, so
 * a delivery is answered once its events are on disk, and the ingestion
 * rounds (duplicate check, insert, read-model refresh) run for everything
 * that arrived meanwhile at once. Ingestion drops events it already has, so a
 * replay after a crash, or Meta's own redelivery, stores nothing twice.
 */
export function webhookInbox(store: Store): DurableInbox<InboxEntry> {
  let inbox = inboxes.get(store);
  if (!inbox) {
    inbox = new DurableInbox<InboxEntry>(webhookInboxDir(store), (entries) => applyDeliveries(store, entries), {
      log: (line) => console.warn(`[whatsapp webhook inbox] ${line}`),
    });
    inboxes.set(store, inbox);
    // Whatever an earlier process accepted and did not apply.
    inbox.start();
  }
  return inbox;
}

async function applyDeliveries(store: Store, entries: readonly InboxEntry[]) {
  const byWorkspace = new Map<string, ChatEvent[]>();
  for (const { workspaceId, events } of entries) {
    const list = byWorkspace.get(workspaceId) ?? [];
    for (const event of events) list.push(event);
    byWorkspace.set(workspaceId, list);
  }
  await Promise.all([...byWorkspace].map(([workspaceId, events]) => ingestEvents(store, workspaceId, events)));
}
