import { formatHourSpan, formatNumber, formatRate, formatWholePercent } from "@/components/ui/format";
import { WEEKDAYS, type Slot } from "@/server/domain/campaign-timing";

/** "Tuesdays 10:00–11:00: 64% read, 1,240 delivered": a best hour, in the list under the heatmap. */
export function describeSlot(s: Slot): string {
  const rate = s.readRate === null ? "no deliveries" : `${formatWholePercent(s.readRate)} read`;
  return `${WEEKDAYS[s.weekday - 1]}s ${formatHourSpan(s.hour)}: ${rate}, ${formatNumber(s.delivered)} delivered`;
}

/** "Tuesday 10:00–11:00 Asia/Kolkata: 64.2% read of 1,240 delivered": one heatmap cell, for its title and screen readers. */
export function describeCell(c: Slot & { few: boolean }, timeZone: string): string {
  const when = `${WEEKDAYS[c.weekday - 1]} ${formatHourSpan(c.hour)} ${timeZone}`;
  if (c.delivered === 0) return `${when}: nothing delivered`;
  const few = c.few ? " (few deliveries: uncertain)" : "";
  return `${when}: ${formatRate(c.readRate)} read of ${formatNumber(c.delivered)} delivered${few}`;
}
