import type { Store } from "../client";
import { IN_CONTACTS, type RefreshScope } from "./read-models";

/**
 * Keeps conversation_gaps (0024) following the log: for the contacts in
 * scope, the 15-minute buckets in which they wrote or asked, now (from the
 * events) and as last counted (contact_buckets), each pair with its gap to
 * the contact's previous bucket of the same kind; conversation_gaps gets +1
 * per new (bucket, kind, gap) and -1 per old one, so only what changed
 * moves. A late message that lands between two buckets shortens the gap of
 * the later one, whatever order events arrive in; a replay changes nothing.
 * The round's pairs are recorded after the counts they change, like
 * campaign_stats after recipients (read-models.ts).
 */
export async function refreshConversationGaps(store: Store, workspaceId: string, scope: RefreshScope) {
  if (!scope.all && scope.contacts.length === 0) return;
  const inScope = scope.all ? "1" : IN_CONTACTS;
  const params = { workspaceId, ...(scope.all ? {} : { contacts: JSON.stringify(scope.contacts) }) };
  const pairs = `
       now_pairs AS (
         SELECT DISTINCT contact, kind, toDateTime(toStartOfFifteenMinutes(ts), 'UTC') AS bucket
         FROM events
         ARRAY JOIN if(type = 'intervention.requested', ['conversation', 'escalated'], ['conversation']) AS kind
         WHERE workspace_id = {workspaceId:String} AND ${inScope}
           AND type IN ('message.inbound', 'intervention.requested') AND contact != ''
       ),
       counted_pairs AS (
         SELECT DISTINCT contact, kind, bucket
         FROM contact_buckets
         WHERE workspace_id = {workspaceId:String} AND ${inScope}
       )`;
  await store.command(
    `INSERT INTO conversation_gaps (workspace_id, bucket, kind, gap, contacts)
     WITH ${pairs},
       changes AS (
         ${gapsOf("now_pairs", 1)}
         UNION ALL
         ${gapsOf("counted_pairs", -1)}
       )
     SELECT {workspaceId:String}, bucket, kind, gap, sum(sign) AS contacts
     FROM changes
     GROUP BY bucket, kind, gap
     HAVING contacts != 0`,
    params,
    { report: "read-models:conversation-gaps" },
  );
  await store.command(
    `INSERT INTO contact_buckets (workspace_id, contact, kind, bucket)
     WITH ${pairs}
     SELECT {workspaceId:String}, contact, kind, bucket
     FROM now_pairs
     WHERE (contact, kind, bucket) NOT IN (SELECT contact, kind, bucket FROM counted_pairs)`,
    params,
    { report: "read-models:contact-buckets" },
  );
}

/** Each pair's gap in quarters to the contact's previous bucket of its kind: at most 255 (more than a day's 100), 255 with none before. */
const gapsOf = (pairs: string, sign: number) => `
         SELECT bucket, kind,
                toUInt8(least(intDiv(toUnixTimestamp(bucket) - toUnixTimestamp(lagInFrame(bucket, 1, toDateTime(0, 'UTC')) OVER chat), 900), 255)) AS gap,
                ${sign} AS sign
         FROM ${pairs}
         WINDOW chat AS (PARTITION BY contact, kind ORDER BY bucket ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
