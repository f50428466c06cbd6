"use client";

import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { encodeTree } from "@/server/segments/url";
import { MultiSelect } from "./multi-select";
import styles from "./segments.module.css";

const COUNT = new Intl.NumberFormat("en-US");

/**
 * Export as CSV: a plain link the browser downloads itself, so it shows the
 * progress and the file streams to disk however large the audience is.
 * Contacts opted out of marketing are left out unless the person ticks the
 * switch, which names how many there are (README, "Opt-outs").
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
  /** The workspace's attributes: the file's columns are their keys, the picker shows their labels. */
  attributes: ReadonlyArray<{ name: string; label: string }>;
  canExport: boolean;
}) {
  const [chosen, setChosen] = useState<string[]>(attributes.slice(0, 2).map((a) => a.name));
  const [includeOptedOut, setIncludeOptedOut] = useState(false);
  const trpc = useTRPC();
  // The same count as the audience card's (one request for both when the rules are complete).
  const count = useQuery(trpc.segments.count.queryOptions({ workspaceId, tree: tree! }, { enabled: canExport && tree !== null, placeholderData: keepPreviousData }));
  if (!canExport) return null;
  const optedOut = count.data?.optedOut ?? null;
  const query = new URLSearchParams({ attributes: chosen.join(",") });
  if (includeOptedOut) query.set("includeOptedOut", "true");
  if (!segmentId && tree) query.set("tree", encodeTree(tree));
  const href = `/api/w/${encodeURIComponent(workspaceId)}/segments/${segmentId ? encodeURIComponent(segmentId) : "draft"}/export?${query}`;
  return (
    <section className={styles.card} aria-labelledby="export-title">
      <h2 id="export-title" className={styles.cardTitle}>
        Export
      </h2>
      <p className={styles.hint}>A CSV of phone (E.164), name, the attributes below and tags, for a broadcast.</p>
      <MultiSelect label="Attributes in the export" values={chosen} options={attributes.map((a) => ({ value: a.name, label: a.label }))} onChange={setChosen} placeholder="Add an attribute…" emptyText="no attributes" />
      <label className={styles.check} data-testid="include-opted-out">
        <input type="checkbox" checked={includeOptedOut} onChange={(e) => setIncludeOptedOut(e.target.checked)} />
        {optedOut === null ? "Include opted-out contacts" : `Include ${COUNT.format(optedOut)} opted-out ${optedOut === 1 ? "contact" : "contacts"}`}
      </label>
      <p className={styles.hint} data-testid="opted-out-left-out">
        {optedOut === null
          ? "Contacts who opted out of marketing are left out unless you include them."
          : includeOptedOut
            ? optedOut > 0
              ? "The file includes contacts who opted out of marketing: send them only what is not marketing."
              : "Nobody in this audience opted out of marketing."
            : optedOut > 0
              ? `${COUNT.format(optedOut)} ${optedOut === 1 ? "contact who opted out of marketing is" : "contacts who opted out of marketing are"} left out of the file.`
              : "Nobody in this audience opted out of marketing."}
      </p>
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
