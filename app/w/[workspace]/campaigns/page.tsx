import type { Metadata } from "next";
import { Suspense } from "react";
import { CampaignListView } from "@/components/campaigns/campaign-list-view";
import { PageHeader } from "@/components/shell/page-header";
import shell from "@/components/shell/shell.module.css";
import { listInput, loadList } from "@/components/campaigns/search-params";
import { HandOver, prefetch, trpc } from "@/server/trpc/prefetch";
import { reportDays } from "@/server/trpc/server";
import type { PageQuery } from "@/components/url-params";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<PageQuery>;
}) {
  const { workspace } = await params;
  // The totals', list's and heatmap's queries run now, as the view will ask for them; the page comes with their answers.
  const query = await searchParams;
  const range = await reportDays(workspace, query);
  if (range) {
    await Promise.all([
      prefetch(trpc.campaigns.summary.queryOptions({ workspaceId: workspace, ...range })),
      prefetch(trpc.campaigns.list.queryOptions(listInput(workspace, range, loadList(query)))),
      prefetch(trpc.campaigns.timing.queryOptions({ workspaceId: workspace, ...range })),
    ]);
  }
  return (
    <HandOver>
      {/* The view reads the range, search and sort from the URL on the client; this boundary keeps the shell renderable without it. */}
      <Suspense
        fallback={
          <div className={shell.page}>
            <PageHeader title="Campaigns" />
          </div>
        }
      >
        <CampaignListView workspaceId={workspace} />
      </Suspense>
    </HandOver>
  );
}
