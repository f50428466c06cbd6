/** The profile URL of a contact. */
export function profileHref(workspaceId: string, contact: string, at?: string): string {
  const base = `/w/${encodeURIComponent(workspaceId)}/contacts/${encodeURIComponent(contact)}`;
  return at ? `${base}?at=${encodeURIComponent(at)}` : base;
}
