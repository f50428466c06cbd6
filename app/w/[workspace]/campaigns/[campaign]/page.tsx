import type { Metadata } from "next";
import { Suspense } from "react";
import { CampaignReportView } from "@/components/campaigns/campaign-report-view";
import { PageHeader } from "@/components/shell/page-header";
import shell from "@/components/shell/shell.module.css";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignPage({ params }: { params: Promise<{ workspace: string; campaign: string }> }) {
  const { workspace, campaign } = await params;
  let campaignId = campaign;
  try {
    campaignId = decodeURIComponent(campaign);
  } catch {
    // A stray % is not an encoding; the id is the text as it is.
  }
  return (
    <Suspense
      fallback={
        <div className={shell.page}>
          <PageHeader title="Campaign" />
        </div>
      }
    >
      <CampaignReportView workspaceId={workspace} campaignId={campaignId} />
    </Suspense>
  );
}
