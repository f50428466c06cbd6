import { PRICED_CATEGORIES, type PricedCategory, type WorkspacePrices } from "@/clickhouse/queries/campaign-cost";

/**
 * A campaign's cost from its billable messages and the workspace's prices:
 * the total, and per delivered, read and replied recipient (replied with the
 * report's reply window). The total counts only categories that have a price;
 * `unpriced` names the billed ones that do not, so a page can say the total
 * is partial instead of showing a wrong figure as if it were whole.
 */

export interface CampaignCost {
  currency: string | null;
  /** Whether the workspace has set any price. */
  pricesSet: boolean;
  billable: Array<{ category: string; messages: number; price: number | null; cost: number | null }>;
  billableMessages: number;
  /** Sum of messages × price over the categories with a price; null when none of the billed ones has one. */
  total: number | null;
  /** Billed categories without a price (their messages are not in `total`). */
  unpriced: string[];
  perDelivered: number | null;
  perRead: number | null;
  perReply: number | null;
}

const isPriced = (c: string): c is PricedCategory => (PRICED_CATEGORIES as readonly string[]).includes(c);

export function campaignCost(
  billable: ReadonlyArray<{ category: string; messages: number }>,
  prices: WorkspacePrices | null,
  counts: { delivered: number; read: number; replied: number },
): CampaignCost {
  const priceOf = (category: string) => (prices && isPriced(category) ? prices.prices[category] : null);
  // Cents of a cent: sums of many small prices drift in binary floating point, so round once at the end.
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const rows = billable.map((b) => {
    const price = priceOf(b.category);
    return { ...b, price, cost: price === null ? null : round(b.messages * price) };
  });
  const priced = rows.filter((r) => r.cost !== null);
  const total = priced.length ? round(priced.reduce((s, r) => s + r.cost!, 0)) : null;
  const per = (n: number) => (total === null || n === 0 ? null : total / n);
  return {
    currency: prices?.currency ?? null,
    pricesSet: Boolean(prices && Object.values(prices.prices).some((p) => p !== null)),
    billable: rows,
    billableMessages: rows.reduce((s, r) => s + r.messages, 0),
    total,
    unpriced: rows.filter((r) => r.cost === null && r.messages > 0).map((r) => r.category),
    perDelivered: per(counts.delivered),
    perRead: per(counts.read),
    perReply: per(counts.replied),
  };
}
