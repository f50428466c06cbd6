"use client";

import { useId, useMemo } from "react";
import type { FieldError as RhfFieldError, UseFormRegisterReturn } from "react-hook-form";
import { currentZoneName, zoneOffsetLabel } from "@/clickhouse/vocabulary/time-zones";
import { FieldError, fieldAria } from "@/components/forms/field-error";
import { formatZoneClock } from "@/components/ui/format";
import { timeZoneInput } from "@/server/schemas/settings";

/** "Asia/Kolkata (UTC+05:30)": what the list and the hint show. */
export function describeZone(zone: string): string {
  const offset = zoneOffsetLabel(zone);
  return offset && offset !== zone ? `${zone} (${offset})` : zone;
}

/** This browser's zone under its current IANA name (a browser may still say Asia/Calcutta). */
export function browserZone(): string {
  return currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/**
 * The server's zone rule, then the list it checks against (which only it
 * knows: the zones its database has), so a zone is refused before a request.
 */
export function useZoneSchema(zones: readonly string[]) {
  return useMemo(() => {
    const known = new Set(zones);
    return timeZoneInput.shape.timeZone.refine((z) => known.has(z), "pick a zone from the list: an IANA name like Asia/Kolkata or America/Sao_Paulo, or UTC");
  }, [zones]);
}

export interface TimeZoneFieldStyles {
  field?: string;
  input?: string;
  hint?: string;
  fieldError?: string;
}

/**
 * A time zone typed with the list's help: an input over a datalist of the
 * zones with their offsets, the zone's clock now as its hint, its error
 * beside it. Manage → General and a new workspace pick a zone with it.
 */
export function TimeZoneField({
  registration,
  zones,
  typed,
  error,
  readOnly = false,
  styles,
}: {
  registration: UseFormRegisterReturn;
  zones: readonly string[];
  /** The field's value now. */
  typed: string;
  error: RhfFieldError | undefined;
  readOnly?: boolean;
  styles: TimeZoneFieldStyles;
}) {
  const ids = { input: useId(), list: useId(), hint: useId(), error: useId() };
  const known = zones.includes(typed.trim());
  return (
    <div className={styles.field}>
      <label htmlFor={ids.input}>Time zone</label>
      <input
        id={ids.input}
        className={styles.input}
        {...registration}
        readOnly={readOnly}
        list={readOnly ? undefined : ids.list}
        autoComplete="off"
        spellCheck={false}
        {...fieldAria(error, ids.error, ids.hint)}
      />
      {readOnly ? null : (
        <datalist id={ids.list}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {zoneOffsetLabel(z) ?? ""}
            </option>
          ))}
        </datalist>
      )}
      <FieldError id={ids.error} error={error} className={styles.fieldError} />
      <span id={ids.hint} className={styles.hint}>
        {known ? `Now ${describeZone(typed.trim())}: ${formatZoneClock(typed.trim())}.` : "Type a city or region, like Kolkata or Sao_Paulo, and pick it from the list."}
      </span>
    </div>
  );
}
