import { formatNumber } from "@/components/overview/format";


const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A wait in the largest units that read naturally: "45 s", "12 min", "3 h 20 min", "2 d 4 h". */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "—";
  if (ms < MINUTE) return `${Math.round(ms / 1000)} s`;
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  // Round to the smaller unit first, so 5 d 23.6 h reads "6 d", never "5 d 24 h".
  if (ms < DAY - 30 * MINUTE) {
    const minutes = Math.round(ms / MINUTE);
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 || h >= 10 ? `${Math.round(ms / HOUR)} h` : `${h} h ${m} min`;
  }
  const hours = Math.round(ms / HOUR);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h === 0 || d >= 10 ? `${Math.round(ms / DAY)} d` : `${d} d ${h} h`;
}


/** Requests per 100 contacts, one decimal. */
export function formatRate(requests: number, contacts: number): string {
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
