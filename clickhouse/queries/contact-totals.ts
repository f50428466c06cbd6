import type { Store } from "../client";

/**
 * A workspace's number of contacts as a scalar subquery, from contact_totals
 * (0044): what `count()` of its contacts under FINAL answers, without merging
 * them. Rounds keep it (read-models.ts, refreshContacts); repairContactTotal
 * puts it right after a rebuild, a failed refresh and a start.
 */
export const CONTACT_TOTAL_SQL = "(SELECT toUInt64(sum(contacts)) FROM contact_totals WHERE workspace_id = {workspaceId:String})";

/**
 * Adds to contact_totals the difference between a recount of the workspace's
 * contacts and the total it keeps, and nothing when there is none. A round
 * adds its new contacts after it writes their rows, so a process that stops
 * between the two leaves the total short; the pipeline runs this in the
 * workspace's refresh queue after a failed refresh and once after a start,
 * when no round writes, and after a rebuild, which writes every row anew.
 */
export async function repairContactTotal(store: Store, workspaceId: string): Promise<void> {
  await store.command(
    `INSERT INTO contact_totals (workspace_id, contacts)
     SELECT {workspaceId:String}, counted - kept
     FROM (
       SELECT toInt64((SELECT count() FROM contacts FINAL WHERE workspace_id = {workspaceId:String})) AS counted,
              (SELECT sum(contacts) FROM contact_totals WHERE workspace_id = {workspaceId:String}) AS kept
     )
     WHERE counted != kept`,
    { workspaceId },
    { report: "read-models:contact-total-repair" },
  );
}

/** Adds a round's new contacts to the workspace's total. */
export async function addToContactTotal(store: Store, workspaceId: string, contacts: number): Promise<void> {
  if (contacts === 0) return;
  await store.insert("contact_totals", [{ workspace_id: workspaceId, contacts }], { report: "read-models:contact-total" });
}

/**
 * The workspaces that have contacts: those a start checks (their campaign
 * counts and their totals), and those a rebuild or an upgrade's backfill goes
 * through one by one.
 */
export async function workspacesWithContacts(store: Store): Promise<string[]> {
  const rows = await store.query<{ workspace_id: string }>(`SELECT DISTINCT workspace_id FROM contact_state`, {}, {
    report: "read-models:contact-workspaces",
    tenant: "exempt: lists the workspaces that have contacts, to check, rebuild or backfill each one",
  });
  return rows.map((r) => r.workspace_id);
}
