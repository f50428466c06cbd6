import type { Metadata } from "next";
import { Suspense } from "react";
import { OverviewSkeleton } from "@/components/overview/overview-skeleton";
import { OverviewView } from "@/components/overview/overview-view";
import { PageHeader } from "@/components/shell/page-header";
import shell from "@/components/shell/shell.module.css";
import { HandOver, prefetch, trpc } from "@/server/trpc/prefetch";
import { reportDays } from "@/server/trpc/server";
import type { PageQuery } from "@/components/url-params";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<PageQuery>;
}) {
  const { workspace } = await params;
  // The figures' query runs now, with the input the view will ask for; the page comes with its answer.
  const range = await reportDays(workspace, await searchParams);
  if (range) await prefetch(trpc.overview.summary.queryOptions({ workspaceId: workspace, ...range }));
  return (
    <HandOver>
      {/* The view reads the date range from the URL on the client; this boundary keeps the shell renderable without it. */}
      <Suspense
        fallback={
          <div className={shell.page}>
            <PageHeader title="Overview" />
            <OverviewSkeleton />
          </div>
        }
      >
        <OverviewView workspaceId={workspace} />
      </Suspense>
    </HandOver>
  );
}
