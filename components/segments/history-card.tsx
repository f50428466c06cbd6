"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AppRouter } from "@/server/routers/_app";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { builderHref } from "./use-segment-tree";
import styles from "./segments.module.css";

type Change = inferRouterOutputs<AppRouter>["segments"]["get"]["history"][number];

/** Who changed what, when; each version's rules can be opened again. */
export function HistoryCard({ workspaceId, segmentId, history }: { workspaceId: string; segmentId: string; history: Change[] }) {
  return (
    <section className={styles.card} aria-labelledby="history-title">
      <h2 id="history-title" className={styles.cardTitle}>
        History
      </h2>
      <ol className={styles.history}>
        {history.map((h, i) => (
          <li key={h.version}>
            <span className={styles.historySummary}>{h.summary}</span>
            <span className={styles.hint}>
              {h.changedBy} · <RelativeTime value={h.changedAt} />
              {i > 0 && h.action !== "deleted" ? (
                <>
                  {" · "}
                  {/* A full load: the builder reads its rules from the link when it opens. */}
                  <a href={builderHref(workspaceId, JSON.parse(h.filter) as FilterTree, segmentId)}>open these rules</a>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
