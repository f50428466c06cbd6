import { ratio } from "@/clickhouse/queries/campaign-common";
import type { ConversionCounts } from "@/clickhouse/queries/conversions";

/**
 * A campaign's conversion figures beside its funnel and cost: the rate of
 * delivered (contacts who converted ÷ delivered), revenue per recipient (per
 * currency) and, when prices are set, ROAS (revenue in the prices' currency ÷
 * cost; other currencies are left out, never converted) and cost per
 * conversion.
 */
export function conversionFigures(
  c: ConversionCounts,
  funnel: { recipients: number; delivered: number },
  cost: { total: number | null; currency: string | null },
) {
  const inCostCurrency = c.revenue.find((r) => r.currency === cost.currency)?.amount ?? 0;
  const priced = cost.total !== null && cost.total > 0 && cost.currency !== null;
  return {
    ...c,
    conversionRate: ratio(c.converted, funnel.delivered),
    engagedRate: ratio(c.engaged, c.conversions),
    revenuePerRecipient: c.revenue.map((r) => ({ currency: r.currency, amount: funnel.recipients > 0 ? r.amount / funnel.recipients : null })),
    /** Revenue in the prices' currency ÷ the cost; other currencies are left out, never converted. */
    roas: priced ? inCostCurrency / cost.total! : null,
    costPerConversion: priced && c.conversions > 0 ? cost.total! / c.conversions : null,
    costCurrency: priced ? cost.currency : null,
  };
}
