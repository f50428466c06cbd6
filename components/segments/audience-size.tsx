"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { formatNumber, formatPercentSmall } from "@/components/ui/format";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import styles from "./segments.module.css";

/**
 * The live audience size and its share of all contacts; keeps the last figure
 * while the next one loads. `pending` rules wait for their values and are not
 * applied; while a rule has a wrong value (`stale`) the last figure shows,
 * marked out of date.
 */
export function AudienceSize({
  workspaceId,
  tree,
  pending,
  stale,
  settling,
}: {
  workspaceId: string;
  tree: FilterTree | null;
  pending: number;
  stale: boolean;
  /** The rules just changed and their count has not been asked for yet. */
  settling: boolean;
}) {
  const trpc = useTRPC();
  const count = useQuery(
    trpc.segments.count.queryOptions({ workspaceId, tree: tree! }, { enabled: tree !== null, placeholderData: keepPreviousData }),
  );
  const data = count.data;
  const share = data && data.total ? (100 * data.matching) / data.total : 0;
  const updating = !stale && (settling || count.isFetching || tree === null);
  return (
    <section
      className={styles.sizeCard}
      aria-labelledby="audience-size-title"
      aria-busy={updating}
      data-testid="audience"
      data-updating={updating || undefined}
      data-stale={stale || undefined}
    >
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
            {formatPercentSmall(share)} of {formatNumber(data.total)} contacts
          </p>
        </>
      ) : (
        <p className={styles.sizeValue}>
          <span className={styles.skeleton} style={{ width: 120, height: 28 }} />
        </p>
      )}
      {stale ? (
        <p className={styles.sizeHint} data-testid="audience-stale">
          Out of date: fix the highlighted rule to update the count.
        </p>
      ) : updating ? (
        <p className={styles.sizeHint}>Counting…</p>
      ) : null}
      {pending ? (
        <p className={styles.sizeHint} data-testid="audience-pending">
          {pending === 1 ? "1 rule is" : `${formatNumber(pending)} rules are`} not applied until {pending === 1 ? "it is" : "they are"} complete.
        </p>
      ) : null}
    </section>
  );
}
