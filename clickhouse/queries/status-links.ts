import type { Store } from "../client";
import { rebuildReadModels } from "./read-models";

/**
 * Statuses that arrived before their message.
 *
 * A status names its message by wamid, and ingestion gives it the campaign of
 * that message (from the same round, or outbound_messages). A status whose
 * message the store has not seen yet (Meta's webhook and an API sender race,
 * or a backfill sends statuses first) is stored without a campaign. When the
 * message arrives, these statements add a copy of each such status that
 * carries the campaign: a derived event, as the broadcast tag is, so every
 * view that reads statuses by campaign (campaign_recipients, billable_messages)
 * gets it from the log, with no other path to keep in step. Resolving at
 * read-model refresh time instead would have to be repeated in every reader of
 * those tables (the funnel under any reply window, failures, cost, the
 * profile's ticks), and would still leave them disagreeing with the log.
 *
 * The copy's id is the status's own plus LINK_SUFFIX, so the duplicate check
 * makes a replay, or a second run, add nothing; its payload names the status
 * it copies (`linked_from`), which the journey reads to show the two once
 * (journey.ts). Only a status of the message's own contact is linked: the
 * event log is sorted by contact, so that is one range per message to read,
 * where "any contact" would scan the workspace's statuses every round.
 */

/** Appended to a status's event id to name its linked copy. */
export const LINK_SUFFIX = ":campaign-link";

/** Whether an event row is such a copy (only ingestion writes `linked_from` into a payload). */
export const IS_LINKED_COPY_SQL = "(type = 'message.status' AND campaign_id != '' AND JSONHas(payload, 'linked_from'))";

/** Which statuses to link: those of these campaign messages (an ingestion round), or every one of the workspace (the upgrade). */
export type LinkScope = { all: true } | { messages: Array<{ wamid: string; contact: string }> };

const COLUMNS = `workspace_id, contact, ts, event_id, type, actor_kind, actor_id, message_kind, wamid, campaign_id, text, status,
       error_code, error_title, tag, tag_kind, tag_origin, attribute, value, source, source_detail, name, payload, pricing_category`;

/** The copies not stored yet, as rows of `events` in COLUMNS order. */
function linkedCopiesSql(scope: LinkScope): string {
  const round = !("all" in scope);
  // Lists go in as one JSON String parameter (see ingestion.ts for why).
  const contacts = round ? "AND contact IN (SELECT arrayJoin(JSONExtract({contacts:String}, 'Array(String)')))" : "";
  const wamids = round ? "AND wamid IN (SELECT arrayJoin(JSONExtract({wamids:String}, 'Array(String)')))" : "";
  const unlinked = `
    SELECT contact, ts, event_id, actor_kind, actor_id, message_kind, wamid, text, status, error_code, error_title,
           source, source_detail, name, payload, pricing_category
    FROM events
    WHERE workspace_id = {workspaceId:String} ${contacts} ${wamids}
      AND type = 'message.status' AND campaign_id = '' AND wamid != ''`;
  return `
    SELECT {workspaceId:String} AS workspace_id, s.contact AS contact, s.ts AS ts,
           concat(s.event_id, {suffix:String}) AS event_id, 'message.status' AS type, s.actor_kind AS actor_kind,
           s.actor_id AS actor_id, s.message_kind AS message_kind, s.wamid AS wamid, m.message_campaign AS campaign_id,
           s.text AS text, s.status AS status, s.error_code AS error_code, s.error_title AS error_title,
           '' AS tag, '' AS tag_kind, '' AS tag_origin, '' AS attribute, '' AS value,
           s.source AS source, s.source_detail AS source_detail, s.name AS name,
           concat('{"linked_from":', toJSONString(s.event_id), if(s.payload IN ('', '{}'), '}', concat(',', substring(s.payload, 2)))) AS payload,
           s.pricing_category AS pricing_category
    FROM (${unlinked}) AS s
    INNER JOIN (
      SELECT wamid, contact, any(campaign_id) AS message_campaign
      FROM outbound_messages
      WHERE workspace_id = {workspaceId:String} ${wamids} AND campaign_id != ''
      GROUP BY wamid, contact
    ) AS m ON m.wamid = s.wamid AND m.contact = s.contact
    WHERE concat(s.event_id, {suffix:String}) NOT IN (
      SELECT event_id FROM event_ids
      WHERE workspace_id = {workspaceId:String}
        AND ${round ? `event_id IN (SELECT concat(event_id, {suffix:String}) FROM (${unlinked}))` : "endsWith(event_id, {suffix:String})"}
    )`;
}

function paramsOf(workspaceId: string, scope: LinkScope) {
  if ("all" in scope) return { workspaceId, suffix: LINK_SUFFIX };
  const json = (values: string[]) => JSON.stringify([...new Set(values)].map((v) => (v.isWellFormed() ? v : v.toWellFormed())));
  return { workspaceId, suffix: LINK_SUFFIX, contacts: json(scope.messages.map((m) => m.contact)), wamids: json(scope.messages.map((m) => m.wamid)) };
}

/**
 * Adds the linked copies of the statuses in scope that lack one. Run after
 * the round's insert, so outbound_messages holds the round's own messages.
 */
export async function linkEarlierStatuses(store: Store, workspaceId: string, scope: LinkScope): Promise<void> {
  if (!("all" in scope)) {
    scope = { messages: await awaitedBy(store, workspaceId, scope.messages) };
    if (scope.messages.length === 0) return;
  }
  await store.command(
    // A status may be years older than its message: the copies can span many monthly partitions (see ingestion.ts).
    `INSERT INTO events (${COLUMNS}) SELECT ${COLUMNS} FROM (${linkedCopiesSql(scope)}) SETTINGS throw_on_max_partitions_per_insert_block = 0`,
    paramsOf(workspaceId, scope),
    { report: "ingestion:link-statuses" },
  );
}

/**
 * The messages of a round that statuses stored without a campaign wait for
 * (unlinked_statuses, 0029): usually none, and then the log is not read.
 * Statuses already linked stay in that table; the copy's id check skips them.
 */
async function awaitedBy(store: Store, workspaceId: string, messages: Array<{ wamid: string; contact: string }>) {
  if (messages.length === 0) return [];
  const { wamids } = paramsOf(workspaceId, { messages });
  const waiting = await store.query<{ wamid: string; contact: string }>(
    `SELECT DISTINCT wamid, contact FROM unlinked_statuses
     WHERE workspace_id = {workspaceId:String} AND wamid IN (SELECT arrayJoin(JSONExtract({wamids:String}, 'Array(String)')))`,
    { workspaceId, wamids },
    { report: "ingestion:unlinked-statuses-of-round" },
  );
  const awaited = new Set(waiting.map((w) => `${w.wamid}\n${w.contact}`));
  return messages.filter((m) => awaited.has(`${m.wamid}\n${m.contact}`));
}

/** How many statuses of the workspace wait for a linked copy (the upgrade rebuilds only workspaces that had some). */
export async function unlinkedStatusCount(store: Store, workspaceId: string): Promise<number> {
  const [row] = await store.query<{ n: string }>(`SELECT count() AS n FROM (${linkedCopiesSql({ all: true })})`, paramsOf(workspaceId, { all: true }), {
    report: "ingestion:unlinked-statuses",
  });
  return Number(row?.n ?? 0);
}

/** The workspaces with statuses stored without a campaign: the ones the upgrade to 0017 looks at. */
export async function workspacesWithUnlinkedStatuses(store: Store): Promise<string[]> {
  const rows = await store.query<{ workspace_id: string }>(
    `SELECT DISTINCT workspace_id FROM events WHERE type = 'message.status' AND campaign_id = '' AND wamid != ''`,
    {},
    { report: "ingestion:unlinked-status-workspaces", tenant: "exempt: the upgrade to 0017 lists the workspaces whose statuses it links" },
  );
  return rows.map((r) => r.workspace_id);
}

/**
 * The backfill of 0017: links the statuses an earlier version stored before
 * their message, in every workspace, then rebuilds the read models of the
 * workspaces that got any (one that got none is left as it is).
 */
export async function linkAllEarlierStatuses(store: Store, log: (line: string) => void = () => {}) {
  const linked: string[] = [];
  for (const workspaceId of await workspacesWithUnlinkedStatuses(store)) {
    const waiting = await unlinkedStatusCount(store, workspaceId);
    if (waiting === 0) continue;
    await linkEarlierStatuses(store, workspaceId, { all: true });
    log(`linked ${waiting} statuses of ${workspaceId} to their campaign`);
    linked.push(workspaceId);
  }
  if (linked.length) await rebuildReadModels(store, linked, log);
}
