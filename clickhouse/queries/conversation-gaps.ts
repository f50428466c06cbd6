import type { Store } from "../client";
import { IN_CONTACTS, type RefreshScope } from "./read-models";

/**
 * Keeps conversation_gaps (0024) following the log. contact_buckets holds
 * every (contact, kind, 15-minute bucket) pair the log has, written by its
 * view with the event, and which of them the gaps already count. For the
 * round's contacts who wrote or asked (or all of a workspace's), each pair's gap to the contact's previous pair of its
 * kind is taken over all their pairs (+1) and over the counted ones (-1), so
 * conversation_gaps moves by what the new pairs change: a late message that
 * lands between two buckets shortens the gap of the later one, whatever
 * order events arrive in. Then the new pairs are marked counted; a replay
 * finds none and changes nothing. Like campaign_stats (read-models.ts), the
 * counts are written before the rows that record them.
 */
export async function refreshConversationGaps(store: Store, workspaceId: string, scope: RefreshScope) {
  if (!scope.all) {
    const conversing = scope.conversing;
    if (!conversing || conversing.contacts.length === 0) return;
    // Only the pairs from MAX_GAP quarters before the round's earliest one: a pair's gap looks back
    // at most that far (further is MAX_GAP too), and every pair before the round is counted, so the
    // older pairs' gaps are the same on both sides of the difference and cancel.
    await countNewPairs(store, workspaceId, `${IN_CONTACTS} AND bucket >= toDateTime({since:Float64} - {reach:UInt32}, 'UTC')`, {
      contacts: JSON.stringify(conversing.contacts),
      since: conversing.since,
      reach: (MAX_GAP + 1) * QUARTER_SECONDS,
    });
    return;
  }
  // A whole workspace in slices of its contacts (their gaps are their own), so a million contacts' pairs are never in memory at once.
  for (let slice = 0; slice < REBUILD_SLICES; slice++) {
    await countNewPairs(store, workspaceId, "cityHash64(contact) % {slices:UInt8} = {slice:UInt8}", { slices: REBUILD_SLICES, slice }, true);
  }
}

const REBUILD_SLICES = 8;

/**
 * A gap is counted in quarter hours up to this many; a longer silence counts as
 * this. Readers ask whether a gap reaches back before the day's midnight (gap >
 * quarter, unresolved-volume.ts), and a day has at most 100 quarters, so longer
 * gaps answer alike; counting them apart doubled the table's rows (0034).
 */
const MAX_GAP = 100;
const QUARTER_SECONDS = 900;

async function countNewPairs(store: Store, workspaceId: string, contactsSql: string, contactsParams: Record<string, unknown>, rebuilding = false) {
  const params = { workspaceId, ...contactsParams };
  const pairs = `
       pairs AS (
         SELECT contact, kind, bucket, max(counted) AS counted
         FROM contact_buckets
         WHERE workspace_id = {workspaceId:String} AND ${contactsSql}
         GROUP BY contact, kind, bucket
       )`;
  if (rebuilding) {
    // A rebuild run again finds every slice counted: one read instead of two writes that add nothing.
    // A round nearly always brings new pairs, and with none the two writes below add nothing either.
    const [{ uncounted }] = await store.query<{ uncounted: string }>(
      `WITH ${pairs} SELECT countIf(counted = 0) AS uncounted FROM pairs`,
      params,
      { report: "read-models:contact-buckets-new" },
    );
    if (Number(uncounted) === 0) return;
  }
  await store.command(
    `INSERT INTO conversation_gaps (workspace_id, bucket, kind, gap, contacts)
     WITH ${pairs},
       gaps AS (
         -- Each pair's gap to the contact's previous pair of its kind, over all its pairs and over the counted ones.
         SELECT bucket, kind, counted,
                ${quarters("lagInFrame(bucket, 1, toDateTime(0, 'UTC')) OVER chat")} AS any_gap,
                ${quarters("ifNull(max(if(counted = 1, bucket, NULL)) OVER before, toDateTime(0, 'UTC'))")} AS counted_gap
         FROM pairs
         WINDOW
           chat AS (PARTITION BY contact, kind ORDER BY bucket ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
           before AS (PARTITION BY contact, kind ORDER BY bucket ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
       )
     -- +1 for every pair's gap, -1 for the gap a counted pair was counted with.
     SELECT {workspaceId:String}, bucket, kind, change.1 AS gap, sum(change.2) AS contacts
     FROM gaps
     ARRAY JOIN if(counted = 1, [(any_gap, 1), (counted_gap, -1)], [(any_gap, 1)]) AS change
     GROUP BY bucket, kind, gap
     HAVING contacts != 0
     -- A round's pairs may span 100+ months, which only warns (ingestion.ts, MANY_PARTITIONS).
     SETTINGS throw_on_max_partitions_per_insert_block = 0`,
    params,
    { report: "read-models:conversation-gaps" },
  );
  await store.command(
    `INSERT INTO contact_buckets (workspace_id, contact, kind, bucket, counted)
     WITH ${pairs}
     SELECT {workspaceId:String}, contact, kind, bucket, 1
     FROM pairs
     WHERE counted = 0`,
    params,
    { report: "read-models:contact-buckets" },
  );
}

/** The gap in quarters from the bucket before (`previous`, epoch when none) to a pair's bucket: at most MAX_GAP. */
const quarters = (previous: string) =>
  `toUInt8(least(intDiv(toUnixTimestamp(bucket) - toUnixTimestamp(${previous}), ${QUARTER_SECONDS}), ${MAX_GAP}))`;
