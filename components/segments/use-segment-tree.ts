"use client";

import { createParser, useQueryState } from "nuqs";
import { useEffect, useMemo, useState } from "react";
import { EMPTY_TREE, type FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { decodeTree, encodeTree } from "@/server/segments/url";
import { validateSegment, type SegmentContext } from "@/server/segments/validate";
import { countablePart } from "./tree-edit";

/** The URL parameter that carries the tree, so a builder link can be shared and reloaded. */
export const TREE_PARAM = "f";

/** A tree link to the builder (new segment, or a saved one with a draft filter). */
export function builderHref(workspaceId: string, tree: FilterTree, segmentId?: string): string {
  const base = `/w/${encodeURIComponent(workspaceId)}/segments/${segmentId ? encodeURIComponent(segmentId) : "new"}`;
  return `${base}?${TREE_PARAM}=${encodeTree(tree)}`;
}

/** `?f=` as a tree (server/segments/url.ts); a link that is not one reads as absent. */
export const parseAsTree = createParser<FilterTree>({
  parse: decodeTree,
  serialize: encodeTree,
  eq: (a, b) => encodeTree(a) === encodeTree(b),
});

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return current;
}

/**
 * Validation problems by the 1-based path of the rule or group they are about
 * ("2.1"), which is where the editor shows them; a field's name leads its
 * message ("days: …").
 */
function problemsByNode(problems: ReadonlyArray<{ path: string; message: string }>): Map<string, string> {
  const byNode = new Map<string, string>();
  for (const { path, message } of problems) {
    const field = / \((\w+)\)$/.exec(path);
    const node = field ? path.slice(0, field.index) : path.replace(/^\((\w+)\)$/, "");
    const text = field ? `${field[1]}: ${message}` : message;
    byNode.set(node, byNode.has(node) ? `${byNode.get(node)}; ${text}` : text);
  }
  return byNode;
}

/**
 * The builder's tree: kept in the URL as it changes (replaceState, so Back
 * leaves the builder rather than undoing a keystroke), checked in the
 * browser with the server's own validator so half-filled rules show their
 * problem instead of a failed request, and debounced for the live count.
 *
 * The count applies the complete rules only: a rule still waiting for its
 * values narrows nothing (`pending` says how many wait). A rule with a wrong
 * value holds the count back (`countable` is null) until it is fixed.
 */
export function useSegmentTree(initial: FilterTree | null, ctx: SegmentContext | undefined) {
  const [tree, setUrlTree] = useQueryState(
    TREE_PARAM,
    parseAsTree.withDefault(initial ?? EMPTY_TREE).withOptions({ history: "replace", clearOnDefault: false }),
  );
  const setTree = (next: FilterTree) => void setUrlTree(next);

  const validation = useMemo(() => (ctx ? validateSegment(tree, ctx) : null), [tree, ctx]);
  const problems = useMemo(() => problemsByNode(validation && !validation.ok ? validation.problems : []), [validation]);
  const valid = validation?.ok ? validation.tree : null;
  const { countable, pending } = useMemo(() => {
    const part = countablePart(tree);
    const checked = ctx ? validateSegment(part.tree, ctx) : null;
    return { countable: checked?.ok ? checked.tree : null, pending: part.pending };
  }, [tree, ctx]);
  const debounced = useDebounced(countable, 350);
  return {
    tree,
    setTree,
    problems,
    valid,
    countable: debounced,
    pending,
    stale: ctx !== undefined && countable === null,
    // The rules changed and the debounce has not passed on the new ones yet.
    settling: debounced !== countable,
  };
}
