"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { formatNumber } from "@/components/manage/format";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import styles from "./segments.module.css";

/** The live audience size and its share of all contacts; keeps the last figure while the next one loads. */
export function AudienceSize({ workspaceId, tree, incomplete }: { workspaceId: string; tree: FilterTree | null; incomplete: boolean }) {
  const trpc = useTRPC();
  const count = useQuery(
    trpc.segments.count.queryOptions({ workspaceId, tree: tree! }, { enabled: tree !== null, placeholderData: keepPreviousData }),
  );
  const data = count.data;
  const share = data && data.total ? (100 * data.matching) / data.total : 0;
  const updating = count.isFetching || (tree === null && !incomplete);
  return (
    <section className={styles.sizeCard} aria-labelledby="audience-size-title" data-updating={updating || undefined}>
      <h2 id="audience-size-title" className={styles.sizeTitle}>
        Audience
      </h2>
      {count.isError ? (
        <p role="alert" className={styles.problem}>
          {describeError(count.error)}
        </p>
      ) : data ? (
        <>
          <p className={styles.sizeValue} aria-live="polite" data-testid="audience-count">
            {formatNumber(data.matching)} <span className={styles.sizeUnit}>{data.matching === 1 ? "contact" : "contacts"}</span>
          </p>
          <div className={styles.shareBar} aria-hidden="true">
            <span style={{ width: `${Math.min(100, share)}%` }} />
          </div>
          <p className={styles.sizeHint}>
            {share < 0.1 && share > 0 ? "<0.1" : share.toFixed(share >= 10 || share === 0 ? 0 : 1)}% of {formatNumber(data.total)} contacts
          </p>
        </>
      ) : (
        <p className={styles.sizeValue}>
          <span className={styles.skeleton} style={{ width: 120, height: 28 }} />
        </p>
      )}
      {incomplete ? <p className={styles.sizeHint}>Finish the highlighted rules to update the count.</p> : updating ? <p className={styles.sizeHint}>Counting…</p> : null}
    </section>
  );
}
