"use client";

import { useEffect, useMemo, useState } from "react";
import { EMPTY_TREE, type FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { decodeTree, encodeTree } from "@/server/segments/url";
import { validateSegment, type SegmentContext } from "@/server/segments/validate";

/** The URL parameter that carries the tree, so a builder link can be shared and reloaded. */
export const TREE_PARAM = "f";

/** A tree link to the builder (new segment, or a saved one with a draft filter). */
export function builderHref(workspaceId: string, tree: FilterTree, segmentId?: string): string {
  const base = `/w/${encodeURIComponent(workspaceId)}/segments/${segmentId ? encodeURIComponent(segmentId) : "new"}`;
  return `${base}?${TREE_PARAM}=${encodeTree(tree)}`;
}

export function treeFromLocation(): FilterTree | null {
  if (typeof window === "undefined") return null;
  return decodeTree(new URLSearchParams(window.location.search).get(TREE_PARAM) ?? "");
}

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return current;
}

/**
 * The builder's tree: kept in the URL as it changes (replaceState, so Back
 * leaves the builder rather than undoing a keystroke), checked in the
 * browser with the server's own validator so half-filled rules show their
 * problem instead of a failed request, and debounced for the live count.
 */
export function useSegmentTree(initial: FilterTree | null, ctx: SegmentContext | undefined) {
  const [tree, setTree] = useState<FilterTree>(() => treeFromLocation() ?? initial ?? EMPTY_TREE);

  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.set(TREE_PARAM, encodeTree(tree));
    window.history.replaceState(window.history.state, "", url);
  }, [tree]);

  const validation = useMemo(() => (ctx ? validateSegment(tree, ctx) : null), [tree, ctx]);
  const problems = useMemo(
    () => new Map(validation && !validation.ok ? validation.problems.map((p) => [p.path, p.message]) : []),
    [validation],
  );
  const valid = validation?.ok ? validation.tree : null;
  const debounced = useDebounced(valid, 350);
  return { tree, setTree, problems, valid, debounced };
}
