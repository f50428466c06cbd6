import { formatDecimal, formatRange, formatWholePercent } from "./format";
import styles from "./kpi-card.module.css";

/**
 * A KPI's change against the period of the same length before the range:
 * "▲ 12% vs Oct 8 – Nov 6". Counts change by a share of the earlier figure,
 * rates by percentage points. Green when the change is good news for the
 * person reading (`better`), red when it is not, grey when it is nothing.
 */
export function Delta({
  current,
  previous,
  range,
  kind = "count",
  better = "up",
}: {
  current: number | null;
  previous: number | null;
  /** The earlier period, named in the tooltip and for screen readers. */
  range: { from: string; to: string };
  kind?: "count" | "rate";
  better?: "up" | "down";
}) {
  const vs = `vs ${formatRange(range.from, range.to)}`;
  if (current === null || previous === null) return <span className={styles.delta}>— {vs}</span>;
  let text: string;
  let change: number;
  if (kind === "rate") {
    change = (current - previous) * 100;
    text = `${formatDecimal(Math.abs(change))} pts`;
  } else if (previous === 0) {
    change = current;
    text = current === 0 ? "no change" : "new";
  } else {
    change = (current - previous) / previous;
    text = formatWholePercent(Math.abs(change));
  }
  const flat = kind === "rate" ? Math.abs(change) < 0.05 : previous !== 0 && Math.abs(change) < 0.005;
  const arrow = flat || change === 0 ? "" : change > 0 ? "▲ " : "▼ ";
  const tone = flat || change === 0 ? "flat" : (change > 0) === (better === "up") ? "good" : "bad";
  return (
    <span className={styles.delta} data-tone={tone} title={`${kind === "rate" ? "Change in percentage points" : "Change"} ${vs}`}>
      {flat && text !== "new" ? "no change" : `${arrow}${text}`} {vs}
    </span>
  );
}
