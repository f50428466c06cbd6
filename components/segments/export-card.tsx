"use client";

import { useState } from "react";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { encodeTree } from "@/server/segments/url";
import { asOptions, MultiSelect } from "./multi-select";
import styles from "./segments.module.css";

/**
 * Export as CSV: a plain link the browser downloads itself, so it shows the
 * progress and the file streams to disk however large the audience is.
 */
export function ExportCard({
  workspaceId,
  tree,
  segmentId,
  attributes,
  canExport,
}: {
  workspaceId: string;
  tree: FilterTree | null;
  /** Set when the rules are the saved segment's (the file is then named after it). */
  segmentId?: string;
  attributes: string[];
  canExport: boolean;
}) {
  const [chosen, setChosen] = useState<string[]>(attributes.slice(0, 2));
  if (!canExport) return null;
  const query = new URLSearchParams({ attributes: chosen.join(",") });
  if (!segmentId && tree) query.set("tree", encodeTree(tree));
  const href = `/api/w/${encodeURIComponent(workspaceId)}/segments/${segmentId ? encodeURIComponent(segmentId) : "draft"}/export?${query}`;
  return (
    <section className={styles.card} aria-labelledby="export-title">
      <h2 id="export-title" className={styles.cardTitle}>
        Export
      </h2>
      <p className={styles.hint}>A CSV of phone (E.164), name, the attributes below and tags, for a broadcast.</p>
      <MultiSelect label="Attributes in the export" values={chosen} options={asOptions(attributes)} onChange={setChosen} placeholder="Add an attribute…" emptyText="no attributes" />
      <div className={styles.actions}>
        {tree ? (
          <a className="btn btn-small" href={href} download>
            Download CSV
          </a>
        ) : (
          <button type="button" className="btn btn-small" disabled>
            Download CSV
          </button>
        )}
      </div>
    </section>
  );
}
