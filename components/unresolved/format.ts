import { formatNumber } from "@/components/ui/format";

/** Requests per 100 contacts, one decimal. */
export function formatPer100(requests: number, contacts: number): string {
  if (contacts === 0) return "—";
  const rate = (100 * requests) / contacts;
  return rate >= 100 ? formatNumber(Math.round(rate)) : rate.toFixed(1);
}

/** The chat profile of a contact, opened at a moment of its journey when `at` is given. */
export function profileHref(workspaceId: string, contact: string, at?: string): string {
  const base = `/w/${encodeURIComponent(workspaceId)}/contacts/${encodeURIComponent(contact)}`;
  return at ? `${base}?at=${encodeURIComponent(at)}` : base;
}

/** A contact as people know them: the profile name, else the phone. */
export const contactLabel = (c: { name: string; contact: string }) => c.name || c.contact;
