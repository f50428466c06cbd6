"use client";

import { useId, useState, type FormEvent } from "react";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { formatDayShort } from "@/components/ui/format";
import { customRangeProblem, PRESETS, todayIn, type RangeSelection } from "./range";
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
  const [problem, setProblem] = useState<string | null>(null);
  const formId = useId();
  const zone = useWorkspaceZone();
  const today = todayIn(zone);

  function applyCustom(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const from = String(form.get("from") ?? "");
    const to = String(form.get("to") ?? "");
    const why = customRangeProblem(from, to);
    setProblem(why);
    if (!why) onChange({ kind: "custom", from, to });
  }

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
              setProblem(null);
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
        // Keyed by the range so the inputs reset when the URL changes under them (back button, a preset).
        <form id={formId} key={`${resolved.from}/${resolved.to}`} className={styles.customRange} onSubmit={applyCustom}>
          <label>
            <span>From</span>
            <input type="date" name="from" defaultValue={resolved.from} max={today} required />
          </label>
          <label>
            <span>To</span>
            <input type="date" name="to" defaultValue={resolved.to} max={today} required />
          </label>
          <button type="submit" className="btn btn-small btn-primary">
            Apply
          </button>
          <span className={styles.rangeToday}>
            Today is {formatDayShort(today)} in {zone}
          </span>
          {problem ? (
            <p role="alert" className={styles.rangeProblem}>
              {problem}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
