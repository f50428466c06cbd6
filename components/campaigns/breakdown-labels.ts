import type { BreakdownBy, GroupFilter } from "@/clickhouse/vocabulary/campaign-groups";

/** Names of a breakdown's groups (the breakdown and cell picked live in the URL: search-params.ts). */

/** A stable text for React keys and comparisons. */
export const groupKey = (g: GroupFilter | undefined) => (g ? JSON.stringify(g) : "");

const NONE: Record<BreakdownBy["dimension"], string> = {
  tag: "",
  firstMessageTag: "No first-message tag",
  source: "No source",
  attribute: "No value",
};

/** A group's name in a table row: the value, "No value"-like for '', or "Came from an ad". */
export function groupLabel(dimension: BreakdownBy["dimension"], row: { value: string; ad?: boolean }): string {
  if (row.ad) return "Came from an ad";
  return row.value || NONE[dimension];
}
