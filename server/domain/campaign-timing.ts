/**
 * "When it works": which hours of which weekdays campaigns were read best.
 * Pure, so the router ranks the slots and the page shows them by the same rule
 * (components/campaigns/timing-words.ts words them).
 */

/** Below this many deliveries an hour's read rate is shown as uncertain (pale and striped). */
export const FEW_DELIVERIES = 30;

/** ISO weekdays, 1 = Monday … 7 = Sunday, as ClickHouse's toDayOfWeek gives them. */
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export interface Slot {
  weekday: number;
  hour: number;
  delivered: number;
  readRate: number | null;
}

/** The lower end of Wilson's 95% score interval for `successes` of `trials` (0 when there were none). */
export function wilsonLowerBound(successes: number, trials: number, z = 1.96): number {
  if (trials === 0) return 0;
  const p = successes / trials;
  const z2 = z * z;
  const centre = p + z2 / (2 * trials);
  const spread = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return (centre - spread) / (1 + z2 / trials);
}

/**
 * The `count` best hours: those whose read rate is, with 95% confidence,
 * above the read rate of all the cells together (the lower bound of the
 * hour's Wilson interval is above it), best lower bound first. An hour backed
 * by a few dozen deliveries, or the only hour a lone campaign went out, is
 * never named: its interval reaches below the overall rate. Nor is an hour the
 * grid itself shows as uncertain (under FEW_DELIVERIES): ten reads of ten clear
 * a 66% rate by Wilson's bound, and among 168 hours a few such runs of luck
 * are to be expected.
 */
export function bestSlots<T extends Slot & { read: number }>(cells: readonly T[], count = 3): T[] {
  const delivered = cells.reduce((sum, c) => sum + c.delivered, 0);
  const overall = delivered ? cells.reduce((sum, c) => sum + c.read, 0) / delivered : 0;
  return cells
    .filter((c) => c.delivered >= FEW_DELIVERIES)
    .map((c) => ({ c, bound: wilsonLowerBound(c.read, c.delivered) }))
    .filter(({ bound }) => bound > overall)
    .sort((a, b) => b.bound - a.bound || b.c.delivered - a.c.delivered || a.c.weekday - b.c.weekday || a.c.hour - b.c.hour)
    .slice(0, count)
    .map(({ c }) => c);
}
