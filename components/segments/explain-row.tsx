"use client";

import { useQuery } from "@tanstack/react-query";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import styles from "./segments.module.css";

/** "Why is this contact here?": each rule, met or not, with the contact's own value. */
export function ExplainRow({ workspaceId, tree, contact }: { workspaceId: string; tree: FilterTree; contact: string }) {
  const trpc = useTRPC();
  const explain = useQuery(trpc.segments.explain.queryOptions({ workspaceId, tree, contact }));
  if (explain.isPending) return <p className={styles.muted}>Checking the rules for {contact}…</p>;
  if (explain.isError) return <p role="alert" className={styles.problem}>{describeError(explain.error)}</p>;
  return (
    <ul className={styles.explain} aria-label={`Why ${contact} is in this segment`}>
      {explain.data.map((node) => (
        <li key={node.path || "root"} style={{ paddingLeft: `${node.depth * 18}px` }} data-met={node.met}>
          <span className={styles.explainMark} aria-label={node.met ? "met" : "not met"}>
            {node.met ? "✓" : "✗"}
          </span>
          <span className={node.kind === "group" ? styles.explainGroup : undefined}>{node.path ? `${node.path}. ` : ""}{node.text}</span>
          {node.actual !== undefined ? <span className={styles.explainActual}>— their value: {node.actual}</span> : null}
        </li>
      ))}
    </ul>
  );
}
