import { dayProblem } from "@/clickhouse/vocabulary/dates";
import {
  MAX_CONDITIONS,
  TOO_DEEP,
  filterTreeSchema,
  isGroup,
  operatorsForType,
  tooDeepGroups,
  type AttributeOp,
  type Condition,
  type FilterNode,
  type FilterTree,
} from "@/clickhouse/vocabulary/filter-tree";

/** What validation needs to know about the workspace. */
export interface SegmentContext {
  attributes: ReadonlyArray<{ name: string; type: string; options: string[] }>;
  /** Static segments of the workspace by id; when given, a rule naming another one is refused. */
  staticSegments?: ReadonlyMap<string, string>;
}

export interface SegmentProblem {
  /** 1-based positions from the root ("2.1"); "" is the root itself. */
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; tree: FilterTree } | { ok: false; problems: SegmentProblem[] };

/** How many text operands each attribute operator reads (`n+` is at least n). */
const OPERANDS: Record<AttributeOp, number | "1+"> = {
  is: 1,
  isNot: 1,
  contains: 1,
  startsWith: 1,
  oneOf: "1+",
  isSet: 0,
  isNotSet: 0,
  eq: 1,
  ne: 1,
  lt: 1,
  le: 1,
  gt: 1,
  ge: 1,
  between: 2,
  before: 1,
  after: 1,
  inLastDays: 1,
  inNextDays: 1,
  isTrue: 0,
  isFalse: 0,
  anyOf: "1+",
  noneOf: "1+",
};

export const OPERATOR_LABELS: Record<AttributeOp, string> = {
  is: "is",
  isNot: "is not",
  contains: "contains",
  startsWith: "starts with",
  oneOf: "is one of",
  isSet: "is set",
  isNotSet: "is not set",
  eq: "=",
  ne: "≠",
  lt: "<",
  le: "≤",
  gt: ">",
  ge: "≥",
  between: "between",
  before: "before",
  after: "after",
  inLastDays: "in the last N days",
  inNextDays: "in the next N days",
  isTrue: "is true",
  isFalse: "is false",
  anyOf: "is any of",
  noneOf: "is none of",
};

/**
 * Checks a tree's shape (zod) and its meaning in this workspace. Every problem
 * names the condition by its path and says what to change, so a router can
 * answer BAD_REQUEST with it instead of letting ClickHouse fail.
 */
export function validateSegment(input: unknown, ctx: SegmentContext): ValidationResult {
  // Depth first: the schema's parse recurses once per level (see tooDeepGroups).
  const tooDeep = tooDeepGroups(input);
  if (tooDeep.length) return { ok: false, problems: tooDeep.map((path) => ({ path, message: TOO_DEEP })) };
  const parsed = filterTreeSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 5).map((issue) => ({
        path: pathOfIssue(issue.path),
        message: issue.message,
      })),
    };
  }
  const tree = parsed.data;
  const problems: SegmentProblem[] = [];
  let conditions = 0;
  const attributes = new Map(ctx.attributes.map((a) => [a.name, a]));

  // The tree is at most MAX_DEPTH deep here, so this recursion is too.
  const visit = (node: FilterNode, path: number[]) => {
    const where = path.join(".");
    if (isGroup(node)) {
      if (node.children.length === 0 && path.length > 0) {
        problems.push({ path: where, message: "this group is empty; add a condition or remove the group" });
      }
      node.children.forEach((child, i) => visit(child, [...path, i + 1]));
      return;
    }
    conditions++;
    const problem =
      node.kind === "staticList" && ctx.staticSegments && !ctx.staticSegments.has(node.segmentId)
        ? "this static segment no longer exists; remove the rule"
        : conditionProblem(node, attributes);
    if (problem) problems.push({ path: where, message: problem });
  };
  visit(tree, []);
  if (conditions > MAX_CONDITIONS) {
    problems.unshift({ path: "", message: `a segment has at most ${MAX_CONDITIONS} conditions; this one has ${conditions}` });
  }
  return problems.length ? { ok: false, problems } : { ok: true, tree };
}

/** "condition 2.1: …" — the one line a person reads. */
export function describeProblems(problems: SegmentProblem[]): string {
  return problems
    .slice(0, 5)
    .map((p) => (p.path ? `condition ${p.path}: ${p.message}` : p.message))
    .join("; ");
}

function pathOfIssue(path: ReadonlyArray<PropertyKey>): string {
  // zod paths look like ["children", 1, "children", 0, "op"]; keep the child positions, 1-based.
  const positions: number[] = [];
  for (let i = 0; i < path.length; i++) {
    if (path[i] === "children" && typeof path[i + 1] === "number") positions.push((path[i + 1] as number) + 1);
  }
  const field = path.at(-1);
  const pos = positions.join(".");
  return typeof field === "string" && field !== "children" ? `${pos}${pos ? " " : ""}(${field})` : pos;
}

const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));

function conditionProblem(c: Condition, attributes: Map<string, SegmentContext["attributes"][number]>): string | null {
  switch (c.kind) {
    case "tags":
      return c.tags.length ? null : "pick at least one tag";
    case "firstMessageTag":
      return c.op !== "empty" && c.tags.length === 0 ? "pick at least one first-message tag" : null;
    case "source":
      return c.values.length || c.ad ? null : "pick at least one source";
    case "status":
      return c.values.length ? null : "pick at least one status";
    case "lastActive":
      if (c.op === "inLastDays") return c.days ? null : "say how many days";
      if (c.op === "before") return c.to ? null : "pick the date";
      return c.from && c.to ? (c.from <= c.to ? null : "the first date must be on or before the second") : "pick both dates";
    case "firstSeen":
      return c.from <= c.to ? null : "the first date must be on or before the second";
    case "counter":
    case "campaign":
    case "campaignFatigue":
    case "staticList":
    case "converted":
    case "neverConverted":
    case "optedOut":
      return null;
    case "revenue":
      return KNOWN_CURRENCIES.has(c.currency) ? null : `"${c.currency}" is not an ISO 4217 currency code (like INR or USD)`;
    case "attribute":
      return attributeProblem(c, attributes.get(c.attribute));
  }
}

function attributeProblem(
  c: Extract<Condition, { kind: "attribute" }>,
  def: SegmentContext["attributes"][number] | undefined,
): string | null {
  const name = `attribute "${c.attribute}"`;
  if (!def) return `${name} is not defined in this workspace`;
  const fitting = operatorsForType(def.type);
  if (!fitting.includes(c.op)) {
    return `"${OPERATOR_LABELS[c.op]}" does not fit ${name}, a ${def.type} attribute; use ${fitting.map((o) => OPERATOR_LABELS[o]).join(", ")}`;
  }
  const want = OPERANDS[c.op];
  if (want === "1+" ? c.values.length === 0 : c.values.length !== want) {
    return want === "1+" ? `pick at least one value for ${name}` : `"${OPERATOR_LABELS[c.op]}" needs ${want === 1 ? "one value" : `${want} values`}`;
  }
  if (c.values.some((v) => v.trim() === "")) return `fill in the value for ${name}`;
  if (c.op === "inLastDays" || c.op === "inNextDays") {
    const n = Number(c.values[0]);
    return Number.isInteger(n) && n >= 1 && n <= 3650 ? null : "the number of days must be a whole number from 1 to 3650";
  }
  if (def.type === "number" && want !== 0) {
    const bad = c.values.find((v) => v.trim() === "" || !Number.isFinite(Number(v)));
    if (bad !== undefined) return `${name} is a number; "${bad}" is not one`;
    if (c.op === "between" && Number(c.values[0]) > Number(c.values[1])) return "the first number must not be above the second";
  }
  if (def.type === "date" && want !== 0) {
    const problem = c.values.map(dayProblem).find((p) => p !== null);
    if (problem) return `${name} is a date; ${problem}`;
    if (c.op === "between" && c.values[0] > c.values[1]) return "the first date must be on or before the second";
  }
  if (def.type === "list" && (c.op === "anyOf" || c.op === "noneOf") && def.options.length) {
    const bad = c.values.find((v) => !def.options.includes(v));
    if (bad !== undefined) return `"${bad}" is not an option of ${name} (${def.options.join(", ")})`;
  }
  return null;
}
