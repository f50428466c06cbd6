/**
 * Segment queries for scripts/bench.ts, on the demo retail workspace: the
 * shapes the design's bar names (a tag-and-attribute count, "received ≥ 3
 * campaigns in 60 days and read none", the top-50 preview) and a few more.
 * Each entry is `{ group, name, run }`.
 */
import type { Store } from "@/clickhouse/client";
import { listAttributeDefinitions } from "@/clickhouse/queries/attributes";
import { countSegment, previewSegment } from "@/clickhouse/queries/segments/audience";
import { compileSegment } from "@/clickhouse/queries/segments/compile";
import { exportPage } from "@/clickhouse/queries/segments/export";
import { EXPORT_PAGE_ROWS } from "@/server/segments/export-csv";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { DEMO_RETAIL } from "@/server/demo/retail";
import type { BenchQuery } from "./stats";

const and = (...children: FilterTree["children"]): FilterTree => ({ kind: "group", join: "and", children });
const or = (...children: FilterTree["children"]): FilterTree => ({ kind: "group", join: "or", children });

/** Profile-only: tags and attributes. */
export const TAG_AND_ATTRIBUTE: FilterTree = and(
  { kind: "tags", op: "any", tags: ["Lead", "Product A"], tagKind: "any" },
  { kind: "attribute", attribute: "plan", op: "anyOf", values: ["Premium", "Enterprise"] },
);

/** Profile-only, nested, with NOT and contact_state columns. */
export const PROFILE_NESTED: FilterTree = and(
  or({ kind: "source", op: "any", values: ["organic"], ad: true }, { kind: "firstMessageTag", op: "any", tags: ["Product B"] }),
  { kind: "tags", op: "none", tags: ["Churn risk"], tagKind: "any" },
  { kind: "lastActive", op: "inLastDays", days: 30 },
  { kind: "attribute", attribute: "city", op: "contains", values: ["mum"], not: true },
);

/** Behavioural: the design's "received ≥ 3 campaigns in 60 days and read none". */
export const FATIGUE: FilterTree = and({ kind: "campaignFatigue", atLeast: 3, days: 60 });

/** Behavioural with profile: read one campaign, ignored another, still a lead. */
export const BEHAVIOUR_MIXED: FilterTree = and(
  { kind: "campaign", event: "read", campaigns: ["cmp_product-a-launch"] },
  { kind: "campaign", event: "ignored", campaigns: ["cmp_summer-sale-launch", "cmp_win-back"] },
  { kind: "tags", op: "any", tags: ["Lead"], tagKind: "any" },
);

export function segmentBenchQueries(store: Store, workspaceId: string, now: Date): BenchQuery[] {
  const clock = { now, timeZone: DEMO_RETAIL.timeZone };
  let types: Promise<ReadonlyMap<string, string>> | undefined;
  const attributeTypes = () =>
    (types ??= listAttributeDefinitions(store, workspaceId).then((defs) => new Map(defs.map((d) => [d.name, d.type]))));
  const count = (tree: FilterTree) => async () => countSegment(store, workspaceId, tree, clock, await attributeTypes());
  const exportOf = (tree: FilterTree) => async () =>
    exportPage(store, workspaceId, compileSegment(tree, clock, await attributeTypes()), { after: "", limit: EXPORT_PAGE_ROWS, attributes: ["plan"], includeOptedOut: false });
  const top50 = (tree: FilterTree) => async () =>
    previewSegment(store, workspaceId, tree, clock, { sort: "lastActive", direction: "desc", limit: 50, offset: 0, attributeTypes: await attributeTypes() });
  return [
    { group: "segments", name: "count: everyone", run: count(and()) },
    { group: "segments", name: "count: tag + attribute", run: count(TAG_AND_ATTRIBUTE) },
    { group: "segments", name: "count: nested profile + NOT", run: count(PROFILE_NESTED) },
    { group: "segments", name: "count: ≥3 campaigns in 60 d, read none", run: count(FATIGUE) },
    { group: "segments", name: "count: read / ignored / tag", run: count(BEHAVIOUR_MIXED) },
    { group: "segments", name: "preview top 50: tag + attribute", run: top50(TAG_AND_ATTRIBUTE) },
    { group: "segments", name: "preview top 50: everyone", run: top50(and()) },
    // The export's first page as the download reads it: the phones, names, tags and one attribute of 20,000 members.
    { group: "segments", name: "export: a page, tag + attribute", run: exportOf(TAG_AND_ATTRIBUTE) },
    { group: "segments", name: "export: a page, everyone", run: exportOf(and()) },
    // The saved segments' list shows at once and counts each on a request of its own (segments.size):
    // here all five side by side, the time until the last size shows.
    {
      group: "segments",
      name: "list of 5 saved, each counted",
      run: async () => Promise.all([and(), TAG_AND_ATTRIBUTE, PROFILE_NESTED, FATIGUE, BEHAVIOUR_MIXED].map((tree) => count(tree)())),
    },
  ];
}
