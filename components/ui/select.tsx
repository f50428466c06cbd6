import { useId, type ComponentProps, type ReactNode } from "react";
import styles from "./select.module.css";

/**
 * A native <select> in the app's style, with its label: the browser's own
 * list keeps keyboard, screen reader and mobile behaviour for free.
 * `inline` puts the label beside the box ("Rows per page [25]"); `compact`
 * is the denser box of rows of controls (the segment builder); `adds` is a
 * menu-like picker whose first option is the prompt ("+ Add condition…"),
 * drawn dashed like the other "add" controls. A `ref` reaches the <select>,
 * so react-hook-form's register() spreads onto it.
 */
export function Select({
  label,
  hideLabel,
  inline,
  compact,
  adds,
  hint,
  className,
  children,
  id,
  ...props
}: ComponentProps<"select"> & { label: ReactNode; hideLabel?: boolean; inline?: boolean; compact?: boolean; adds?: boolean; hint?: ReactNode; children: ReactNode }) {
  const autoId = useId();
  const selectId = id ?? autoId;
  const hintId = `${selectId}-hint`;
  // The caller's descriptions (a field's error) come first, then the hint.
  const describedBy = [props["aria-describedby"], hint ? hintId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <span className={`${styles.field} ${className ?? ""}`} data-inline={inline || undefined}>
      <label htmlFor={selectId} className={hideLabel ? "visually-hidden" : styles.label}>
        {label}
      </label>
      <select {...props} id={selectId} className={styles.select} data-compact={compact || undefined} data-adds={adds || undefined} aria-describedby={describedBy}>
        {children}
      </select>
      {hint ? (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      ) : null}
    </span>
  );
}
