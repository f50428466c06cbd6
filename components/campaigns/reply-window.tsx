"use client";

import { Select } from "@/components/ui/select";

/**
 * The campaign report's reply window, kept in the URL as `?window=24`: a
 * reply without WhatsApp's context counts when it comes within this many
 * hours of the send. The default (72 h) is left out of the URL. The bounds
 * repeat the server's (server/routers/campaign-inputs.ts), which has the
 * last word.
 */
export const DEFAULT_WINDOW = 72;
const MIN_WINDOW = 1;
const MAX_WINDOW = 720;
const CHOICES = [1, 6, 12, 24, 48, 72, 168, 336, 720];

export function readReplyWindow(params: Pick<URLSearchParams, "get">): number {
  const hours = Number(params.get("window"));
  return Number.isInteger(hours) && hours >= MIN_WINDOW && hours <= MAX_WINDOW ? hours : DEFAULT_WINDOW;
}

/** Sets (or, for the default, removes) `window` in a query string being built. */
export function writeReplyWindow(next: URLSearchParams, hours: number): URLSearchParams {
  if (hours === DEFAULT_WINDOW) next.delete("window");
  else next.set("window", String(hours));
  return next;
}

export function formatWindow(hours: number): string {
  if (hours % 24 === 0 && hours >= 168) return `${hours / 24} days`;
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

/** The picker: the usual windows, and whatever other valid value a shared link carries. */
export function ReplyWindowPicker({ value, onChange }: { value: number; onChange: (hours: number) => void }) {
  const choices = CHOICES.includes(value) ? CHOICES : [...CHOICES, value].sort((a, b) => a - b);
  return (
    <Select
      label="Reply window"
      inline
      title="A reply that does not quote the campaign message counts when it arrives within this time of the send."
      value={value}
      onChange={(e) => onChange(Number(e.currentTarget.value))}
    >
        {choices.map((h) => (
          <option key={h} value={h}>
            {formatWindow(h)}
            {h === DEFAULT_WINDOW ? " (default)" : ""}
          </option>
        ))}
    </Select>
  );
}
