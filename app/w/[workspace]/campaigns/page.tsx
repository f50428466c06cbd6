import type { Metadata } from "next";
import { Suspense } from "react";
import { CampaignListView } from "@/components/campaigns/campaign-list-view";
import { PageHeader } from "@/components/shell/page-header";
import shell from "@/components/shell/shell.module.css";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  return (
    // The view reads the range, search and sort from the URL on the client; this boundary keeps the shell renderable without it.
    <Suspense
      fallback={
        <div className={shell.page}>
          <PageHeader title="Campaigns" />
        </div>
      }
    >
      <CampaignListView workspaceId={workspace} />
    </Suspense>
  );
}
