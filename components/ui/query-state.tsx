"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { CSSProperties, ReactNode } from "react";
import { describeError } from "@/components/trpc-error";
import styles from "./states.module.css";

/** A grey block standing in for what is loading: the one shimmer of the app. */
export function Skeleton({ width = "100%", height = 16, style }: { width?: number | string; height?: number | string; style?: CSSProperties }) {
  return <span className={styles.skeleton} style={{ width, height, ...style }} aria-hidden="true" />;
}

/** A query that failed: what, why in plain words (components/trpc-error.ts), and a way to try again. */
export function ErrorState({ what, error, onRetry, retrying }: { what: string; error: unknown; onRetry: () => void; retrying: boolean }) {
  return (
    <div role="alert" className={`alert ${styles.errorBox}`}>
      <div>
        <strong>{what} could not be loaded.</strong>
        {describeError(error)}
      </div>
      <button type="button" className="btn btn-small" onClick={onRetry} disabled={retrying}>
        {retrying ? "Retrying…" : "Try again"}
      </button>
    </div>
  );
}

/** Nothing to show, saying why and what would fill it; `action` is a button or link that does. */
export function EmptyState({ title, icon, action, children }: { title: ReactNode; icon?: ReactNode; action?: ReactNode; children?: ReactNode }) {
  return (
    <div className={styles.empty}>
      {icon}
      <p className={styles.emptyTitle}>{title}</p>
      {children ? <p>{children}</p> : null}
      {action}
    </div>
  );
}

/**
 * What a part of a page shows for its query: a shimmer the first time, an
 * error with a retry, an empty state when `isEmpty` says there is nothing, else
 * the figures — kept on screen, dimmed, while other figures (another range,
 * another page) load.
 */
export function QueryState<T, E = unknown>({
  query,
  what,
  skeletonHeight = 220,
  skeleton,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T, E>;
  /** Lower case, for "Loading the backlog…" and "The backlog could not be loaded." */
  what: string;
  skeletonHeight?: number;
  /** A skeleton shaped like the content, instead of one block. */
  skeleton?: ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return (
      <div aria-busy="true">
        <p role="status" className="visually-hidden">
          Loading {what}…
        </p>
        {skeleton ?? <Skeleton height={skeletonHeight} />}
      </div>
    );
  }
  if (query.isError && query.data === undefined) {
    return <ErrorState what={`The ${what}`} error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  const data = query.data as T;
  return (
    <div className={styles.updating} data-updating={query.isPlaceholderData || undefined}>
      {isEmpty?.(data) && empty !== undefined ? empty : children(data)}
    </div>
  );
}
