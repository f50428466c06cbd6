import type { Store } from "../client";
import { mergeReadModels, nextVersion, refreshRecipients } from "./read-models";

/** Recipients rewritten per round of the backfill: a JSON parameter of this many pairs stays small. */
const PAIRS_PER_ROUND = 20_000;

/**
 * The backfill of 0026: the recipients of every contact who ever opted out,
 * rewritten by the read models' own refresh, so their opted_out_at is what
 * ingestion writes today. Nobody else's can hold one.
 */
export async function backfillRecipientOptOuts(store: Store, log: (line: string) => void = () => {}) {
  const workspaces = await store.query<{ workspace_id: string }>(
    "SELECT DISTINCT workspace_id FROM contact_opt_events WHERE opted_out = 1",
    {},
    { report: "recipients-opt-outs:workspaces", tenant: "exempt: the upgrade lists the workspaces that have opt-outs" },
  );
  for (const { workspace_id: workspaceId } of workspaces) {
    const pairs = (
      await store.query<{ campaign_id: string; contact: string }>(
        `SELECT DISTINCT campaign_id, contact
         FROM recipients
         WHERE workspace_id = {workspaceId:String}
           AND contact IN (SELECT contact FROM contact_opt_events WHERE workspace_id = {workspaceId:String} AND opted_out = 1)`,
        { workspaceId },
        { report: "recipients-opt-outs:pairs" },
      )
    ).map((r): [string, string] => [r.campaign_id, r.contact]);
    for (let i = 0; i < pairs.length; i += PAIRS_PER_ROUND) {
      const recipients = pairs.slice(i, i + PAIRS_PER_ROUND);
      const scope = { contacts: [...new Set(recipients.map((p) => p[1]))], recipients, inbound: { contacts: [], since: 0 } };
      await refreshRecipients(store, workspaceId, scope, nextVersion());
    }
    log(`opt-outs of ${pairs.length} recipients of ${workspaceId} written`);
  }
  // The rewritten rows are spread over every campaign: merged once, a campaign's FINAL read stays one part
  // (the biggest campaign's compare and stage pages took 1.5–2× as long over the backfill's parts).
  if (workspaces.length > 0) await mergeReadModels(store, ["recipients"]);
}
