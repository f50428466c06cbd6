import { z } from "zod";
import { supportedDay } from "./dates";

/**
 * The segment filter tree: data, not SQL. One tree drives the count, the
 * preview, the export and a saved segment. zod checks the shape here;
 * ./validate.ts checks it against the workspace (attribute types, limits)
 * and names the condition that is wrong; clickhouse/queries/segments compiles it.
 *
 * Semantics every consumer shares (the compiler, the TypeScript reference
 * evaluator in ./evaluate.ts and the "why is this contact here" view):
 * - `not` on any node is the exact complement of the node.
 * - Negative operators (is not, none of, ≠) are the complement of their
 *   positive one, so they match contacts without a value too.
 * - Dates are UTC days (YYYY-MM-DD) within the supported dates (./dates.ts);
 *   "in the last N days" counts today.
 */

export const MAX_DEPTH = 5;
export const MAX_CONDITIONS = 50;
export const MAX_LIST_VALUES = 500;

export const TEXT_OPS = ["is", "isNot", "contains", "startsWith", "oneOf", "isSet", "isNotSet"] as const;
export const NUMBER_OPS = ["eq", "ne", "lt", "le", "gt", "ge", "between", "isSet", "isNotSet"] as const;
export const DATE_OPS = ["before", "after", "between", "inLastDays", "inNextDays", "isSet", "isNotSet"] as const;
export const BOOLEAN_OPS = ["isTrue", "isFalse", "isSet", "isNotSet"] as const;
export const LIST_OPS = ["anyOf", "noneOf", "isSet", "isNotSet"] as const;
export const ATTRIBUTE_OPS = [
  ...new Set([...TEXT_OPS, ...NUMBER_OPS, ...DATE_OPS, ...BOOLEAN_OPS, ...LIST_OPS]),
] as readonly string[] as readonly AttributeOp[];
export type AttributeOp =
  | (typeof TEXT_OPS)[number]
  | (typeof NUMBER_OPS)[number]
  | (typeof DATE_OPS)[number]
  | (typeof BOOLEAN_OPS)[number]
  | (typeof LIST_OPS)[number];

export const STATUS_VALUES = ["active", "requesting", "intervened", "closed", "history"] as const;
export const COUNTERS = ["templateMessages", "sessionMessages", "unresolvedQueries"] as const;
export const COMPARISONS = ["eq", "ne", "lt", "le", "gt", "ge"] as const;
export const CAMPAIGN_EVENTS = ["received", "read", "ignored", "replied", "failed"] as const;

const text = z.string().max(200);
const day = supportedDay;
/**
 * A whole number a person types in the builder, refused in words: a cleared
 * field reaches the schema as NaN, which zod would call "expected number,
 * received NaN".
 */
const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: "type a number" })
    .int("type a whole number")
    .min(min, `type at least ${min}`)
    .max(max, `type at most ${max.toLocaleString("en-US")}`);
const days = wholeNumber(1, 3650);
const list = z.array(text).max(MAX_LIST_VALUES);
const not = z.boolean().optional();

export const tagsCondition = z.object({
  kind: z.literal("tags"),
  not,
  op: z.enum(["any", "all", "none"]),
  tags: list,
  /** Only tags added this way count; `any` (the default) counts every tag. */
  tagKind: z.enum(["any", "manual", "automated"]).default("any"),
});

export const firstMessageTagCondition = z.object({
  kind: z.literal("firstMessageTag"),
  not,
  op: z.enum(["any", "none", "empty"]),
  tags: list.default([]),
});

export const attributeCondition = z.object({
  kind: z.literal("attribute"),
  not,
  /** The attribute's key, as events name it (a parameter in SQL, never pasted). */
  attribute: z.string().min(1).max(100),
  op: z.enum(ATTRIBUTE_OPS as unknown as [AttributeOp, ...AttributeOp[]]),
  /** Operands as text, in the order the operator reads them (validate.ts checks the count and form). */
  values: list.default([]),
});

/** Source labels (organic, api, import labels); `ad` adds "came from a click-to-WhatsApp ad". */
export const sourceCondition = z.object({
  kind: z.literal("source"),
  not,
  op: z.enum(["any", "none"]),
  values: list,
  ad: z.boolean().default(false),
});

export const statusCondition = z.object({
  kind: z.literal("status"),
  not,
  values: z.array(z.enum(STATUS_VALUES)).max(STATUS_VALUES.length),
});

export const lastActiveCondition = z.object({
  kind: z.literal("lastActive"),
  not,
  op: z.enum(["inLastDays", "before", "between"]),
  days: days.optional(),
  from: day.optional(),
  to: day.optional(),
});

export const firstSeenCondition = z.object({
  kind: z.literal("firstSeen"),
  not,
  from: day,
  to: day,
});

export const counterCondition = z.object({
  kind: z.literal("counter"),
  not,
  counter: z.enum(COUNTERS),
  op: z.enum(COMPARISONS),
  value: wholeNumber(0, 1_000_000_000),
});

/** Per-campaign behaviour; an empty `campaigns` list means any campaign. */
export const campaignCondition = z.object({
  kind: z.literal("campaign"),
  not,
  event: z.enum(CAMPAIGN_EVENTS),
  campaigns: list.default([]),
});

/** "Received at least `atLeast` campaigns in the last `days` days and read none of them." */
export const campaignFatigueCondition = z.object({
  kind: z.literal("campaignFatigue"),
  not,
  atLeast: wholeNumber(1, 1000),
  days,
});

/** Member of a static segment (an uploaded or frozen list of contacts). */
export const staticListCondition = z.object({
  kind: z.literal("staticList"),
  not,
  segmentId: z.string().min(1).max(64),
});

/**
 * Converted after a campaign: a conversion (of `name`, or any) attributed to
 * one of `campaigns` (any campaign when empty) under the default attribution
 * window, last touch (clickhouse/queries/conversions.ts). The same contacts
 * as the campaign's Converted stage.
 */
export const convertedCondition = z.object({
  kind: z.literal("converted"),
  not,
  campaigns: list.default([]),
  /** The conversion's name (order_placed, booking…); '' any. */
  name: z.string().trim().max(100).default(""),
});

/** "Revenue in the last `days` days ≥ `min` `currency`": one currency, never a sum across currencies. */
export const revenueCondition = z.object({
  kind: z.literal("revenue"),
  not,
  days,
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "currency is an ISO 4217 code, like INR"),
  min: z.number({ error: "type an amount" }).gt(0, "the revenue must be more than 0").max(1_000_000_000_000),
});

/** Has no conversion at all (its NOT: has converted at least once). */
export const neverConvertedCondition = z.object({
  kind: z.literal("neverConverted"),
  not,
});

/** Opted out of marketing now (README, "Opt-outs"); NOT gives the contacts who may get marketing. */
export const optedOutCondition = z.object({
  kind: z.literal("optedOut"),
  not,
});

/** Every kind of condition, once: the condition union and the node union both list them. */
const CONDITION_SCHEMAS = [
  tagsCondition,
  firstMessageTagCondition,
  attributeCondition,
  sourceCondition,
  statusCondition,
  lastActiveCondition,
  firstSeenCondition,
  counterCondition,
  campaignCondition,
  campaignFatigueCondition,
  staticListCondition,
  convertedCondition,
  revenueCondition,
  neverConvertedCondition,
  optedOutCondition,
] as const;

export const conditionSchema = z.discriminatedUnion("kind", CONDITION_SCHEMAS);

export type Condition = z.infer<typeof conditionSchema>;
export type ConditionKind = Condition["kind"];

export interface Group {
  kind: "group";
  join: "and" | "or";
  not?: boolean;
  children: FilterNode[];
}
export type FilterNode = Group | Condition;

// A discriminated union on `kind` (groups included), so a bad node's error
// points into that node ("children.1.children.0.op") rather than at the union.
export const groupSchema = z.object({
  kind: z.literal("group"),
  join: z.enum(["and", "or"]),
  not,
  // Generous here; validate.ts enforces MAX_CONDITIONS with a message that names it.
  get children(): z.ZodArray<z.ZodType<FilterNode>> {
    return z.array(filterNodeSchema).max(MAX_CONDITIONS * 4);
  },
});

export const filterNodeSchema: z.ZodType<FilterNode> = z.discriminatedUnion("kind", [
  groupSchema,
  ...CONDITION_SCHEMAS,
]) as unknown as z.ZodType<FilterNode>;

export const TOO_DEEP = `groups nest at most ${MAX_DEPTH} deep; move this group up a level`;

/**
 * The paths of the groups of a raw, unchecked tree that sit deeper than
 * MAX_DEPTH ("1.1.1.1.1"), at most `limit` of them. It must run before the
 * schema: zod's parse recurses several frames per level, so a tree 700 levels
 * deep overflowed the stack before any message could be written. This walk
 * keeps its own stack and never looks inside a group that is too deep, so it
 * reads at most MAX_DEPTH + 1 levels of anything it is given.
 */
export function tooDeepGroups(raw: unknown, limit = 5): string[] {
  const found: string[] = [];
  const pending: Array<{ node: unknown; path: number[] }> = [{ node: raw, path: [] }];
  while (pending.length && found.length < limit) {
    const { node, path } = pending.pop()!;
    const children = (node as { kind?: unknown; children?: unknown } | null)?.children;
    if ((node as { kind?: unknown } | null)?.kind !== "group" || !Array.isArray(children)) continue;
    // The root is at depth 1.
    if (path.length + 1 > MAX_DEPTH) {
      found.push(path.join("."));
      continue;
    }
    // Last child first, so groups come off the stack in the tree's order.
    for (let i = children.length - 1; i >= 0; i--) pending.push({ node: children[i], path: [...path, i + 1] });
  }
  return found;
}

/** The root of a segment is always a group; an empty AND group is "every contact". */
export const filterTreeSchema = groupSchema as unknown as z.ZodType<Group>;
export type FilterTree = Group;

export const EMPTY_TREE: FilterTree = { kind: "group", join: "and", children: [] };

export function isGroup(node: FilterNode): node is Group {
  return node.kind === "group";
}

/** Which attribute operators fit a type (email and phone read as text). */
export function operatorsForType(type: string): readonly AttributeOp[] {
  switch (type) {
    case "number":
      return NUMBER_OPS;
    case "date":
      return DATE_OPS;
    case "boolean":
      return BOOLEAN_OPS;
    case "list":
      return LIST_OPS;
    default:
      return TEXT_OPS;
  }
}

/** The tree's conditions with their paths ("1.2" is the 2nd child of the 1st child of the root, 1-based). */
export function* conditionsWithPaths(node: FilterNode, path: number[] = []): Generator<[Condition, number[]]> {
  if (isGroup(node)) {
    for (const [i, child] of node.children.entries()) yield* conditionsWithPaths(child, [...path, i + 1]);
  } else {
    yield [node, path];
  }
}
