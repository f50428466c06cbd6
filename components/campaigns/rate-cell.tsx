import { formatRate } from "@/components/ui/format";
import styles from "./campaigns.module.css";

/** A rate with a small bar, so a column of them can be scanned (the campaign list, breakdowns). */
export function RateCell({ rate }: { rate: number | null }) {
  return (
    <span className={styles.rateCell}>
      <span className={styles.rateBar} aria-hidden="true">
        <span style={{ width: `${Math.round((rate ?? 0) * 100)}%` }} />
      </span>
      <span className={styles.rateValue}>{formatRate(rate)}</span>
    </span>
  );
}
