import { isSupportedTime, SUPPORTED_DATES } from "@/clickhouse/vocabulary/dates";

/**
 * Meta's `timestamp`: decimal epoch seconds, as text. Anything else ("",
 * "0x10", "1e20", which Number() would read) is refused rather than guessed,
 * and so is a time the store cannot hold.
 */
export function epochSecondsToIso(raw: string): { iso: string } | { reason: string } {
  const shown = JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
  if (!/^\d+$/.test(raw)) return { reason: `timestamp ${shown} is not a time in decimal epoch seconds, like "1749416383"` };
  const ms = Number(raw) * 1000;
  if (!isSupportedTime(ms)) return { reason: `timestamp ${shown} is outside the supported dates, ${SUPPORTED_DATES}` };
  return { iso: new Date(ms).toISOString() };
}
