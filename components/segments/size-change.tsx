import { formatNumber } from "@/components/ui/format";
import sync from "./sync.module.css";

/** "+1,204 in 7 days" from the daily sizes, or "—" while a segment has none from the past week. */
export function SizeChange({ change }: { change: { change: number; days: number } | null }) {
  if (!change) {
    return (
      <span className={sync.change} title="No size recorded in the past 7 days yet: sizes are recorded once a day.">
        —
      </span>
    );
  }
  const sign = change.change > 0 ? "+" : change.change < 0 ? "−" : "±";
  // No colour: a growing audience is good news for "VIPs" and bad news for "Churn risk".
  return (
    <span className={sync.change}>
      {sign}
      {formatNumber(Math.abs(change.change))} <span className={sync.changeSpan}>in {change.days} {change.days === 1 ? "day" : "days"}</span>
    </span>
  );
}
