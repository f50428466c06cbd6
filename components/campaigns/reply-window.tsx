"use client";

import { DEFAULT_REPLY_WINDOW_HOURS } from "@/clickhouse/queries/campaign-common";
import { Select } from "@/components/ui/select";

/**
 * The campaign report's reply window, kept in the URL as `?window=24` (search-params.ts): a
 * reply without WhatsApp's context counts when it comes within this many
 * hours of the send. The default (72 h) is left out of the URL; the bounds
 * are the server's schema's (server/schemas/campaign-windows.ts).
 */
const DEFAULT_WINDOW = DEFAULT_REPLY_WINDOW_HOURS;
const CHOICES = [1, 6, 12, 24, 48, 72, 168, 336, 720];

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
