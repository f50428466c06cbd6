import type { Store } from "@/clickhouse/client";
import {
  campaignsOfMessages,
  contactsWithInbound,
  existingEventIds,
  insertEventRows,
} from "@/clickhouse/queries/ingestion";
import { listTagDefinitions } from "@/clickhouse/queries/tags";
import { matchFirstMessageTag } from "../domain/chat-profile";
import type { ChatEvent } from "../events/schema";
import { toEventRow, type EventRow } from "./rows";

export interface IngestResult {
  /** New events written (derived ones, such as first-message tags, not included). */
  stored: number;
  /** Events whose event_id the workspace already had, in the store or earlier in the batch. */
  duplicates: number;
}

const INSERT_CHUNK = 50_000;

// Check-then-insert must not interleave for one workspace, or two copies of a
// retried batch could both pass the duplicate check.
const locks = new Map<string, Promise<unknown>>();

async function withWorkspaceLock<T>(workspaceId: string, fn: () => Promise<T>): Promise<T> {
  const previous = locks.get(workspaceId) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.catch(() => undefined);
  locks.set(workspaceId, tail);
  try {
    return await run;
  } finally {
    if (locks.get(workspaceId) === tail) locks.delete(workspaceId);
  }
}

/**
 * Stores validated events of one workspace: drops duplicates, enriches (status
 * and reply → campaign, first inbound message → first-message tag) and
 * appends to the event log. When it resolves, every event is on disk.
 */
export function ingestEvents(store: Store, workspaceId: string, events: readonly ChatEvent[]): Promise<IngestResult> {
  return withWorkspaceLock(workspaceId, async () => {
    const seen = new Set<string>();
    const unique = events.filter((e) => !seen.has(e.event_id) && seen.add(e.event_id));
    const already = await existingEventIds(store, workspaceId, [...seen]);
    const fresh = unique.filter((e) => !already.has(e.event_id));

    const rows = await enrich(store, workspaceId, fresh);
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await insertEventRows(store, workspaceId, rows.slice(i, i + INSERT_CHUNK));
    }
    return { stored: fresh.length, duplicates: events.length - fresh.length };
  });
}

async function enrich(store: Store, workspaceId: string, events: ChatEvent[]): Promise<EventRow[]> {
  const rows = events.map((e) => toEventRow(workspaceId, e));

  // Statuses and replies name a WhatsApp message; tie them to its campaign.
  const batchCampaigns = new Map<string, string>();
  for (const e of events) {
    if (e.type === "message.outbound" && e.wamid && e.campaign_id) batchCampaigns.set(e.wamid, e.campaign_id);
  }
  const lookups = new Set<string>();
  for (const e of events) {
    const ref = e.type === "message.status" && !e.campaign_id ? e.wamid : e.type === "message.inbound" ? e.context_wamid : undefined;
    if (ref && !batchCampaigns.has(ref)) lookups.add(ref);
  }
  const storedCampaigns = await campaignsOfMessages(store, workspaceId, [...lookups]);
  events.forEach((e, i) => {
    const ref = e.type === "message.status" ? e.wamid : e.type === "message.inbound" ? e.context_wamid : undefined;
    if (!ref || rows[i].campaign_id) return;
    rows[i].campaign_id = batchCampaigns.get(ref) ?? storedCampaigns.get(ref) ?? "";
  });

  rows.push(...(await firstMessageTags(store, workspaceId, events, rows)));
  return rows;
}

/** Marks each contact's first inbound message and adds the first-message tag it matches, as an automated tag event. */
async function firstMessageTags(store: Store, workspaceId: string, events: ChatEvent[], rows: EventRow[]): Promise<EventRow[]> {
  const firstInBatch = new Map<string, number>();
  events.forEach((e, i) => {
    if (e.type !== "message.inbound") return;
    const current = firstInBatch.get(e.contact);
    if (current === undefined || Date.parse(e.ts) < Date.parse((events[current] as { ts: string }).ts)) {
      firstInBatch.set(e.contact, i);
    }
  });
  if (firstInBatch.size === 0) return [];
  const known = await contactsWithInbound(store, workspaceId, [...firstInBatch.keys()]);
  const tags = (await listTagDefinitions(store, workspaceId)).filter((t) => t.firstMessageText && !t.archived);
  const derived: EventRow[] = [];
  for (const [contact, i] of firstInBatch) {
    if (known.has(contact)) continue;
    const first = events[i] as Extract<ChatEvent, { type: "message.inbound" }>;
    rows[i].payload = JSON.stringify({ ...JSON.parse(rows[i].payload), first: true });
    const tag = first.text ? matchFirstMessageTag(first.text, tags) : null;
    if (!tag) continue;
    derived.push(
      toEventRow(workspaceId, {
        // Derived from the message's id, so a replay of the message can't add it twice.
        event_id: `${first.event_id}:first-message-tag`,
        type: "tag.added",
        contact,
        ts: first.ts,
        tag,
        kind: "automated",
        origin: "first_message",
        actor: { kind: "system", id: "first-message-matcher" },
      }),
    );
  }
  return derived;
}
