"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { usePathname, useSearchParams } from "next/navigation";
import shell from "@/components/shell/shell.module.css";
import { PageHeader } from "@/components/shell/page-header";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import type { AppRouter } from "@/server/routers/_app";
import { formatRange } from "./format";
import { MessagesChart } from "./messages-chart";
import { OverviewSkeleton } from "./overview-skeleton";
import { RangePicker } from "./range-picker";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { customRangeProblem, rangeSearch, readRange, resolveRange, todayIn, type RangeSelection } from "./range";
import { HeadlineStats, StatusBreakdown } from "./stat-cards";
import styles from "./overview.module.css";

export function OverviewView({ workspaceId }: { workspaceId: string }) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const zone = useWorkspaceZone();
  const selection = readRange(searchParams);
  const range = resolveRange(selection, todayIn(zone));
  // A hand-edited link can carry a range the server would refuse; say why in our own words instead of asking.
  const rangeProblem = selection.kind === "custom" ? customRangeProblem(range.from, range.to) : null;
  const trpc = useTRPC();
  const query = useQuery(
    // Keep the last figures on screen while another range loads, instead of flashing skeletons.
    trpc.overview.summary.queryOptions(
      { workspaceId, ...range },
      { placeholderData: keepPreviousData, enabled: rangeProblem === null },
    ),
  );

  function changeRange(next: RangeSelection) {
    // The native history API updates useSearchParams without a server round trip, and keeps Back working.
    window.history.pushState(null, "", `${pathname}${rangeSearch(next, new URLSearchParams(searchParams.toString()))}`);
  }

  return (
    <div className={shell.page}>
      <PageHeader
        title="Overview"
        description={
          <>
            {formatRange(range.from, range.to)} <span className={styles.muted}>· days in {zone}</span>
          </>
        }
        actions={<RangePicker selection={selection} resolved={range} onChange={changeRange} />}
      />
      {rangeProblem ? (
        <div role="alert" className="alert">
          <strong>This date range cannot be shown.</strong>
          {rangeProblem} Pick a preset or a custom range above.
        </div>
      ) : query.isPending ? (
        <OverviewSkeleton />
      ) : query.isError && !query.data ? (
        <ErrorBox error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : (
        <div className={styles.body} aria-busy={query.isPlaceholderData || undefined} data-updating={query.isPlaceholderData || undefined}>
          {query.isPlaceholderData ? (
            <p role="status" className={styles.updating}>
              Updating…
            </p>
          ) : null}
          {query.isError ? <ErrorBox error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} /> : null}
          <OverviewFigures data={query.data} />
        </div>
      )}
    </div>
  );
}

type Summary = inferRouterOutputs<AppRouter>["overview"]["summary"];

function OverviewFigures({ data }: { data: Summary }) {
  const inbound = data.messagesPerDay.reduce((sum, d) => sum + d.inbound, 0);
  const outbound = data.messagesPerDay.reduce((sum, d) => sum + d.outbound, 0);
  return (
    <>
      <HeadlineStats
        h={{
          totalContacts: data.contacts.total,
          openUnresolved: data.openUnresolved,
          campaignsSent: data.campaigns.sentInRange,
          campaignsTotal: data.campaigns.total,
          inbound,
          outbound,
          previous: data.previous,
          optedOut: data.optedOut,
        }}
      />
      <StatusBreakdown counts={data.contacts} />
      <figure className={styles.panel} aria-labelledby="messages-title">
        <div className={styles.panelHeader}>
          <h2 id="messages-title">Messages per day</h2>
          <p>Inbound from customers and outbound from your business, each day of the range.</p>
        </div>
        {inbound + outbound === 0 ? (
          <div className={styles.empty}>
            <svg width="28" height="28" viewBox="0 0 24 24" fill="none" aria-hidden="true">
              <path
                d="M4 11.5a7.5 7.5 0 1 1 3.6 6.4L4 19l1.1-3.4A7.46 7.46 0 0 1 4 11.5Z"
                stroke="currentColor"
                strokeWidth="1.6"
                strokeLinejoin="round"
              />
            </svg>
            <p className={styles.emptyTitle}>No messages in this range yet</p>
            <p>Messages appear here as customers write to you and your campaigns go out. Try a longer range.</p>
          </div>
        ) : (
          <MessagesChart data={data.messagesPerDay} />
        )}
      </figure>
    </>
  );
}

function ErrorBox({ error, onRetry, retrying }: { error: unknown; onRetry: () => void; retrying: boolean }) {
  return (
    <div role="alert" className={`alert ${styles.errorBox}`}>
      <div>
        <strong>The overview could not be loaded.</strong>
        {describeError(error)}
      </div>
      <button type="button" className="btn btn-small" onClick={onRetry} disabled={retrying}>
        {retrying ? "Retrying…" : "Try again"}
      </button>
    </div>
  );
}
