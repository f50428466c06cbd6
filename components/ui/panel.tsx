"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import overview from "@/components/overview/overview.module.css";
import { describeError } from "@/components/trpc-error";
import styles from "./panel.module.css";

/** A titled card of a report page; `id` names its heading (`<id>-title`), which a SectionIndex links to. */
export function Panel({
  id,
  title,
  description,
  actions,
  children,
  busy,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  busy?: boolean;
}) {
  return (
    <section className={overview.panel} aria-labelledby={`${id}-title`} aria-busy={busy || undefined} data-testid={id}>
      <div className={styles.panelHeaderRow}>
        <div>
          <h2 id={`${id}-title`}>{title}</h2>
          {description ? <p>{description}</p> : null}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}

/**
 * What a section shows for its query: grey blocks the first time, an error
 * with a retry, else the figures — kept on screen, dimmed, while another
 * range loads.
 */
export function QueryContent<T, E = unknown>({
  query,
  what,
  skeletonHeight = 220,
  children,
}: {
  query: UseQueryResult<T, E>;
  what: string;
  skeletonHeight?: number;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return (
      <div aria-busy="true">
        <p role="status" className="visually-hidden">
          Loading {what}…
        </p>
        <span className={overview.skeleton} style={{ width: "100%", height: skeletonHeight }} aria-hidden="true" />
      </div>
    );
  }
  if (query.isError && query.data === undefined) {
    return (
      <div role="alert" className={`alert ${overview.errorBox}`}>
        <div>
          <strong>The {what} could not be loaded.</strong>
          {describeError(query.error)}
        </div>
        <button type="button" className="btn btn-small" onClick={() => void query.refetch()} disabled={query.isFetching}>
          {query.isFetching ? "Retrying…" : "Try again"}
        </button>
      </div>
    );
  }
  return (
    <div style={{ opacity: query.isPlaceholderData ? 0.55 : 1, transition: "opacity 0.15s ease" }}>
      {children(query.data as T)}
    </div>
  );
}

/** A quiet box for a list with nothing in it, saying why and what would fill it. */
export function SmallEmpty({ children }: { children: ReactNode }) {
  return <div className={styles.smallEmpty}>{children}</div>;
}
