import { addDays, zoneDay } from "@/clickhouse/vocabulary/dates";
import { operatorsForType, type AttributeOp, type Condition, type ConditionKind, type FilterNode, type FilterTree, type Group } from "@/clickhouse/vocabulary/filter-tree";

/** Immutable edits of a filter tree by path (0-based child positions from the root). */

export type Path = readonly number[];

export function updateAt(tree: FilterTree, path: Path, fn: (node: FilterNode) => FilterNode): FilterTree {
  if (path.length === 0) return fn(tree) as FilterTree;
  const [head, ...rest] = path;
  return {
    ...tree,
    children: tree.children.map((child, i) => (i !== head ? child : rest.length === 0 ? fn(child) : updateAt(child as Group, rest, fn))),
  };
}

export function removeAt(tree: FilterTree, path: Path): FilterTree {
  const parent = path.slice(0, -1);
  const index = path[path.length - 1];
  return updateAt(tree, parent, (g) => ({ ...(g as Group), children: (g as Group).children.filter((_, i) => i !== index) }));
}

export function appendAt(tree: FilterTree, path: Path, node: FilterNode): FilterTree {
  return updateAt(tree, path, (g) => ({ ...(g as Group), children: [...(g as Group).children, node] }));
}

export const CONDITION_KINDS: ReadonlyArray<{ kind: ConditionKind; label: string }> = [
  { kind: "tags", label: "Tags" },
  { kind: "firstMessageTag", label: "First-message tag" },
  { kind: "attribute", label: "Attribute" },
  { kind: "source", label: "Source" },
  { kind: "status", label: "Status" },
  { kind: "lastActive", label: "Last active" },
  { kind: "firstSeen", label: "First seen" },
  { kind: "counter", label: "Message counts" },
  { kind: "campaign", label: "Campaign" },
  { kind: "campaignFatigue", label: "Campaign fatigue" },
  { kind: "staticList", label: "Static list" },
  { kind: "converted", label: "Converted after a campaign" },
  { kind: "revenue", label: "Revenue" },
  { kind: "neverConverted", label: "Has never converted" },
  { kind: "optedOut", label: "Opted out of marketing" },
];

export interface BuilderOptions {
  attributes: ReadonlyArray<{ name: string; label: string; type: string; options: string[] }>;
  tags: string[];
  firstMessageTags: string[];
  sources: string[];
  campaigns: Array<{ campaignId: string; name: string }>;
  staticSegments: Array<{ segmentId: string; name: string }>;
  /** Conversion names and currencies the workspace has seen. */
  conversionNames: string[];
  currencies: string[];
  /** The workspace's zone: a new date rule's "today" is its (segments.options gives it). */
  timeZone: string;
}

const todayIn = (timeZone: string) => zoneDay(Date.now(), timeZone);

/**
 * A new condition of a kind. Rules that pick values (tags, sources, statuses,
 * an attribute, a list) start with none picked and narrow nothing until they
 * are complete (countablePart); rules on a number or a date start with a
 * common choice, which the person sees and changes.
 */
export function defaultCondition(kind: ConditionKind, o: BuilderOptions): Condition {
  switch (kind) {
    case "tags":
      return { kind, op: "any", tags: [], tagKind: "any" };
    case "firstMessageTag":
      return { kind, op: "any", tags: [] };
    case "attribute":
      return { kind, attribute: "", op: "isSet", values: [] };
    case "source":
      return { kind, op: "any", values: [], ad: false };
    case "status":
      return { kind, values: [] };
    case "lastActive":
      return { kind, op: "inLastDays", days: 30 };
    case "firstSeen":
      return { kind, from: addDays(todayIn(o.timeZone), -29), to: todayIn(o.timeZone) };
    case "counter":
      return { kind, counter: "sessionMessages", op: "ge", value: 1 };
    case "campaign":
      return { kind, event: "read", campaigns: [] };
    case "campaignFatigue":
      return { kind, atLeast: 3, days: 60 };
    case "staticList":
      return { kind, segmentId: "" };
    case "converted":
      return { kind, campaigns: [], name: "" };
    case "revenue":
      return { kind, days: 30, currency: o.currencies[0] ?? "INR", min: 1000 };
    case "neverConverted":
    case "optedOut":
      return { kind };
  }
}

/** Attribute operators that compare with values the person types or picks. */
const VALUELESS_OPS: ReadonlySet<AttributeOp> = new Set(["isSet", "isNotSet", "isTrue", "isFalse"]);

/**
 * What a rule still waits for, in words ("Pick a tag"), or null when it is
 * complete. A waiting rule is not wrong, only unfinished: it narrows nothing
 * and is not highlighted as a mistake.
 */
export function waitingFor(c: Condition): string | null {
  switch (c.kind) {
    case "tags":
      return c.tags.length === 0 ? "Pick a tag" : null;
    case "firstMessageTag":
      return c.op !== "empty" && c.tags.length === 0 ? "Pick a first-message tag" : null;
    case "source":
      return c.values.length === 0 && !c.ad ? "Pick a source" : null;
    case "status":
      return c.values.length === 0 ? "Pick a status" : null;
    case "attribute":
      if (c.attribute === "") return "Pick an attribute";
      return !VALUELESS_OPS.has(c.op) && (c.values.length === 0 || c.values.some((v) => v.trim() === "")) ? "Give a value" : null;
    case "staticList":
      return c.segmentId === "" ? "Pick a static list" : null;
    default:
      return null;
  }
}

/**
 * The part of the tree the audience count applies: incomplete rules left out
 * (and groups left with nothing), and how many were left out.
 */
export function countablePart(tree: FilterTree): { tree: FilterTree; pending: number } {
  let pending = 0;
  const prune = (group: Group): Group => ({
    ...group,
    children: group.children.flatMap((child): FilterNode[] => {
      if (child.kind === "group") {
        const kept = prune(child);
        return kept.children.length ? [kept] : [];
      }
      if (waitingFor(child)) {
        pending++;
        return [];
      }
      return [child];
    }),
  });
  return { tree: prune(tree) as FilterTree, pending };
}

/** A fresh attribute condition: the type's first operator and a value that fits it. */
export function defaultAttributeCondition(a: { name: string; type: string; options: string[] }, timeZone: string): Condition {
  const op = operatorsForType(a.type)[0];
  return { kind: "attribute", attribute: a.name, op, values: defaultValues(op, a, timeZone) };
}

/** The values a rule starts with when its operator changes; a date range ends today in `timeZone`. */
export function defaultValues(op: AttributeOp, a: { type: string; options: string[] }, timeZone: string): string[] {
  switch (op) {
    case "isSet":
    case "isNotSet":
    case "isTrue":
    case "isFalse":
      return [];
    case "between":
      return a.type === "date" ? [addDays(todayIn(timeZone), -30), todayIn(timeZone)] : ["0", "100"];
    case "inLastDays":
    case "inNextDays":
      return ["30"];
    case "before":
    case "after":
      return [todayIn(timeZone)];
    case "anyOf":
    case "noneOf":
      return [];
    case "oneOf":
      return [""];
    default:
      return a.type === "number" ? ["0"] : [""];
  }
}

export function newGroup(join: "and" | "or", first: Condition): Group {
  return { kind: "group", join, children: [first] };
}

export function countConditions(node: FilterNode): number {
  return node.kind === "group" ? node.children.reduce((n, c) => n + countConditions(c), 0) : 1;
}
