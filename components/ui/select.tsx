import { useId, type ReactNode, type SelectHTMLAttributes } from "react";
import styles from "./select.module.css";

/**
 * A native <select> in the app's style, with its label: the browser's own
 * list keeps keyboard, screen reader and mobile behaviour for free.
 * `inline` puts the label beside the box ("Rows per page [25]").
 */
export function Select({
  label,
  hideLabel,
  inline,
  hint,
  className,
  children,
  id,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { label: ReactNode; hideLabel?: boolean; inline?: boolean; hint?: ReactNode; children: ReactNode }) {
  const autoId = useId();
  const selectId = id ?? autoId;
  const hintId = `${selectId}-hint`;
  return (
    <span className={`${styles.field} ${className ?? ""}`} data-inline={inline || undefined}>
      <label htmlFor={selectId} className={hideLabel ? "visually-hidden" : styles.label}>
        {label}
      </label>
      <select id={selectId} className={styles.select} aria-describedby={hint ? hintId : undefined} {...props}>
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
