"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import shell from "@/components/shell/shell.module.css";
import { PageHeader } from "@/components/shell/page-header";
import { Panel } from "@/components/ui/panel";
import { EmptyState, ErrorState } from "@/components/ui/query-state";
import { useTRPC } from "@/components/trpc";
import type { AppRouter } from "@/server/routers/_app";
import { formatRange } from "@/components/ui/format";
import { MessagesChart } from "./messages-chart";
import { OverviewSkeleton } from "./overview-skeleton";
import { RangePicker } from "@/components/ui/range/range-picker";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { useRangeSelection } from "@/components/ui/range/search-params";
import { customRangeProblem, resolveRange, todayIn } from "@/components/ui/range/range";
import { HeadlineStats, StatusBreakdown } from "./stat-cards";
import styles from "./overview.module.css";

export function OverviewView({ workspaceId }: { workspaceId: string }) {
  const zone = useWorkspaceZone();
  const [selection, changeRange] = useRangeSelection();
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
        <ErrorState what="The overview" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : (
        <div className={styles.body} aria-busy={query.isPlaceholderData || undefined} data-updating={query.isPlaceholderData || undefined}>
          {query.isPlaceholderData ? (
            <p role="status" className={styles.updating}>
              Updating…
            </p>
          ) : null}
          {query.isError ? <ErrorState what="The overview" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} /> : null}
          <OverviewFigures workspaceId={workspaceId} data={query.data} />
        </div>
      )}
    </div>
  );
}

type Summary = inferRouterOutputs<AppRouter>["overview"]["summary"];

function OverviewFigures({ workspaceId, data }: { workspaceId: string; data: Summary }) {
  const inbound = data.messagesPerDay.reduce((sum, d) => sum + d.inbound, 0);
  const outbound = data.messagesPerDay.reduce((sum, d) => sum + d.outbound, 0);
  return (
    <>
      <HeadlineStats
        workspaceId={workspaceId}
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
      <Panel as="figure" id="messages" title="Messages per day" description="Inbound from customers and outbound from your business, each day of the range.">
        {inbound + outbound === 0 ? (
          <EmptyState
            title="No messages in this range yet"
            icon={
              <svg width="28" height="28" viewBox="0 0 24 24" fill="none" aria-hidden="true">
                <path
                  d="M4 11.5a7.5 7.5 0 1 1 3.6 6.4L4 19l1.1-3.4A7.46 7.46 0 0 1 4 11.5Z"
                  stroke="currentColor"
                  strokeWidth="1.6"
                  strokeLinejoin="round"
                />
              </svg>
            }
          >
            Messages appear here as customers write to you and your campaigns go out. Try a longer range.
          </EmptyState>
        ) : (
          <MessagesChart data={data.messagesPerDay} />
        )}
      </Panel>
    </>
  );
}
