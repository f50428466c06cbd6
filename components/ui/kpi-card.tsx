import { IntentLink } from "@/components/ui/intent-link";
import type { ReactNode } from "react";
import { formatNumber } from "./format";
import { Skeleton } from "./query-state";
import styles from "./kpi-card.module.css";

/** A row of key figures, named for screen readers ("Key figures", "Totals of the range"). */
export function KpiRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section aria-label={label} className={styles.row}>
      {children}
    </section>
  );
}

/**
 * One key figure: its label, the value (a count gets thousands separators and
 * stays machine-readable in <data>; `null` is still loading), its change
 * against the previous period (a <Delta>), a hint, and where to read more.
 */
export function KpiCard({
  testId,
  label,
  value,
  raw,
  delta,
  hint,
  link,
  tone,
  color,
  compact,
}: {
  testId: string;
  label: string;
  /** A count, a figure already formatted (a rate, a duration), or null while it loads. */
  value: number | string | null;
  /** The machine-readable figure behind a formatted `value`. */
  raw?: number | null;
  delta?: ReactNode;
  hint?: ReactNode;
  link?: { href: string; label: string };
  tone?: "attention";
  /** A dot of the figure's colour in a chart or a status bar beside it. */
  color?: string;
  /** A tile inside a panel rather than a headline card. */
  compact?: boolean;
}) {
  const machine = typeof value === "number" ? value : raw;
  return (
    <div className={styles.card} data-testid={testId} data-tone={tone} data-compact={compact || undefined}>
      <span className={styles.label}>
        {color ? <span className={styles.dot} style={{ background: color }} aria-hidden="true" /> : null}
        {label}
      </span>
      {value === null ? (
        <span className={styles.valueSkeleton} aria-hidden="true" />
      ) : (
        <data className={styles.value} value={machine === null || machine === undefined ? "" : String(machine)}>
          {typeof value === "number" ? formatNumber(value) : value}
        </data>
      )}
      {delta}
      {hint ? <span className={styles.hint}>{hint}</span> : null}
      {link ? (
        <IntentLink href={link.href} className={styles.link}>
          {link.label}
        </IntentLink>
      ) : null}
    </div>
  );
}

/** Grey cards in the shape of a row of key figures, for a page's first load. */
export function KpiSkeletons({ count, compact }: { count: number; compact?: boolean }) {
  return (
    <div className={compact ? undefined : styles.row} style={compact ? { display: "grid", gridTemplateColumns: `repeat(${count}, minmax(0, 1fr))`, gap: 12 } : undefined} aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className={styles.card} data-compact={compact || undefined}>
          <Skeleton width="55%" height={12} />
          <Skeleton width="40%" height={compact ? 24 : 28} style={{ marginTop: 10 }} />
          {compact ? null : <Skeleton width="70%" height={10} style={{ marginTop: 10 }} />}
        </div>
      ))}
    </div>
  );
}
