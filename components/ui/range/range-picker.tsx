"use client";

import { useId, useState } from "react";
import { FieldError, fieldAria } from "@/components/forms/field-error";
import { useSchemaForm } from "@/components/forms/schema-form";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { formatDayShort } from "@/components/ui/format";
import { customRangeForm } from "@/server/schemas/report-range";
import { PRESETS, todayIn, type RangeSelection } from "./range";
import styles from "./range-picker.module.css";

export function RangePicker({
  selection,
  resolved,
  onChange,
}: {
  selection: RangeSelection;
  resolved: { from: string; to: string };
  onChange: (next: RangeSelection) => void;
}) {
  const [customOpen, setCustomOpen] = useState(selection.kind === "custom");
  const formId = useId();

  return (
    <div className={styles.rangePicker}>
      <div role="group" aria-label="Date range" className={styles.segmented}>
        {PRESETS.map((days) => (
          <button
            key={days}
            type="button"
            aria-pressed={selection.kind === "preset" && selection.days === days}
            onClick={() => {
              setCustomOpen(false);
              onChange({ kind: "preset", days });
            }}
          >
            Last {days} days
          </button>
        ))}
        <button
          type="button"
          aria-pressed={selection.kind === "custom"}
          aria-expanded={customOpen}
          aria-controls={formId}
          onClick={() => setCustomOpen((open) => !open)}
        >
          Custom
        </button>
      </div>
      {customOpen ? (
        // Keyed by the range so the days reset when the URL changes under them (back button, a preset).
        <CustomRange key={`${resolved.from}/${resolved.to}`} id={formId} resolved={resolved} onApply={(from, to) => onChange({ kind: "custom", from, to })} />
      ) : null}
    </div>
  );
}

/**
 * The two days of a custom range, checked by the reports' own schema
 * (server/schemas/report-range.ts): a wrong range is refused here, in the
 * server's words, before any report is asked for, and the words follow the
 * correction as it is typed.
 */
function CustomRange({ id, resolved, onApply }: { id: string; resolved: { from: string; to: string }; onApply: (from: string, to: string) => void }) {
  const zone = useWorkspaceZone();
  const today = todayIn(zone);
  const form = useSchemaForm(customRangeForm, { defaultValues: resolved });
  const errors = form.formState.errors;
  const ids = { fromError: useId(), toError: useId() };
  return (
    <form id={id} className={styles.customRange} onSubmit={form.handleSubmit(({ from, to }) => onApply(from, to))} aria-label="Custom date range" noValidate>
      <label>
        <span>From</span>
        {/* Either day may settle the other's problem (the order of the two), so both are checked together. */}
        <input type="date" {...form.register("from", { deps: "to" })} max={today} {...fieldAria(errors.from, ids.fromError)} />
      </label>
      <label>
        <span>To</span>
        <input type="date" {...form.register("to", { deps: "from" })} max={today} {...fieldAria(errors.to, ids.toError)} />
      </label>
      <button type="submit" className="btn btn-small btn-primary">
        Apply
      </button>
      <span className={styles.rangeToday}>
        Today is {formatDayShort(today)} in {zone}
      </span>
      <FieldError id={ids.fromError} error={errors.from} className={styles.rangeProblem} />
      <FieldError id={ids.toError} error={errors.to} className={styles.rangeProblem} />
    </form>
  );
}
