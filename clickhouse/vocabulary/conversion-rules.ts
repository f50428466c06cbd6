import { DEFAULT_ATTRIBUTION_DAYS } from "./attribution";
import type { ConversionFact } from "./contact-facts";

/**
 * The conversion rules in plain TypeScript, for the segment evaluator (the
 * oracle of the compiled SQL, and "why is this contact here?"). The SQL is in
 * clickhouse/queries/conversions.ts and segments/compile.ts.
 */

const DAY = 86_400_000;

/** The campaign a conversion counts for under a window of `days`, or null. */
export function attributedCampaign(c: ConversionFact, days = DEFAULT_ATTRIBUTION_DAYS): string | null {
  if (c.campaignId === null || c.deliveredAt === null) return null;
  return c.ts <= c.deliveredAt + days * DAY ? c.campaignId : null;
}

/**
 * Revenue in one currency from `since` (epoch ms) on, in ten-thousandths, as
 * the store keeps values (Decimal, 4 places): exact, so "≥ V" has one answer.
 */
export function revenueSince(conversions: readonly ConversionFact[], currency: string, since: number): number {
  let sum = 0;
  for (const c of conversions) if (c.currency === currency && c.value !== null && c.ts >= since) sum += Math.round(c.value * 1e4);
  return sum;
}

/** A value as the store's Decimal text (4 places), for a parameter or a column. */
export const decimalText = (v: number) => v.toFixed(4);
