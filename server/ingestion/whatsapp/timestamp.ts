import { EVENT_TIME_WINDOW, isEventTime } from "@/clickhouse/vocabulary/dates";

/**
 * Meta's `timestamp`: decimal epoch seconds, as text. Anything else ("",
 * "0x10", "1e20", which Number() would read) is refused rather than guessed,
 * and so is a time outside the event window (the event schema's own rule,
 * said here in the webhook's words).
 */
export function epochSecondsToIso(raw: string): { iso: string } | { reason: string } {
  const shown = JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
  if (!/^\d+$/.test(raw)) return { reason: `timestamp ${shown} is not a time in decimal epoch seconds, like "1749416383"` };
  const ms = Number(raw) * 1000;
  if (!isEventTime(ms)) return { reason: `timestamp ${shown} is outside the accepted event times, ${EVENT_TIME_WINDOW.described}` };
  return { iso: new Date(ms).toISOString() };
}
