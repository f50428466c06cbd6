import type { Store } from "../client";
import { IS_OPT_EVENT_ID_SQL, OPT_IN_ID_SUFFIX, OPT_OUT_ID_SUFFIX } from "../vocabulary/derived-events";
import { normaliseKeyword, STOPPED_MARKETING_ERROR } from "../vocabulary/opt-outs";
import { getOptKeywords } from "./opt-out-keywords";
import { workspacesWithContacts } from "./contact-totals";
import { rebuildReadModels } from "./read-models";
import { IS_LINKED_COPY_SQL } from "./status-links";

/**
 * The backfill of 0020: the opt-outs and opt-ins of what an earlier version
 * stored (keyword replies, statuses failed with 131050), written as the events
 * ingestion writes now (server/ingestion/opt-outs.ts): the same ids
 * (`<id>:opt-out`, `<id>:opt-in`), times, causes and campaign, so a store
 * upgraded this way and one that ingested the same events today agree
 * (test/integration/opt-outs-upgrade.test.ts). Matching is the same rule in
 * SQL: NFKC, lower case, runs of white space as one, trimmed, the whole text.
 * Only the workspaces that get any have their read models rebuilt.
 */

const NORMALISED_TEXT = "trimBoth(replaceRegexpAll(lowerUTF8(normalizeUTF8NFKC(text)), '[[:space:]]+', ' '))";

const COLUMNS = `workspace_id, contact, ts, event_id, type, actor_kind, actor_id, message_kind, wamid, campaign_id, text, status,
       error_code, error_title, tag, tag_kind, tag_origin, attribute, value, source, source_detail, name, payload, pricing_category`;

/** Opt events derived from the log, not stored yet, as rows of `events` in COLUMNS order. */
const DERIVED_SQL = `
  WITH causes AS (
    SELECT contact, ts, event_id AS caused_by, campaign_id AS cause_campaign,
           multiIf(type = 'message.status', 1, has({optOut:Array(String)}, ${NORMALISED_TEXT}), 1, 0) AS is_out,
           multiIf(type = 'message.status', 'error_131050', 'keyword') AS cause,
           if(type = 'message.status', '', if(is_out = 1, {optOutAsSet:Array(String)}[indexOf({optOut:Array(String)}, ${NORMALISED_TEXT})],
                                              {optInAsSet:Array(String)}[indexOf({optIn:Array(String)}, ${NORMALISED_TEXT})])) AS keyword
    FROM events
    WHERE workspace_id = {workspaceId:String}
      AND ((type = 'message.inbound' AND lengthUTF8(text) <= {maxLength:UInt32}
            AND (has({optOut:Array(String)}, ${NORMALISED_TEXT}) OR has({optIn:Array(String)}, ${NORMALISED_TEXT})))
        OR (type = 'message.status' AND status = 'failed' AND error_code = {errorCode:Int32} AND NOT ${IS_LINKED_COPY_SQL}))
  )
  SELECT {workspaceId:String} AS workspace_id, contact, ts, concat(caused_by, if(is_out = 1, '${OPT_OUT_ID_SUFFIX}', '${OPT_IN_ID_SUFFIX}')) AS event_id,
         if(is_out = 1, 'contact.opted_out', 'contact.opted_in') AS type, 'system' AS actor_kind, 'opt-out-rules' AS actor_id,
         '' AS message_kind, '' AS wamid, if(cause = 'error_131050', cause_campaign, '') AS campaign_id, keyword AS text, '' AS status,
         if(cause = 'error_131050', {errorCode:Int32}, 0) AS error_code, '' AS error_title, '' AS tag, '' AS tag_kind, '' AS tag_origin,
         '' AS attribute, cause AS value, '' AS source, '' AS source_detail, '' AS name,
         concat('{"caused_by":', toJSONString(caused_by), '}') AS payload, '' AS pricing_category
  FROM causes
  WHERE event_id NOT IN (
    SELECT event_id FROM event_ids
    WHERE workspace_id = {workspaceId:String} AND ${IS_OPT_EVENT_ID_SQL}
  )`;

/** Derives and stores one workspace's opt events; the number written. */
export async function backfillOptEvents(store: Store, workspaceId: string): Promise<number> {
  const keywords = await getOptKeywords(store, workspaceId);
  // The first keyword of a list that normalises to a text names it, as matchOptKeyword picks it.
  const lists = (raw: readonly string[]) => {
    const seen = new Map<string, string>();
    for (const k of raw) if (!seen.has(normaliseKeyword(k))) seen.set(normaliseKeyword(k), k);
    return { normalised: [...seen.keys()], asSet: [...seen.values()] };
  };
  const optOut = lists(keywords.optOut);
  // A text in both lists opts out, as matchOptKeyword decides.
  const optIn = lists(keywords.optIn.filter((k) => !optOut.normalised.includes(normaliseKeyword(k))));
  const params = {
    workspaceId,
    optOut: optOut.normalised,
    optOutAsSet: optOut.asSet,
    optIn: optIn.normalised,
    optInAsSet: optIn.asSet,
    errorCode: STOPPED_MARKETING_ERROR,
    maxLength: 160,
  };
  const [before] = await store.query<{ n: string }>(`SELECT count() AS n FROM (${DERIVED_SQL})`, params, { report: "opt-outs:backfill-count" });
  const n = Number(before?.n ?? 0);
  if (n === 0) return 0;
  await store.command(
    `INSERT INTO events (${COLUMNS}) SELECT ${COLUMNS} FROM (${DERIVED_SQL}) SETTINGS throw_on_max_partitions_per_insert_block = 0`,
    params,
    { report: "opt-outs:backfill" },
  );
  return n;
}

/** The upgrade to 0020: every workspace's opt events, then the read models of those that got any. */
export async function backfillAllOptEvents(store: Store, log: (line: string) => void = () => {}) {
  const changed: string[] = [];
  for (const workspaceId of await workspacesWithContacts(store)) {
    const n = await backfillOptEvents(store, workspaceId);
    if (n > 0) {
      changed.push(workspaceId);
      log(`${n} opt-outs and opt-ins of ${workspaceId} derived from its log`);
    }
  }
  if (changed.length) await rebuildReadModels(store, changed, log);
}
