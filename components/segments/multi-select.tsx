"use client";

import styles from "./segments.module.css";

/**
 * Chosen values as removable chips, and a picker that adds one more. Values
 * that are not among the options (a tag since removed, say) still show, so a
 * saved filter never changes silently.
 */
export function MultiSelect({
  label,
  values,
  options,
  onChange,
  placeholder = "Add…",
  emptyText,
}: {
  label: string;
  values: string[];
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (next: string[]) => void;
  placeholder?: string;
  /** Shown when nothing is chosen (e.g. "any campaign"). */
  emptyText?: string;
}) {
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  const rest = options.filter((o) => !values.includes(o.value));
  return (
    <span className={styles.multi} role="group" aria-label={label}>
      {values.map((v) => (
        <span key={v} className={styles.chip}>
          {labelOf(v)}
          <button type="button" aria-label={`Remove ${labelOf(v)} from ${label}`} onClick={() => onChange(values.filter((x) => x !== v))}>
            ×
          </button>
        </span>
      ))}
      {values.length === 0 && emptyText ? <span className={styles.emptyChoice}>{emptyText}</span> : null}
      {rest.length ? (
        <select
          className={styles.addSelect}
          aria-label={`Add to ${label}`}
          value=""
          onChange={(e) => {
            if (e.target.value) onChange([...values, e.target.value]);
          }}
        >
          <option value="">{placeholder}</option>
          {rest.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : null}
    </span>
  );
}

export const asOptions = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));
