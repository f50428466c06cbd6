import type { Store } from "../client";

/** Which of these event ids the workspace already has. */
export async function existingEventIds(store: Store, workspaceId: string, eventIds: string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await store.query<{ event_id: string }>(
    `SELECT DISTINCT event_id FROM event_ids
     WHERE workspace_id = {workspaceId:String} AND event_id IN {eventIds:Array(String)}`,
    { workspaceId, eventIds },
  );
  return new Set(rows.map((r) => r.event_id));
}

/** Which of these contacts have already written to the business (so a new inbound message is not their first). */
export async function contactsWithInbound(store: Store, workspaceId: string, contacts: string[]): Promise<Set<string>> {
  if (contacts.length === 0) return new Set();
  const rows = await store.query<{ contact: string }>(
    `SELECT contact FROM contact_state
     WHERE workspace_id = {workspaceId:String} AND contact IN {contacts:Array(String)}
     GROUP BY contact
     HAVING max(last_active) IS NOT NULL`,
    { workspaceId, contacts },
  );
  return new Set(rows.map((r) => r.contact));
}

/** Which of these contacts the workspace already has. */
export async function existingContacts(store: Store, workspaceId: string, contacts: string[]): Promise<Set<string>> {
  if (contacts.length === 0) return new Set();
  const rows = await store.query<{ contact: string }>(
    `SELECT DISTINCT contact FROM contact_state
     WHERE workspace_id = {workspaceId:String} AND contact IN {contacts:Array(String)}`,
    { workspaceId, contacts },
  );
  return new Set(rows.map((r) => r.contact));
}

/** The campaign of each outbound message, by WhatsApp message id. */
export async function campaignsOfMessages(
  store: Store,
  workspaceId: string,
  wamids: string[],
): Promise<Map<string, string>> {
  if (wamids.length === 0) return new Map();
  const rows = await store.query<{ wamid: string; campaign_id: string }>(
    `SELECT wamid, any(campaign_id) AS campaign_id FROM outbound_messages
     WHERE workspace_id = {workspaceId:String} AND wamid IN {wamids:Array(String)}
     GROUP BY wamid`,
    { workspaceId, wamids },
  );
  return new Map(rows.map((r) => [r.wamid, r.campaign_id]));
}

export async function insertEventRows(store: Store, workspaceId: string, rows: Array<{ workspace_id: string }>) {
  if (rows.some((r) => r.workspace_id !== workspaceId)) {
    throw new Error("refusing to write events of another workspace");
  }
  await store.insert("events", rows);
}
