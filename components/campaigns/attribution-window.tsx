"use client";

import { useId } from "react";
import { DEFAULT_ATTRIBUTION_DAYS, MAX_ATTRIBUTION_DAYS, MIN_ATTRIBUTION_DAYS } from "@/clickhouse/vocabulary/attribution";
import styles from "./campaigns.module.css";

/**
 * The attribution window of the campaign page and list, kept in the URL as
 * `?attribution=14`: a conversion counts for the campaign last delivered to
 * the contact before it when it comes within this many days of that delivery.
 * The default (7 days) is left out of the URL; the server has the last word
 * on the bounds.
 */
const CHOICES = [1, 3, 7, 14, 30];

export function readAttribution(params: Pick<URLSearchParams, "get">): number {
  const days = Number(params.get("attribution"));
  return Number.isInteger(days) && days >= MIN_ATTRIBUTION_DAYS && days <= MAX_ATTRIBUTION_DAYS ? days : DEFAULT_ATTRIBUTION_DAYS;
}

/** Sets (or, for the default, removes) `attribution` in a query string being built. */
export function writeAttribution(next: URLSearchParams, days: number): URLSearchParams {
  if (days === DEFAULT_ATTRIBUTION_DAYS) next.delete("attribution");
  else next.set("attribution", String(days));
  return next;
}

export const formatDays = (days: number) => (days === 1 ? "1 day" : `${days} days`);

/** The picker: the usual windows, and whatever other valid value a shared link carries. */
export function AttributionPicker({ value, onChange }: { value: number; onChange: (days: number) => void }) {
  const id = useId();
  const choices = CHOICES.includes(value) ? CHOICES : [...CHOICES, value].sort((a, b) => a - b);
  return (
    <label htmlFor={id} className={styles.saved} title="A conversion counts for the campaign the contact last received, when it comes within this time of the delivery.">
      Attribution window{" "}
      <select id={id} value={value} onChange={(e) => onChange(Number(e.currentTarget.value))}>
        {choices.map((d) => (
          <option key={d} value={d}>
            {formatDays(d)}
            {d === DEFAULT_ATTRIBUTION_DAYS ? " (default)" : ""}
          </option>
        ))}
      </select>
    </label>
  );
}
