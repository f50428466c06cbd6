import type { Metadata } from "next";
import { Suspense } from "react";
import { CampaignReportView } from "@/components/campaigns/campaign-report-view";
import { PageHeader } from "@/components/shell/page-header";
import { breakdownOf, loadReport } from "@/components/campaigns/search-params";
import shell from "@/components/shell/shell.module.css";
import { HandOver, prefetch, trpc } from "@/server/trpc/prefetch";
import type { PageQuery } from "@/components/url-params";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string; campaign: string }>;
  searchParams: Promise<PageQuery>;
}) {
  const { workspace, campaign } = await params;
  let campaignId = campaign;
  try {
    campaignId = decodeURIComponent(campaign);
  } catch {
    // A stray % is not an encoding; the id is the text as it is.
  }
  // The report, the breakdown and what they need run now, side by side, as the view will ask for them; the page comes with their answers.
  const query = loadReport(await searchParams);
  const report = { workspaceId: workspace, campaignId, replyWindowHours: query.window };
  await Promise.all([
    prefetch(trpc.campaigns.report.queryOptions({ ...report, attributionDays: query.attribution })),
    prefetch(trpc.campaigns.breakdown.queryOptions({ ...report, by: breakdownOf(query) })),
    prefetch(trpc.workspaces.current.queryOptions({ workspaceId: workspace })),
    prefetch(trpc.attributes.list.queryOptions({ workspaceId: workspace })),
  ]);
  return (
    <HandOver>
      <Suspense
        fallback={
          <div className={shell.page}>
            <PageHeader title="Campaign" />
          </div>
        }
      >
        <CampaignReportView workspaceId={workspace} campaignId={campaignId} />
      </Suspense>
    </HandOver>
  );
}
