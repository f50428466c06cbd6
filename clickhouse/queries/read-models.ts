import type { Store } from "../client";
import { ATTRIBUTE_PATHS_SQL, VALUES_STAY_TEXT } from "./attribute-paths";
import { STAGE_TOKENS_SQL } from "./campaign-stages";
import { addToContactTotal, repairContactTotal, workspacesWithContacts } from "./contact-totals";
import { DEFAULT_REPLY_WINDOW_HOURS, MAX_REPLY_WINDOW_HOURS, effectiveTicksSql } from "./campaign-common";
import { STATUS_SQL } from "./contact-status";
import { SKIP_PHONE_GRAMS } from "./contacts-by-phone";
import { refreshConversions } from "./conversion-attribution";
import { refreshCampaignBillable } from "./campaign-cost";
import { refreshWaitBuckets } from "./wait-buckets";
import { refreshConversationGaps } from "./conversation-gaps";
import { CAMPAIGN_OPT_OUT_HOURS, OPTED_IN_EVENT, OPTED_OUT_EVENT } from "../vocabulary/opt-outs";

/**
 * Writes the read models of 0011 (contacts, recipients, campaign_stats) from
 * the aggregate tables that the event views keep exact.
 *
 * Each table has ONE statement, a function of its scope: after an ingestion
 * round the scope is what the round touched; for a rebuild (the upgrade
 * migration, the end of a bulk load) it is the whole workspace. Rows carry the
 * round's `version` and replace older ones (ReplacingMergeTree), so a replay
 * writes the same values again and changes nothing a reader sees.
 *
 * Order matters within a round: recipients first, with campaign_stats (which
 * adds up what their new rows change), then contacts (which list each
 * contact's campaigns).
 */

/** What an ingestion round touched, or everything. */
export type RefreshScope =
  | {
      all: true;
      /**
       * How many rows (recipients' campaign-contact pairs, contacts) one statement of the rebuild
       * takes at a time; RECIPIENTS_PER_SLICE and CONTACTS_PER_SLICE unless said.
       */
      sliceSize?: number;
    }
  | {
      all?: false;
      /** Contacts with any new event. */
      contacts: string[];
      /** [campaign_id, contact] of new outbound messages, statuses and context replies. */
      recipients: Array<[string, string]>;
      /** Contacts with a new reply-window candidate, since the earliest one. */
      inbound: ContactsSince;
      /** Contacts who wrote or asked for a human: Unresolved's conversations (conversation-gaps.ts); none when absent. */
      conversing?: ContactsSince;
      /**
       * Contacts with a request, take or resolve: only their takes and resolves from the earliest
       * one on can have new waits (Unresolved's waits, wait-buckets.ts); none when absent.
       */
      controls?: ContactsSince;
      /** Contacts with a new opt-out: it may fall within 72 h of a delivery; none when absent. */
      optOuts?: ContactsSince;
      /**
       * Contacts with a new tag, attribute, or opt-out or opt-in event: only their tags, attributes or
       * opt-out state can change (refreshContacts reads the rest from their current row); none when absent.
       */
      tagged?: string[];
      attributed?: string[];
      opted?: string[];
      /**
       * Contacts whose conversions the round may change (conversion-attribution.ts): those with a
       * conversion, and those whose recipients rows it may rewrite (campaign messages, reply
       * candidates, opt-outs); every contact when absent.
       */
      converting?: string[];
      /** Campaigns with a new status or message: their billable messages may have changed (campaign_billable_counts); none when absent. */
      billed?: string[];
    };

/** Contacts, and the time (epoch seconds, 0 when none) of the earliest of the events that named them. */
export interface ContactsSince {
  contacts: string[];
  since: number;
}

/** Collects a ContactsSince one event at a time. */
function contactsSince() {
  const contacts = new Set<string>();
  let since = Infinity;
  return {
    add(contact: string, ts: string) {
      contacts.add(contact);
      since = Math.min(since, Date.parse(`${ts.replace(" ", "T")}Z`) / 1000);
    },
    done: (): ContactsSince => ({ contacts: [...contacts], since: Number.isFinite(since) ? since : 0 }),
  };
}

/** The columns of a stored event row that decide what it touches. */
export interface TouchingRow {
  contact: string;
  campaign_id: string;
  type: string;
  /** DateTime64(3) text, UTC ('2026-03-02 10:00:00.000'). */
  ts: string;
}

/** What a round's rows change in the read models. */
export function touchedScope(rows: readonly TouchingRow[]): RefreshScope {
  const contacts = new Set<string>();
  const pairs = new Map<string, [string, string]>();
  const inbound = contactsSince();
  const conversing = contactsSince();
  const controls = contactsSince();
  const optOuts = contactsSince();
  const tagged = new Set<string>();
  const attributed = new Set<string>();
  const opted = new Set<string>();
  const converting = new Set<string>();
  const billed = new Set<string>();
  for (const r of rows) {
    if (!r.contact) continue;
    contacts.add(r.contact);
    if (r.type === "conversion") converting.add(r.contact);
    if (r.type === "tag.added" || r.type === "tag.removed") tagged.add(r.contact);
    if (r.type === "attribute.set") attributed.add(r.contact);
    if (r.type === OPTED_OUT_EVENT || r.type === OPTED_IN_EVENT) opted.add(r.contact);
    if (r.type === "message.inbound" || r.type === "intervention.requested") conversing.add(r.contact, r.ts);
    if (r.type === "intervention.requested" || r.type === "agent.intervened" || r.type === "chat.resolved") controls.add(r.contact, r.ts);
    const message = r.type === "message.outbound" || r.type === "message.status" || r.type === "message.inbound";
    if (message && r.campaign_id) pairs.set(`${r.campaign_id}\n${r.contact}`, [r.campaign_id, r.contact]);
    // A status's pricing, or a message that links the statuses stored before it (status-links.ts).
    if ((r.type === "message.status" || r.type === "message.outbound") && r.campaign_id) billed.add(r.campaign_id);
    // A reply-window candidate (inbound_times, 0010; sorted by contact since 0040).
    if (r.type === "message.inbound" && !r.campaign_id) inbound.add(r.contact, r.ts);
    if (r.type === OPTED_OUT_EVENT) optOuts.add(r.contact, r.ts);
    // What refreshRecipients may rewrite: these pairs, and the candidates' and opt-outs' contacts' recipients.
    if ((message && r.campaign_id) || (r.type === "message.inbound" && !r.campaign_id) || r.type === OPTED_OUT_EVENT) converting.add(r.contact);
  }
  return {
    contacts: [...contacts],
    recipients: [...pairs.values()],
    inbound: inbound.done(),
    conversing: conversing.done(),
    controls: controls.done(),
    optOuts: optOuts.done(),
    tagged: [...tagged],
    attributed: [...attributed],
    opted: [...opted],
    converting: [...converting],
    billed: [...billed],
  };
}

/**
 * One scope covering two: refreshing it once, after both rounds are stored,
 * writes what refreshing each would (a refresh reads the stored state of its
 * scope, and the earlier `since` of two only widens what it looks at).
 * `null` is a round that needs no refresh (a bulk load's).
 */
export function mergeScopes(a: RefreshScope | null, b: RefreshScope | null): RefreshScope | null {
  if (!a || !b) return a ?? b;
  if (a.all || b.all) return { all: true };
  const pairs = new Map<string, [string, string]>();
  for (const p of [...a.recipients, ...b.recipients]) pairs.set(`${p[0]}\n${p[1]}`, p);
  return {
    contacts: union(a.contacts, b.contacts),
    recipients: [...pairs.values()],
    inbound: mergeSince(a.inbound, b.inbound) ?? { contacts: [], since: 0 },
    conversing: mergeSince(a.conversing, b.conversing),
    controls: mergeSince(a.controls, b.controls),
    optOuts: mergeSince(a.optOuts, b.optOuts),
    tagged: union(a.tagged, b.tagged),
    attributed: union(a.attributed, b.attributed),
    opted: union(a.opted, b.opted),
    // Either round's every contact (no list) makes the shared refresh read every contact's conversions.
    converting: a.converting && b.converting ? union(a.converting, b.converting) : undefined,
    billed: union(a.billed, b.billed),
  };
}

const union = (a: readonly string[] = [], b: readonly string[] = []) => [...new Set([...a, ...b])];

function mergeSince(a: ContactsSince | undefined, b: ContactsSince | undefined): ContactsSince | undefined {
  if (!a?.contacts.length) return b;
  if (!b?.contacts.length) return a;
  return { contacts: union(a.contacts, b.contacts), since: Math.min(a.since, b.since) };
}

// Lists go in as one JSON String parameter (see ingestion.ts for why).
const json = (values: unknown) => JSON.stringify(values);

/** A round's contacts, `{contacts:String}` a JSON array: the key narrows every read to them. */
export const IN_CONTACTS = "contact IN (SELECT arrayJoin(JSONExtract({contacts:String}, 'Array(String)')))";

/** A version newer than any earlier one of this process, and than the wall clock's last. */
let lastVersion = 0;
export function nextVersion(): number {
  lastVersion = Math.max(lastVersion + 1, Date.now() * 1000);
  return lastVersion;
}

/**
 * Makes every later version of this process newer than `ms` (epoch
 * milliseconds on another instance's clock): an instance that takes over a
 * workspace's write lease (write-lease.ts) writes after the previous holder,
 * whose versions are older than the end of its claim, whatever the two clocks say.
 */
export function versionsAfter(ms: number) {
  lastVersion = Math.max(lastVersion, ms * 1000);
}

/**
 * Rewrites the contacts rows in scope from contact_state, contact_tags,
 * contact_attributes, control_state, control_events, recipients and
 * contact_opt_events. A round reads each of those only for the contacts whose
 * part of the row it can change (tags for contacts with a tag event, their
 * campaigns for contacts whose recipients it rewrote, …) and keeps the rest
 * from the contact's current row: a round of 10,000 campaign messages to
 * contacts of a million changes none of their tags, and their tags, spread
 * over every granule of contact_tags, were most of its cost.
 */
export async function refreshContacts(store: Store, workspaceId: string, scope: RefreshScope, version: number, received: readonly string[] | "all") {
  // Whether a contact is in a list, `{name:String}` a JSON array (for a whole workspace, in the slice).
  const among = (name: string, column = "contact") =>
    scope.all ? inSlice(column) : `${column} IN (SELECT arrayJoin(JSONExtract({${name}:String}, 'Array(String)')))`;
  const facets = scope.all
    ? {}
    : {
        tagged: scope.tagged ?? [],
        attributed: scope.attributed ?? [],
        controlled: scope.controls?.contacts ?? [],
        received: received === "all" ? scope.contacts : received,
        opted: scope.opted ?? [],
      };
  const contactList = scope.all ? "" : json(scope.contacts);
  const lists = scope.all ? {} : { contacts: contactList, ...Object.fromEntries(Object.entries(facets).map(([k, v]) => [k, json(v)])) };
  // A part of the row that every contact of the round gets anew needs no test per contact, and
  // when every part does (a whole workspace), the current rows are not read at all.
  type Facet = keyof typeof facets;
  const partial = new Set<Facet>();
  if (!scope.all) {
    for (const name of Object.keys(facets) as Facet[]) {
      const listed = new Set(facets[name]);
      if (!scope.contacts.every((contact) => listed.has(contact))) partial.add(name);
    }
  }
  const rebuilt = (name: Facet) => (partial.has(name) ? among(name, "s.contact") : "1");
  const keepsAny = partial.size > 0;
  // A whole workspace goes a slice of its contacts at a time (CONTACTS_PER_SLICE), a round in one statement.
  const slices = scope.all ? await sliceCount(store, workspaceId, "contact_state", scope.sliceSize ?? CONTACTS_PER_SLICE) : 1;
  // The round's contacts that get their first row (the state CTE's, without one yet), for the workspace's total.
  const fresh = scope.all ? 0 : await contactsWithoutRow(store, workspaceId, contactList);
  for (let slice = 0; slice < slices; slice++) {
    await store.command(
      `INSERT INTO contacts
         (workspace_id, contact, name, first_seen, last_active, last_message, template_messages, session_messages,
          unresolved_queries, last_control, last_control_at, status, source, source_detail, first_message_tag,
          tags, tag_kinds, attributes, attribute_paths, search_text, open_control, open_control_at, waiting_since, waiting_requests, agent_id, agent_name,
          request_times, campaign_sent, campaign_read, campaign_stages, opted_out, opted_out_at, version)
       WITH
         state AS (
           SELECT contact,
                  argMaxMerge(name) AS name,
                  min(first_seen) AS first_seen,
                  max(last_active) AS last_active,
                  max(last_message) AS last_message,
                  sum(template_messages) AS template_messages,
                  sum(session_messages) AS session_messages,
                  sum(unresolved_queries) AS unresolved_queries,
                  argMaxMerge(last_control) AS last_control,
                  max(last_control_at) AS last_control_at,
                  argMinMerge(source) AS source,
                  argMinMerge(source_detail) AS source_detail,
                  argMinMerge(first_message_tag) AS first_message_tag
           FROM contact_state
           WHERE workspace_id = {workspaceId:String} AND ${among("contacts")}
           GROUP BY contact
         ),
         before AS (
           -- The current row of each contact, for the parts of it this refresh does not read again
           -- (found by the key alone: SKIP_PHONE_GRAMS).
           SELECT contact, tags, tag_kinds, attributes, open_control, open_control_at, waiting_since, waiting_requests,
                  agent_id, agent_name, request_times, campaign_sent, campaign_read, campaign_stages, opted_out, opted_out_at
           FROM contacts
           WHERE workspace_id = {workspaceId:String} AND ${keepsAny ? among("contacts") : "0"}
           ORDER BY contact, version DESC
           LIMIT 1 BY contact
         ),
         present_tags AS (
           SELECT contact, arrayMap(p -> p.1, pairs) AS tags, arrayMap(p -> p.2, pairs) AS tag_kinds
           FROM (
             SELECT contact, arraySort(groupArray((tag, kind))) AS pairs
             FROM (
               SELECT contact, tag, argMaxMerge(present) AS present, argMaxMerge(kind) AS kind
               FROM contact_tags
               WHERE workspace_id = {workspaceId:String} AND ${among("tagged")}
               GROUP BY contact, tag
             )
             WHERE present = 1
             GROUP BY contact
           )
         ),
         attribute_values AS (
           -- In key order, whichever contacts a refresh reads together.
           SELECT contact, mapSort(mapFromArrays(groupArray(attribute), groupArray(value))) AS attributes
           FROM (
             SELECT contact, attribute, argMaxMerge(value) AS value
             FROM contact_attributes
             WHERE workspace_id = {workspaceId:String} AND ${among("attributed")}
             GROUP BY contact, attribute
           )
           WHERE value != ''
           GROUP BY contact
         ),
         open_chats AS (
           SELECT contact, latest.2 AS open_control, if(open_control = '', NULL, latest.1) AS open_control_at,
                  if(empty(waiting), NULL, arrayMin(waiting)) AS waiting_since, length(waiting) AS waiting_requests,
                  agent_id, agent_name
           FROM (
             SELECT contact, latest, arrayFilter(r -> last_taken_at IS NULL OR r > last_taken_at, requests) AS waiting, agent_id, agent_name
             FROM (
               SELECT contact, max(latest) AS latest, max(last_taken_at) AS last_taken_at,
                      argMaxMerge(last_agent) AS agent_id, argMaxMerge(last_agent_name) AS agent_name,
                      groupUniqArrayMerge(requests) AS requests
               FROM control_state
               WHERE workspace_id = {workspaceId:String} AND ${among("controlled")}
               GROUP BY contact
             )
           )
           WHERE open_control IN ('intervention.requested', 'agent.intervened')
         ),
         requests AS (
           SELECT contact, arraySort(groupArray(ts)) AS request_times
           FROM control_events
           WHERE workspace_id = {workspaceId:String} AND ${among("controlled")} AND type = 'intervention.requested'
           GROUP BY contact
         ),
         campaigns_received AS (
           SELECT contact, arrayMap(x -> x.1, sends) AS campaign_sent, arrayMap(x -> x.3, sends) AS campaign_read, campaign_stages
           FROM (
             SELECT contact,
                    arraySort(groupArrayIf((assumeNotNull(sent), campaign_id, toUInt8(read IS NOT NULL)), sent IS NOT NULL)) AS sends,
                    arraySort(arrayDistinct(arrayFlatten(groupArray(stage_tokens)))) AS campaign_stages
             FROM (
               -- The newest row of each of the contact's campaigns (through the by_contact projection);
               -- its behaviours from the whole newest row, as recipients FINAL has it.
               SELECT contact, campaign_id, argMax(sent_eff, version) AS sent, argMax(read_eff, version) AS read,
                      argMax(${STAGE_TOKENS_SQL}, version) AS stage_tokens
               FROM recipients
               WHERE workspace_id = {workspaceId:String} AND ${among("received")}
               GROUP BY contact, campaign_id
             )
             GROUP BY contact
           )
         ),
         opt AS (
           -- The latest opt-out or opt-in by event time (the id breaks a tie), whatever order they arrived in.
           SELECT contact, latest.1 AS opted_out, if(latest.1 = 1, latest.2, NULL) AS opted_out_at
           FROM (
             SELECT contact, argMax((opted_out, ts), (ts, event_id)) AS latest
             FROM contact_opt_events
             WHERE workspace_id = {workspaceId:String} AND ${among("opted")}
             GROUP BY contact
           )
         ),
         merged AS (
           SELECT s.contact AS contact, s.name AS name, s.first_seen AS first_seen, s.last_active AS last_active,
                  s.last_message AS last_message, s.template_messages AS template_messages, s.session_messages AS session_messages,
                  s.unresolved_queries AS unresolved_queries, s.last_control AS last_control, s.last_control_at AS last_control_at,
                  s.source AS source, s.source_detail AS source_detail, s.first_message_tag AS first_message_tag,
                  ${rebuilt("tagged")} AS retagged,
                  if(retagged, t.tags, b.tags) AS tags, if(retagged, t.tag_kinds, b.tag_kinds) AS tag_kinds,
                  if(${rebuilt("attributed")}, a.attributes, b.attributes) AS attributes,
                  ${rebuilt("controlled")} AS recontrolled,
                  if(recontrolled, o.open_control, b.open_control) AS open_control,
                  if(recontrolled, o.open_control_at, b.open_control_at) AS open_control_at,
                  if(recontrolled, o.waiting_since, b.waiting_since) AS waiting_since,
                  if(recontrolled, o.waiting_requests, b.waiting_requests) AS waiting_requests,
                  if(recontrolled, o.agent_id, b.agent_id) AS agent_id, if(recontrolled, o.agent_name, b.agent_name) AS agent_name,
                  if(recontrolled, r.request_times, b.request_times) AS request_times,
                  ${rebuilt("received")} AS rereceived,
                  if(rereceived, c.campaign_sent, b.campaign_sent) AS campaign_sent, if(rereceived, c.campaign_read, b.campaign_read) AS campaign_read,
                  if(rereceived, c.campaign_stages, b.campaign_stages) AS campaign_stages,
                  ${rebuilt("opted")} AS reopted,
                  if(reopted, p.opted_out, b.opted_out) AS opted_out, if(reopted, p.opted_out_at, b.opted_out_at) AS opted_out_at
           FROM state AS s
           LEFT JOIN before AS b ON b.contact = s.contact
           LEFT JOIN present_tags AS t ON t.contact = s.contact
           LEFT JOIN attribute_values AS a ON a.contact = s.contact
           LEFT JOIN open_chats AS o ON o.contact = s.contact
           LEFT JOIN requests AS r ON r.contact = s.contact
           LEFT JOIN campaigns_received AS c ON c.contact = s.contact
           LEFT JOIN opt AS p ON p.contact = s.contact
         )
       SELECT
         {workspaceId:String}, contact, name, first_seen, last_active, last_message, template_messages, session_messages,
         unresolved_queries, last_control, last_control_at, ${STATUS_SQL}, source, source_detail, first_message_tag,
         tags, tag_kinds, attributes, ${ATTRIBUTE_PATHS_SQL}, lowerUTF8(arrayStringConcat(arrayConcat([name], arraySort(mapValues(attributes))), char(0))),
         open_control, open_control_at, waiting_since, waiting_requests, agent_id, agent_name, request_times,
         campaign_sent, campaign_read, campaign_stages, opted_out, opted_out_at, {version:UInt64}
       FROM merged
       SETTINGS join_use_nulls = 0, ${SKIP_PHONE_GRAMS}, ${VALUES_STAY_TEXT}`,
      { workspaceId, version, ...lists, ...(scope.all ? { slices, slice } : {}) },
      { report: "read-models:contacts" },
    );
  }
  // After the rows, so a stop between the two leaves the total short, for the repair to find (contact-totals.ts).
  if (scope.all) await repairContactTotal(store, workspaceId);
  else await addToContactTotal(store, workspaceId, fresh);
}

/** How many of these contacts (a JSON array) have events but no contacts row yet. */
async function contactsWithoutRow(store: Store, workspaceId: string, contacts: string): Promise<number> {
  const [row] = await store.query<{ n: string }>(
    `SELECT count() AS n
     FROM (SELECT DISTINCT contact FROM contact_state WHERE workspace_id = {workspaceId:String} AND ${IN_CONTACTS})
     WHERE contact NOT IN (SELECT contact FROM contacts WHERE workspace_id = {workspaceId:String} AND ${IN_CONTACTS})
     SETTINGS ${SKIP_PHONE_GRAMS}`,
    { workspaceId, contacts },
    { report: "read-models:new-contacts" },
  );
  return Number(row?.n ?? 0);
}

/**
 * The recipients whose reply candidate new candidates may change: the
 * contacts' campaigns sent at most the longest window before the earliest new
 * candidate that have none yet, or a later one (a candidate that arrived out
 * of order); a recipient with an earlier candidate keeps it. Read through
 * recipients' by_contact projection, every version of a row: a superset.
 */
async function windowRecipients(store: Store, workspaceId: string, inbound: ContactsSince): Promise<Array<[string, string]>> {
  if (inbound.contacts.length === 0) return [];
  const rows = await store.query<{ campaign_id: string; contact: string }>(
    `SELECT DISTINCT campaign_id, contact
     FROM recipients
     WHERE workspace_id = {workspaceId:String}
       AND ${IN_CONTACTS}
       AND send_time >= toDateTime64({since:Float64}, 3, 'UTC') - toIntervalHour({maxWindowHours:UInt16})
       AND (reply_candidate_at IS NULL OR reply_candidate_at > toDateTime64({since:Float64}, 3, 'UTC'))`,
    { workspaceId, contacts: json(inbound.contacts), since: inbound.since, maxWindowHours: MAX_REPLY_WINDOW_HOURS },
    { report: "read-models:window-recipients" },
  );
  return rows.map((r) => [r.campaign_id, r.contact]);
}

/**
 * The recipients a new opt-out may count against: the contacts' campaigns
 * delivered at most 72 hours before the earliest new opt-out. A delivery that
 * arrives after the opt-out rewrites its own row, so either order ends the same.
 */
async function optOutRecipients(store: Store, workspaceId: string, optOuts: ContactsSince | undefined): Promise<Array<[string, string]>> {
  if (!optOuts || optOuts.contacts.length === 0) return [];
  const rows = await store.query<{ campaign_id: string; contact: string }>(
    `SELECT DISTINCT campaign_id, contact
     FROM recipients
     WHERE workspace_id = {workspaceId:String}
       AND ${IN_CONTACTS}
       AND delivered_eff >= toDateTime64({since:Float64}, 3, 'UTC') - toIntervalHour({optOutHours:UInt16})`,
    { workspaceId, contacts: json(optOuts.contacts), since: optOuts.since, optOutHours: CAMPAIGN_OPT_OUT_HOURS },
    { report: "read-models:opt-out-recipients" },
  );
  return rows.map((r) => [r.campaign_id, r.contact]);
}

/**
 * Rewrites the recipients rows in scope: the recorded ticks from
 * campaign_recipients, the reply candidate (for any other window) and the
 * effective ticks under the default reply window, by the rules of
 * campaign-common.ts (effectiveTicksSql, the same for any window). A round's scope is its new (campaign, contact) pairs plus the
 * recipients of contacts with a new window candidate whose send can still
 * claim it; it reads those pairs by key and only their contacts' candidates
 * (inbound_times, sorted by contact). A rebuild reads the workspace a slice of
 * contacts at a time (RECIPIENTS_PER_SLICE).
 */
export async function refreshRecipients(store: Store, workspaceId: string, scope: RefreshScope, version: number): Promise<string[] | "all"> {
  if (scope.all) {
    const slices = await sliceCount(store, workspaceId, "campaign_recipients", scope.sliceSize ?? RECIPIENTS_PER_SLICE);
    for (let slice = 0; slice < slices; slice++) {
      // A version of its own per slice: campaign_stats adds the rows of one version (addCampaignStats).
      const sliceVersion = slice === 0 ? version : nextVersion();
      await rewriteRecipients(store, workspaceId, sliceVersion, { inScope: inSlice(), candidates: inSlice(), params: { slices, slice } });
    }
    return "all";
  }
  const [window, optedOut] = await Promise.all([
    windowRecipients(store, workspaceId, scope.inbound),
    optOutRecipients(store, workspaceId, scope.optOuts),
  ]);
  const pairs = [...scope.recipients, ...window, ...optedOut];
  if (pairs.length === 0) return [];
  // The contacts whose recipients rows are rewritten: their candidates are read, and their campaigns in `contacts` follow.
  const contacts = [...new Set(pairs.map((p) => p[1]))];
  await rewriteRecipients(store, workspaceId, version, {
    inScope: "(campaign_id, contact) IN (SELECT arrayJoin(JSONExtract({pairs:String}, 'Array(Tuple(String, String))')))",
    candidates: IN_CONTACTS,
    params: { pairs: json(pairs), contacts: json(contacts) },
  });
  return contacts;
}

/**
 * A whole workspace's read models are rebuilt a slice of its contacts at a
 * time, so that a statement holds one slice's rows, joins and GROUP BY in
 * memory. The large demo's 5.0M recipients at once took the process from 0.3
 * to 4.5 GiB of RSS, the peak of its whole build; in slices of about
 * 1,000,000, 1.6 GiB (and 23 s instead of 28).
 */
export const RECIPIENTS_PER_SLICE = 1_000_000;
export const CONTACTS_PER_SLICE = 250_000;
/** A contact of slice `{slice}` of `{slices}`. */
const inSlice = (column = "contact") => `cityHash64(${column}) % {slices:UInt32} = {slice:UInt32}`;

/** How many slices of contacts a rebuild reading `table` takes, at about `perSlice` of its rows each. */
async function sliceCount(store: Store, workspaceId: string, table: "campaign_recipients" | "contact_state", perSlice: number): Promise<number> {
  const [row] = await store.query<{ n: string }>(
    `SELECT count() AS n FROM ${table} WHERE workspace_id = {workspaceId:String}`,
    { workspaceId },
    { report: "read-models:slices" },
  );
  return Math.max(1, Math.ceil(Number(row?.n ?? 0) / perSlice));
}

/**
 * Rewrites the recipients rows `inScope` selects (a round's pairs, or a slice
 * of the workspace's contacts), reading reply and opt-out candidates of the
 * contacts `candidates` selects, and adds what they change to campaign_stats.
 */
async function rewriteRecipients(
  store: Store,
  workspaceId: string,
  version: number,
  { inScope, candidates, params }: { inScope: string; candidates: string; params: Record<string, unknown> },
) {
  // What the rows about to be replaced counted, read before they are: a
  // background merge may drop a replaced row as soon as its successor exists.
  const replaced = await store.query<StatsRow>(
    `SELECT campaign_id, ${BUCKET_SQL} AS bucket, ${COUNTS_SQL}
     FROM recipients FINAL
     WHERE workspace_id = {workspaceId:String} AND ${inScope}
     GROUP BY campaign_id, bucket`,
    { workspaceId, ...params },
    { report: "read-models:replaced-counts" },
  );
  await store.command(
    `INSERT INTO recipients
       (workspace_id, campaign_id, contact, sent_at, delivered_at, read_at, context_replied_at, failed_at, error_code, error_title,
        send_time, reply_candidate_at, replied_at, replied_in_window, read_eff, delivered_eff, sent_eff, failed_eff, failed_code, failed_title,
        opted_out_at, version)
     WITH
       recorded AS (
         SELECT campaign_id, contact,
                min(sent_at) AS sent_at, min(delivered_at) AS delivered_at, min(read_at) AS read_at,
                min(replied_at) AS context_replied_at, min(failed_at) AS failed_at,
                argMaxMerge(error_code) AS error_code, argMaxMerge(error_title) AS error_title,
                ifNull(coalesce(sent_at, delivered_at, context_replied_at, failed_at), toDateTime64(0, 3, 'UTC')) AS send_time
         FROM campaign_recipients
         WHERE workspace_id = {workspaceId:String} AND ${inScope}
         GROUP BY campaign_id, contact
       ),
       with_candidate AS (
         SELECT r.*, w.ts AS inbound_at
         FROM recorded AS r
         ASOF LEFT JOIN (
           SELECT contact, ts FROM inbound_times
           WHERE workspace_id = {workspaceId:String} AND ${candidates}
         ) AS w ON r.contact = w.contact AND w.ts >= r.send_time
       ),
       ticked AS (
         SELECT
           campaign_id, contact, sent_at, delivered_at, read_at, context_replied_at, failed_at, error_code, error_title, send_time,
           if(inbound_at >= send_time AND inbound_at <= send_time + toIntervalHour({maxWindowHours:UInt16}), inbound_at, NULL) AS reply_candidate_at,
           ${effectiveTicksSql("{replyWindowHours:UInt16}")},
           -- Never delivered: no opt-out can follow the delivery (the ASOF key cannot be NULL).
           ifNull(delivered_eff, toDateTime64('2299-12-31 00:00:00', 3, 'UTC')) AS delivery_key
         FROM with_candidate
       )
     SELECT
       {workspaceId:String}, t.campaign_id, t.contact, sent_at, delivered_at, read_at, context_replied_at, failed_at, error_code, error_title,
       send_time, reply_candidate_at, replied_at, replied_in_window, read_eff, delivered_eff, sent_eff, failed_eff, failed_code, failed_title,
       -- The contact's first opt-out at or after the delivery, when it came within 72 hours of it (the 72nd hour counts).
       if(o.ts >= delivered_eff AND o.ts <= delivered_eff + toIntervalHour({optOutHours:UInt16}), o.ts, NULL),
       {version:UInt64}
     FROM ticked AS t
     ASOF LEFT JOIN (
       SELECT contact, ts FROM contact_opt_events
       WHERE workspace_id = {workspaceId:String} AND opted_out = 1 AND ${candidates}
     ) AS o ON t.contact = o.contact AND o.ts >= t.delivery_key
     SETTINGS join_use_nulls = 0`,
    {
      workspaceId,
      version,
      replyWindowHours: DEFAULT_REPLY_WINDOW_HOURS,
      maxWindowHours: MAX_REPLY_WINDOW_HOURS,
      optOutHours: CAMPAIGN_OPT_OUT_HOURS,
      ...params,
    },
    { report: "read-models:recipients" },
  );
  await addCampaignStats(store, workspaceId, version, replaced);
}

/** A recipient's delivery bucket and its counts by effective tick, over the columns of `recipients`. */
export const BUCKET_SQL = "toDateTime(ifNull(toStartOfFifteenMinutes(delivered_eff), toDateTime(0, 'UTC')), 'UTC')";
export const COUNTS_SQL = `count() AS recipients, countIf(delivered_eff IS NOT NULL) AS delivered, countIf(read_eff IS NOT NULL) AS read,
            countIf(replied_at IS NOT NULL) AS replied, countIf(failed_eff IS NOT NULL) AS failed`;

interface StatsRow {
  campaign_id: string;
  bucket: string;
  recipients: string;
  delivered: string;
  read: string;
  replied: string;
  failed: string;
}

/**
 * Adds to campaign_stats what this round's recipients rows (`version`) change:
 * the new rows count +1 in their delivery buckets, and `replaced` (what the
 * rows they replace counted) -1. So a status for one recipient of a million
 * costs a couple of rows, not a recount, and a rebuild counts everything once.
 */
async function addCampaignStats(store: Store, workspaceId: string, version: number, replaced: StatsRow[]) {
  const retracted = replaced.map((r) => [r.campaign_id, r.bucket, ...[r.recipients, r.delivered, r.read, r.replied, r.failed].map(Number)]);
  await store.command(
    `INSERT INTO campaign_stats (workspace_id, campaign_id, bucket, recipients, delivered, read, replied, failed, first_sent)
     SELECT {workspaceId:String}, campaign_id, bucket, sum(n), sum(d), sum(rd), sum(rp), sum(f), min(first_sent)
     FROM (
       SELECT campaign_id, bucket, toInt64(recipients) AS n, toInt64(delivered) AS d, toInt64(read) AS rd,
              toInt64(replied) AS rp, toInt64(failed) AS f, first_sent
       FROM (
         SELECT campaign_id, ${BUCKET_SQL} AS bucket, ${COUNTS_SQL}, min(sent_eff) AS first_sent
         FROM recipients
         WHERE workspace_id = {workspaceId:String} AND version = {version:UInt64}
         GROUP BY campaign_id, bucket
       )
       UNION ALL
       SELECT r.1 AS campaign_id, toDateTime(r.2, 'UTC') AS bucket, -r.3 AS n, -r.4 AS d, -r.5 AS rd, -r.6 AS rp, -r.7 AS f,
              CAST(NULL AS Nullable(DateTime64(3, 'UTC'))) AS first_sent
       FROM (SELECT arrayJoin(JSONExtract({retracted:String}, 'Array(Tuple(String, String, Int64, Int64, Int64, Int64, Int64))')) AS r)
     )
     GROUP BY campaign_id, bucket`,
    { workspaceId, version, retracted: json(retracted) },
    { report: "read-models:campaign-stats" },
  );
}

/** One round: every read model the scope touches, in dependency order. */
export async function refreshReadModels(store: Store, workspaceId: string, scope: RefreshScope) {
  if (!scope.all && scope.contacts.length === 0) return;
  const version = nextVersion();
  // contacts carry each contact's campaigns, and conversions their last touch, so both follow the recipients.
  const received = await refreshRecipients(store, workspaceId, scope, version);
  // None reads another, so they run side by side on the store's pool.
  await Promise.all([
    refreshContacts(store, workspaceId, scope, version, received),
    refreshConversions(store, workspaceId, scope, version),
    refreshWaitBuckets(store, workspaceId, scope, version),
    refreshConversationGaps(store, workspaceId, scope),
    refreshCampaignBillable(store, workspaceId, scope, version),
  ]);
}

/**
 * Rebuilds the read models of these workspaces whole, then merges them once
 * (the end of a bulk load, the upgrade to 0011).
 */
export async function rebuildReadModels(store: Store, workspaceIds: readonly string[], log: (line: string) => void = () => {}) {
  for (const workspaceId of workspaceIds) {
    const started = performance.now();
    await refreshReadModels(store, workspaceId, { all: true });
    log(`read models of ${workspaceId} rebuilt in ${Math.round(performance.now() - started)} ms`);
  }
  await mergeReadModels(store);
}

/**
 * Merges each read model into one part per partition after rebuilds, so that
 * FINAL reads the rebuilt rows without merging them again on every read (at
 * 1,000,000 contacts a count under FINAL took 49 ms over four freshly written
 * parts, 3 ms over the merged one). Rounds add small parts afterwards, which
 * background merges fold in.
 */
export async function mergeReadModels(
  store: Store,
  tables = ["recipients", "contacts", "campaign_stats", "conversions", "wait_buckets", "conversation_gaps", "campaign_billable_counts"],
) {
  for (const table of tables) {
    await store.command(`OPTIMIZE TABLE ${table} FINAL`, {}, {
      report: `read-models:merge-${table.replace("_", "-")}`,
      tenant: "exempt: merging a table's parts is done for all its rows at once, after a workspace's rebuild",
    });
  }
}

/**
 * Rewrites every workspace's contacts rows from the tables they are kept from,
 * then merges them once: the backfill of a column of theirs (0045's attribute
 * paths, 0046's campaign behaviours) written by the code the rounds run.
 */
export async function rebuildAllContacts(store: Store, log: (line: string) => void = () => {}) {
  for (const workspaceId of await workspacesWithContacts(store)) {
    const started = performance.now();
    await refreshContacts(store, workspaceId, { all: true }, nextVersion(), "all");
    log(`contacts of ${workspaceId} rewritten in ${Math.round(performance.now() - started)} ms`);
  }
  await mergeReadModels(store, ["contacts"]);
}

/** Rebuilds the read models of every workspace that has contacts: the backfill of 0011. */
export async function rebuildAllReadModels(store: Store, log: (line: string) => void = () => {}) {
  await rebuildReadModels(store, await workspacesWithContacts(store), log);
}
