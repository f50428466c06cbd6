/** Money in a currency, with enough decimals for small amounts (0.0107); a code Intl does not know reads "12.34 XYZ". */
export function formatMoney(amount: number | null, currency: string | null): string {
  if (amount === null) return "—";
  const digits = Math.abs(amount) < 1 && amount !== 0 ? 4 : 2;
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: currency ?? "USD", minimumFractionDigits: 2, maximumFractionDigits: digits }).format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${currency ?? ""}`.trim();
  }
}

/** Amounts per currency, one after another ("₹1,200.00 · $25.00"); never added across currencies. */
export function formatRevenue(list: ReadonlyArray<{ currency: string; amount: number | null }>): string {
  return list.length ? list.map((r) => formatMoney(r.amount, r.currency)).join(" · ") : "—";
}
