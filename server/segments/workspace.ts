import { TRPCError } from "@trpc/server";
import type { Store } from "@/clickhouse/client";
import { listAttributeDefinitions, type AttributeDefinition } from "@/clickhouse/queries/attributes";
import { listSavedSegments, type SavedSegment, type SegmentAction } from "@/clickhouse/queries/segments/saved";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { describeProblems, validateSegment, type SegmentContext } from "./validate";

/** A tree checked against its workspace, ready for the compiler. */
export interface ParsedTree {
  tree: FilterTree;
  attributeTypes: ReadonlyMap<string, string>;
  staticSegments: ReadonlyMap<string, string>;
}

export interface LoadedContext extends SegmentContext {
  attributes: AttributeDefinition[];
  attributeTypes: ReadonlyMap<string, string>;
  staticSegments: ReadonlyMap<string, string>;
}

export async function loadSegmentContext(store: Store, workspaceId: string): Promise<LoadedContext> {
  const [attributes, saved] = await Promise.all([listAttributeDefinitions(store, workspaceId), listSavedSegments(store, workspaceId)]);
  return {
    attributes,
    attributeTypes: new Map(attributes.map((a) => [a.name, a.type])),
    staticSegments: new Map(saved.filter((s) => s.kind === "static").map((s) => [s.segmentId, s.name])),
  };
}

/** Validates a tree from a request; a bad one is a BAD_REQUEST naming the condition, never a ClickHouse error. */
export async function parseTree(store: Store, workspaceId: string, raw: unknown): Promise<ParsedTree> {
  const ctx = await loadSegmentContext(store, workspaceId);
  const result = validateSegment(raw, ctx);
  if (!result.ok) throw new TRPCError({ code: "BAD_REQUEST", message: `The filter cannot be used: ${describeProblems(result.problems)}` });
  return { tree: result.tree, attributeTypes: ctx.attributeTypes, staticSegments: ctx.staticSegments };
}

/** A saved filter read back: the workspace may have changed since it was saved. */
export function parseSavedFilter(filter: string, ctx: LoadedContext): { ok: true; tree: FilterTree } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(filter);
  } catch {
    return { ok: false, message: "the saved filter is not readable" };
  }
  const result = validateSegment(raw, ctx);
  return result.ok ? result : { ok: false, message: describeProblems(result.problems) };
}

/** What an edit changed, for the history; null when nothing did. */
export function summariseChange(
  current: Pick<SavedSegment, "name" | "description" | "filter">,
  next: Pick<SavedSegment, "name" | "description" | "filter">,
): { action: SegmentAction; summary: string } | null {
  const parts: string[] = [];
  let action: SegmentAction | null = null;
  if (next.filter !== current.filter) {
    action = "filter";
    parts.push("changed the filter");
  }
  if (next.name !== current.name) {
    action ??= "renamed";
    parts.push(`renamed “${current.name}” to “${next.name}”`);
  }
  if (next.description !== current.description) {
    action ??= "described";
    parts.push("changed the description");
  }
  if (!action) return null;
  const summary = parts.join(", ");
  return { action, summary: summary.charAt(0).toUpperCase() + summary.slice(1) };
}
