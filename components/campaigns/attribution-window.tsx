"use client";

import { DEFAULT_ATTRIBUTION_DAYS } from "@/clickhouse/vocabulary/attribution";
import { Select } from "@/components/ui/select";

/**
 * The attribution window of the campaign page and list, kept in the URL as
 * `?attribution=14` (search-params.ts): a conversion counts for the campaign last delivered to
 * the contact before it when it comes within this many days of that delivery.
 * The default (7 days) is left out of the URL; the bounds are the server's
 * schema's (server/schemas/campaign-windows.ts).
 */
const CHOICES = [1, 3, 7, 14, 30];

export const formatDays = (days: number) => (days === 1 ? "1 day" : `${days} days`);

/** The picker: the usual windows, and whatever other valid value a shared link carries. */
export function AttributionPicker({ value, onChange }: { value: number; onChange: (days: number) => void }) {
  const choices = CHOICES.includes(value) ? CHOICES : [...CHOICES, value].sort((a, b) => a - b);
  return (
    <Select
      label="Attribution window"
      inline
      title="A conversion counts for the campaign the contact last received, when it comes within this time of the delivery."
      value={value}
      onChange={(e) => onChange(Number(e.currentTarget.value))}
    >
      {choices.map((d) => (
        <option key={d} value={d}>
          {formatDays(d)}
          {d === DEFAULT_ATTRIBUTION_DAYS ? " (default)" : ""}
        </option>
      ))}
    </Select>
  );
}
