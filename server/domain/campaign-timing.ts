/**
 * "When it works": which hours of which weekdays campaigns were read best.
 * Pure, so the router ranks and the page words the slots the same way.
 */

/** Below this many deliveries an hour's read rate is shown as uncertain and never ranked. */
export const FEW_DELIVERIES = 30;

/** ISO weekdays, 1 = Monday … 7 = Sunday, as ClickHouse's toDayOfWeek gives them. */
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export interface Slot {
  weekday: number;
  hour: number;
  delivered: number;
  readRate: number | null;
}

/**
 * The `count` best hours by read rate among those with at least `minDelivered`
 * deliveries; ties go to the hour with more deliveries, then the earlier one.
 */
export function bestSlots<T extends Slot>(cells: readonly T[], minDelivered = FEW_DELIVERIES, count = 3): T[] {
  return cells
    .filter((c) => c.delivered >= minDelivered && c.readRate !== null)
    .sort((a, b) => b.readRate! - a.readRate! || b.delivered - a.delivered || a.weekday - b.weekday || a.hour - b.hour)
    .slice(0, count);
}

const pad = (h: number) => `${String(h).padStart(2, "0")}:00`;

/** "Tuesdays 10:00–11:00: 64% read, 1,240 delivered" */
export function describeSlot(s: Slot): string {
  const rate = s.readRate === null ? "no deliveries" : `${Math.round(s.readRate * 100)}% read`;
  return `${WEEKDAYS[s.weekday - 1]}s ${pad(s.hour)}–${pad(s.hour + 1)}: ${rate}, ${s.delivered.toLocaleString("en-US")} delivered`;
}
