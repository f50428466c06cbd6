import type { Store } from "../client";
import { BY_PHONE_SETTINGS } from "./contacts-by-phone";

/** The profile names of a few contacts (a page of a list), by phone. */
export async function contactNames(store: Store, workspaceId: string, contacts: string[]): Promise<Map<string, string>> {
  if (contacts.length === 0) return new Map();
  const rows = await store.query<{ contact: string; name: string }>(
    `SELECT contact, name
     FROM contacts FINAL
     WHERE workspace_id = {workspaceId:String} AND contact IN {contacts:Array(String)}
     ${BY_PHONE_SETTINGS}`,
    { workspaceId, contacts: [...new Set(contacts)] },
    { report: "contact-names" },
  );
  return new Map(rows.map((r) => [r.contact, r.name]));
}

/** How many of these phones are contacts of the workspace (an uploaded list's numbers, say). */
export async function countKnownContacts(store: Store, workspaceId: string, contacts: string[]): Promise<number> {
  if (contacts.length === 0) return 0;
  const [row] = await store.query<{ known: string }>(
    `SELECT count() AS known
     FROM contacts FINAL
     WHERE workspace_id = {workspaceId:String} AND contact IN {contacts:Array(String)}
     ${BY_PHONE_SETTINGS}`,
    { workspaceId, contacts: [...new Set(contacts)] },
    { report: "contact-names:known-count" },
  );
  return Number(row?.known ?? 0);
}
