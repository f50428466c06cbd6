import type { BreakdownBy, GroupFilter } from "@/clickhouse/vocabulary/campaign-groups";

/**
 * The report's breakdown and the breakdown cell a drill-down is narrowed to,
 * in the URL beside `?stage=`: `by=source` (or `by=attribute&attr=plan`) picks
 * the breakdown; `g=source&gv=import%3Afair` (`&ga=plan` for an attribute,
 * `&gad=1` for "came from an ad") is the cell's group. Values go through
 * URLSearchParams, so any tag or value survives; anything unreadable is dropped.
 */

const DIMENSIONS = ["tag", "firstMessageTag", "source", "attribute"] as const;
const dimensionOf = (v: string | null) => DIMENSIONS.find((d) => d === v) ?? null;

export function readBy(params: Pick<URLSearchParams, "get">): BreakdownBy {
  const dimension = dimensionOf(params.get("by")) ?? "tag";
  const attr = params.get("attr") ?? "";
  if (dimension === "attribute") return attr ? { dimension, attribute: attr } : { dimension: "tag" };
  return { dimension };
}

export function writeBy(next: URLSearchParams, by: BreakdownBy): void {
  if (by.dimension === "tag") next.delete("by");
  else next.set("by", by.dimension);
  if (by.dimension === "attribute") next.set("attr", by.attribute);
  else next.delete("attr");
}

export function readGroup(params: Pick<URLSearchParams, "get">): GroupFilter | undefined {
  const dimension = dimensionOf(params.get("g"));
  const value = params.get("gv") ?? "";
  switch (dimension) {
    case "tag":
      return value ? { dimension, value } : undefined;
    case "firstMessageTag":
      return { dimension, value };
    case "source":
      return params.get("gad") === "1" ? { dimension, value: "", ad: true } : { dimension, value };
    case "attribute": {
      const attribute = params.get("ga") ?? "";
      return attribute ? { dimension, attribute, value } : undefined;
    }
    default:
      return undefined;
  }
}

export function writeGroup(next: URLSearchParams, group: GroupFilter | undefined): void {
  for (const key of ["g", "gv", "ga", "gad"]) next.delete(key);
  if (!group) return;
  next.set("g", group.dimension);
  if (group.value) next.set("gv", group.value);
  if (group.dimension === "attribute") next.set("ga", group.attribute);
  if (group.dimension === "source" && group.ad) next.set("gad", "1");
}

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
