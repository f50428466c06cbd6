import type { Store } from "@/clickhouse/client";
import {
  campaignsOfMessages,
  contactsWithInbound,
  existingEventIds,
  insertEventRows,
} from "@/clickhouse/queries/ingestion";
import { mergeScopes, rebuildReadModels, refreshReadModels, touchedScope, type RefreshScope, type TouchingRow } from "@/clickhouse/queries/read-models";
import { linkEarlierStatuses } from "@/clickhouse/queries/status-links";
import { repairCampaignStats } from "@/clickhouse/queries/campaign-stats-repair";
import { repairContactTotal, workspacesWithContacts } from "@/clickhouse/queries/contact-totals";
import { toClickHouseTime } from "@/clickhouse/time";
import { listTagDefinitions } from "@/clickhouse/queries/tags";
import { keywordsForIngestion } from "@/clickhouse/queries/opt-out-keywords";
import { broadcastTag } from "@/clickhouse/vocabulary/broadcast-tag";
import { broadcastTagEventId, firstMessageTagEventId } from "@/clickhouse/vocabulary/derived-events";
import { matchFirstMessageTag } from "../domain/chat-profile";
import type { ChatEvent } from "../events/schema";
import { mayBeKeyword, optRowOf } from "./opt-outs";
import { EVENT_COLUMNS, encodeEventRows, toEventRow, type EventRow } from "./rows";
import { wellFormedEvent } from "./well-formed";
import { writeLeasesOf } from "./write-lease";

export interface IngestResult {
  /** New events written (derived ones, such as first-message tags, not included). */
  stored: number;
  /** Events whose event_id the workspace already had, in the store or earlier in the batch. */
  duplicates: number;
}

/** Rows per INSERT: bounds the size of one TabSeparated body (~0.5 KB a row). */
const INSERT_CHUNK = 100_000;
/**
 * Batches waiting for the same workspace are stored together up to this many
 * events: one duplicate check, one set of lookups and one INSERT (so one set
 * of new parts) for all of them, instead of one each.
 */
const MAX_GROUP_EVENTS = 100_000;

/** A batch's answer: its counts, and which of its event ids it stored. */
export interface BatchOutcome {
  result: IngestResult;
  storedIds: Set<string>;
}

interface Waiting {
  /** One caller's batches, judged one after another (one batch, but for ingestBatchesWithIds). */
  batches: ReadonlyArray<readonly ChatEvent[]>;
  /** How many events the batches hold, for the group's size. */
  size: number;
  /** The batches' outcomes once they are on disk, and the refresh of the read models that follows them. */
  stored: (outcomes: BatchOutcome[], refreshed: Promise<void>) => void;
  reject: (err: unknown) => void;
}

// Check-then-insert must not interleave for one workspace, or two copies of a
// retried batch could both pass the duplicate check. So each workspace has one
// writer at a time, and what arrives meanwhile queues for its next round.
const queues = new WeakMap<Store, Map<string, Waiting[]>>();

/**
 * Stores validated events of one workspace: drops duplicates, enriches (status
 * and reply → campaign, first inbound message → first-message tag, a keyword
 * reply or error 131050 → opt-out or opt-in) and
 * appends to the event log. When it resolves, every event is on disk.
 */
export async function ingestEvents(store: Store, workspaceId: string, events: readonly ChatEvent[]): Promise<IngestResult> {
  return (await ingestEventsWithIds(store, workspaceId, events)).result;
}

/** ingestEvents, also telling which event ids this call stored (the CSV import reports contacts by it). */
export async function ingestEventsWithIds(store: Store, workspaceId: string, events: readonly ChatEvent[]): Promise<BatchOutcome> {
  const { outcomes, refreshed } = await ingestBatchesWithIds(store, workspaceId, [events]);
  await refreshed;
  return outcomes[0];
}

/**
 * Several batches stored in one round (one duplicate check, one INSERT, one
 * refresh), each answered as if stored after the ones before it: a big import
 * keeps its batches' answers while paying for its rounds once. It resolves as
 * soon as the events are on disk, so the caller can go on with its next round
 * while the read models follow this one (`refreshed`, which the caller must
 * await before it tells anyone the events are stored: a screen never shows
 * less than an answer said).
 */
export function ingestBatchesWithIds(
  store: Store,
  workspaceId: string,
  batches: ReadonlyArray<readonly ChatEvent[]>,
): Promise<{ outcomes: BatchOutcome[]; refreshed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const stored = (outcomes: BatchOutcome[], refreshed: Promise<void>) => resolve({ outcomes, refreshed });
    const waiting: Waiting = { batches, size: batches.reduce((n, b) => n + b.length, 0), stored, reject };
    let byWorkspace = queues.get(store);
    if (!byWorkspace) queues.set(store, (byWorkspace = new Map()));
    const queue = byWorkspace.get(workspaceId);
    if (queue) {
      queue.push(waiting);
      return;
    }
    const fresh: Waiting[] = [waiting];
    byWorkspace.set(workspaceId, fresh);
    void drain(store, workspaceId, fresh, byWorkspace);
  });
}

async function drain(store: Store, workspaceId: string, queue: Waiting[], byWorkspace: Map<string, Waiting[]>) {
  while (queue.length) {
    // A round is stored while the previous one's refresh runs, never further
    // ahead: what arrives meanwhile waits and joins one bigger round, as a round
    // costs about the same in statements, parts and merges whatever its size.
    await refreshStarted(store, workspaceId);
    try {
      // On a server other app instances may write the workspace too: each round runs under its lease.
      await writeLeasesOf(store)?.hold(workspaceId);
    } catch (err) {
      queue.splice(0).forEach((w) => w.reject(err));
      break;
    }
    const group: Waiting[] = [queue.shift()!];
    let size = group[0].size;
    while (queue.length && size + queue[0].size <= MAX_GROUP_EVENTS) {
      size += queue[0].size;
      group.push(queue.shift()!);
    }
    try {
      acknowledge(store, workspaceId, group, await storeGroup(store, workspaceId, group.flatMap((w) => w.batches)));
    } catch (err) {
      if (group.length === 1) {
        // Nothing of a failed batch is acknowledged; a retry is deduplicated against whatever did get written.
        group[0].reject(err);
        continue;
      }
      // One batch may have failed the round for all: each is stored on its own
      // again, so a failure is answered to the batch that causes it. What the
      // failed round did write is found as duplicates, so nothing is stored twice.
      for (const w of group) {
        try {
          acknowledge(store, workspaceId, [w], await storeGroup(store, workspaceId, w.batches));
        } catch (own) {
          w.reject(own);
        }
      }
    }
  }
  byWorkspace.delete(workspaceId);
  releaseWhenIdle(store, workspaceId);
}

/** Gives the workspace's write lease back once neither its rounds nor their refreshes have anything left to do. */
function releaseWhenIdle(store: Store, workspaceId: string) {
  const leases = writeLeasesOf(store);
  if (!leases || queues.get(store)?.has(workspaceId) || refreshQueues.get(store)?.has(workspaceId)) return;
  void leases.release(workspaceId).catch((err) => console.error(`[chatlens] giving back the write lease of ${workspaceId} failed:`, err));
}

/**
 * Hands the batches of a stored round their outcomes with the refresh of the
 * read models that follows it (ingestEventsWithIds answers once it is done, so
 * a screen never shows less than an answer said was stored). The next round's
 * lookups and insert go ahead meanwhile.
 */
function acknowledge(
  store: Store,
  workspaceId: string,
  group: readonly Waiting[],
  { outcomes, scope }: Awaited<ReturnType<typeof storeGroup>>,
) {
  const refreshed = afterRefresh(store, workspaceId, scope);
  // Each caller is told of a failure through its own await of `refreshed`, not as an unhandled rejection.
  refreshed.catch(() => {});
  // The outcomes are the group's batches in order: each caller takes as many as it sent.
  let at = 0;
  for (const w of group) w.stored(outcomes.slice(at, (at += w.batches.length)), refreshed);
}

interface RefreshQueue {
  running: boolean;
  /** Rounds waiting for the next refresh to start (refreshStarted). */
  started: Array<() => void>;
  /**
   * What the next refresh covers: the scopes of every round stored since the running one began,
   * and whether it first puts campaign_stats and the contact total right (campaign-stats-repair.ts, contact-totals.ts).
   */
  next: { scope: RefreshScope | null; repair: boolean; waiting: Array<{ resolve: () => void; reject: (err: unknown) => void }> } | null;
}

// Each workspace has one read-model refresh at a time, so versions and
// campaign_stats' differences follow the rounds' order. Rounds stored while
// one runs share the next: a refresh costs about the same for one round as for
// several (each statement writes a part to each table, which merges rewrite),
// so under load the work per event falls instead of queueing up.
const refreshQueues = new WeakMap<Store, Map<string, RefreshQueue>>();

// Workspaces whose last refresh failed: it may have written recipients rows and
// not their counts, so their next refresh puts campaign_stats (and the contact total) right first.
const failedRefreshes = new WeakMap<Store, Set<string>>();

/**
 * Resolves once a refresh that started after this call has covered `scope`
 * (null: after the refreshes before it), having first put campaign_stats and the contact total right
 * when `repair` says so or the workspace's last refresh failed.
 */
function afterRefresh(store: Store, workspaceId: string, scope: RefreshScope | null, repair = false): Promise<void> {
  let queues = refreshQueues.get(store);
  if (!queues) refreshQueues.set(store, (queues = new Map()));
  let queue = queues.get(workspaceId);
  if (!queue) queues.set(workspaceId, (queue = { running: false, started: [], next: null }));
  const failedBefore = failedRefreshes.get(store)?.delete(workspaceId) ?? false;
  const pending = (queue.next ??= { scope: null, repair: false, waiting: [] });
  pending.scope = mergeScopes(pending.scope, scope);
  pending.repair ||= repair || failedBefore;
  const done = new Promise<void>((resolve, reject) => pending.waiting.push({ resolve, reject }));
  if (!queue.running) void runRefreshes(store, workspaceId, queue, queues);
  return done;
}

async function runRefreshes(store: Store, workspaceId: string, queue: RefreshQueue, queues: Map<string, RefreshQueue>) {
  queue.running = true;
  while (queue.next) {
    const { scope, repair, waiting } = queue.next;
    queue.next = null;
    queue.started.splice(0).forEach((go) => go());
    try {
      await writeLeasesOf(store)?.hold(workspaceId);
      if (repair) {
        await repairCampaignStats(store, workspaceId);
        await repairContactTotal(store, workspaceId);
      }
      // A whole workspace (the end of a bulk load) is rebuilt and merged once; a round's scope is refreshed.
      if (scope?.all) await rebuildReadModels(store, [workspaceId]);
      else if (scope) await refreshReadModels(store, workspaceId, scope);
      waiting.forEach((w) => w.resolve());
    } catch (err) {
      let failed = failedRefreshes.get(store);
      if (!failed) failedRefreshes.set(store, (failed = new Set()));
      failed.add(workspaceId);
      waiting.forEach((w) => w.reject(err));
    }
  }
  queue.running = false;
  queues.delete(workspaceId);
  releaseWhenIdle(store, workspaceId);
}

/**
 * Puts every workspace's campaign_stats and contact total right, each in its
 * refresh queue: a start does this once, since the process before it may have
 * stopped between a round's rows and their counts.
 */
export async function repairCountsAfterStart(store: Store): Promise<void> {
  for (const workspaceId of await workspacesWithContacts(store)) await afterRefresh(store, workspaceId, null, true);
}

/** Resolves when no refresh of the workspace is waiting to start: every stored round's refresh is under way or done. */
function refreshStarted(store: Store, workspaceId: string): Promise<void> {
  const queue = refreshQueues.get(store)?.get(workspaceId);
  if (!queue?.next) return Promise.resolve();
  return new Promise((go) => queue.started.push(go));
}

/** One round: the batches of a group are judged in arrival order, as if stored one after another. */
async function storeGroup(
  store: Store,
  workspaceId: string,
  received: ReadonlyArray<readonly ChatEvent[]>,
): Promise<{ outcomes: BatchOutcome[]; scope: RefreshScope | null }> {
  // Ids are compared as the store will hold them, or a retry would not find them (well-formed.ts).
  const batches = received.map((batch) => batch.map(wellFormedEvent));
  const unique: ChatEvent[] = [];
  const seen = new Set<string>();
  for (const batch of batches) {
    for (const e of batch) {
      if (seen.has(e.event_id)) continue;
      seen.add(e.event_id);
      unique.push(e);
    }
  }

  // The lookups do not depend on one another, so they run side by side. The
  // campaign and first-message ones look at duplicates too: harmless, and a
  // duplicate inbound message means the contact has written before anyway.
  const campaignRefs = campaignReferences(unique);
  const firstInbound = firstInboundByContact(unique);
  const broadcastTags = broadcastTagRows(workspaceId, unique);
  const [storedIds, storedTags, storedCampaigns, known, tags, optKeywords] = await Promise.all([
    // Apart: a sender's ids often share a range the store has not seen yet, which one read of
    // the range proves (existingEventIds), and the broadcast tags' ids, one per campaign and
    // contact, fall all over the table's order. Together the range held stored ids, and every
    // sender id was looked up: 160 ms for a batch of the large demo, 93 apart.
    existingEventIds(store, workspaceId, [...seen]),
    existingEventIds(store, workspaceId, [...broadcastTags.keys()]),
    campaignsOfMessages(store, workspaceId, [...campaignRefs.lookups]),
    contactsWithInbound(store, workspaceId, [...firstInbound.keys()]),
    firstInbound.size ? listTagDefinitions(store, workspaceId) : Promise.resolve([]),
    // The keywords in force now decide this round's replies (opt-outs.ts).
    unique.some(mayBeKeyword) ? keywordsForIngestion(store, workspaceId) : Promise.resolve(null),
  ]);
  const already = new Set([...storedIds, ...storedTags]);
  const firstMessageTags = tags.filter((t) => t.firstMessageText && !t.archived);

  const rows: EventRow[] = [];
  // What the read models must follow: the new rows, and the duplicates too, so
  // a batch retried after a crash between its insert and its refresh repairs them.
  const touching: TouchingRow[] = [];
  for (const e of unique) {
    const ref = e.type === "message.status" ? e.wamid : e.type === "message.inbound" ? e.context_wamid : undefined;
    const campaignOfRef = ref ? (campaignRefs.inBatch.get(ref) ?? storedCampaigns.get(ref) ?? "") : "";
    if (already.has(e.event_id)) {
      const campaignId = ("campaign_id" in e && e.campaign_id) || campaignOfRef;
      touching.push({ contact: e.contact ?? "", campaign_id: campaignId, type: e.type, ts: toClickHouseTime(e.ts) });
      continue;
    }
    const first = e.type === "message.inbound" && firstInbound.get(e.contact) === e && !known.has(e.contact);
    const row = toEventRow(workspaceId, e, first);
    if (ref && !row.campaign_id) row.campaign_id = campaignOfRef;
    rows.push(row);
    const opt = optRowOf(workspaceId, e, row, optKeywords);
    if (opt) rows.push(opt);
    if (first) {
      const tag = firstMessageTagRow(workspaceId, e as Extract<ChatEvent, { type: "message.inbound" }>, firstMessageTags);
      if (tag) rows.push(tag);
    }
  }
  for (const [id, row] of broadcastTags) if (!already.has(id)) rows.push(row);
  if (rows.some((r) => r.workspace_id !== workspaceId)) throw new Error("refusing to write events of another workspace");
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await insertEventRows(store, workspaceId, EVENT_COLUMNS, encodeEventRows(rows.slice(i, i + INSERT_CHUNK)));
  }
  // Statuses stored before their campaign message get its campaign now (status-links.ts). Duplicates
  // count too: a retry after a crash between the insert and this repairs it. The copies' (campaign,
  // contact) pairs are their message's, already in the scope below.
  await linkEarlierStatuses(store, workspaceId, { messages: campaignMessages(unique) });
  // What the read models must follow (a bulk load rebuilds them once at its end instead).
  const scope = bulkLoads.get(store)?.has(workspaceId) ? null : touchedScope([...rows, ...touching]);

  // Each batch's answer: an id is stored by the first batch of the group that carries it.
  const claimed = new Set<string>();
  const outcomes = batches.map((batch) => {
    const storedIds = new Set<string>();
    for (const e of batch) {
      if (already.has(e.event_id) || claimed.has(e.event_id)) continue;
      claimed.add(e.event_id);
      storedIds.add(e.event_id);
    }
    return { result: { stored: storedIds.size, duplicates: batch.length - storedIds.size }, storedIds };
  });
  return { outcomes, scope };
}

// Workspaces being bulk loaded: rounds skip the read models, rebuilt at the end.
const bulkLoads = new WeakMap<Store, Set<string>>();

/**
 * Runs a bulk load of one workspace (the demo, a large import): its rounds
 * store events only, and the read models are rebuilt once when `load` ends,
 * which is far cheaper than following millions of events round by round.
 * Screens show the workspace as it was until then.
 */
export async function bulkLoad<T>(store: Store, workspaceId: string, load: () => Promise<T>): Promise<T> {
  let loading = bulkLoads.get(store);
  if (!loading) bulkLoads.set(store, (loading = new Set()));
  loading.add(workspaceId);
  try {
    return await load();
  } finally {
    loading.delete(workspaceId);
    await afterRefresh(store, workspaceId, { all: true });
  }
}

/** Statuses and replies name a WhatsApp message; the campaign of that message, from the batch or to look up. */
function campaignReferences(events: readonly ChatEvent[]) {
  const inBatch = new Map<string, string>();
  for (const e of events) {
    if (e.type === "message.outbound" && e.wamid && e.campaign_id) inBatch.set(e.wamid, e.campaign_id);
  }
  const lookups = new Set<string>();
  for (const e of events) {
    const ref = e.type === "message.status" && !e.campaign_id ? e.wamid : e.type === "message.inbound" ? e.context_wamid : undefined;
    if (ref && !inBatch.has(ref)) lookups.add(ref);
  }
  return { inBatch, lookups };
}

/** The campaign messages of a round, by wamid and contact: statuses stored before them may wait for their campaign. */
function campaignMessages(events: readonly ChatEvent[]): Array<{ wamid: string; contact: string }> {
  const messages: Array<{ wamid: string; contact: string }> = [];
  for (const e of events) if (e.type === "message.outbound" && e.wamid && e.campaign_id) messages.push({ wamid: e.wamid, contact: e.contact });
  return messages;
}

/** Each contact's earliest inbound message of the batch: its first ever, unless the contact has written before. */
function firstInboundByContact(events: readonly ChatEvent[]): Map<string, ChatEvent> {
  const first = new Map<string, { event: ChatEvent; at: number }>();
  for (const e of events) {
    if (e.type !== "message.inbound") continue;
    const at = Date.parse(e.ts);
    const current = first.get(e.contact);
    if (!current || at < current.at) first.set(e.contact, { event: e, at });
  }
  return new Map([...first].map(([contact, f]) => [contact, f.event]));
}

/**
 * Sending a campaign tags its recipients with the campaign's broadcast tag
 * (see broadcast-tag.ts), an automated tag in the journey. Keyed by
 * campaign and contact, not by message: a second send of the same campaign to
 * a contact, or a replay, finds the tag's event already stored.
 */
function broadcastTagRows(workspaceId: string, events: readonly ChatEvent[]): Map<string, EventRow> {
  // The earliest send of the batch dates the tag.
  const sends = new Map<string, Extract<ChatEvent, { type: "message.outbound" }>>();
  for (const e of events) {
    if (e.type !== "message.outbound" || !e.campaign_id) continue;
    const id = broadcastTagEventId(e.campaign_id, e.contact);
    const earlier = sends.get(id);
    if (!earlier || Date.parse(e.ts) < Date.parse(earlier.ts)) sends.set(id, e);
  }
  const rows = new Map<string, EventRow>();
  for (const [id, e] of sends) {
    const row = toEventRow(workspaceId, {
      event_id: id,
      type: "tag.added",
      contact: e.contact,
      ts: e.ts,
      tag: broadcastTag(e.campaign_id!),
      kind: "automated",
      origin: "broadcast",
      actor: { kind: "system", id: `campaign:${e.campaign_id}` },
    });
    // The journey names the campaign beside the tag; no campaign view reads tag events.
    row.campaign_id = e.campaign_id!;
    rows.set(id, row);
  }
  return rows;
}

/** The first-message tag the message's text matches, as an automated tag event. */
function firstMessageTagRow(
  workspaceId: string,
  first: Extract<ChatEvent, { type: "message.inbound" }>,
  tags: ReadonlyArray<{ tag: string; firstMessageText: string }>,
): EventRow | null {
  const tag = first.text ? matchFirstMessageTag(first.text, tags) : null;
  if (!tag) return null;
  return toEventRow(workspaceId, {
    // Derived from the message's id, so a replay of the message can't add it twice.
    event_id: firstMessageTagEventId(first.event_id),
    type: "tag.added",
    contact: first.contact,
    ts: first.ts,
    tag,
    kind: "automated",
    origin: "first_message",
    actor: { kind: "system", id: "first-message-matcher" },
  });
}
