import { formatNumber } from "@/components/overview/format";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A wait in the largest units that read naturally: "45 s", "12 min", "3 h 20 min", "2 d 4 h". */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "—";
  if (ms < MINUTE) return `${Math.round(ms / 1000)} s`;
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  if (ms < DAY) {
    const h = Math.floor(ms / HOUR);
    const m = Math.round((ms - h * HOUR) / MINUTE);
    return m === 0 || h >= 10 ? `${Math.round(ms / HOUR)} h` : `${h} h ${m} min`;
  }
  const d = Math.floor(ms / DAY);
  const h = Math.round((ms - d * DAY) / HOUR);
  return h === 0 || d >= 10 ? `${Math.round(ms / DAY)} d` : `${d} d ${h} h`;
}

const DATE_TIME = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** "Mar 3, 09:00 UTC": times stay in UTC like the day buckets. */
export const formatDateTime = (iso: string) => `${DATE_TIME.format(new Date(iso))}`;

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
