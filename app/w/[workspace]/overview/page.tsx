import type { Metadata } from "next";
import { Suspense } from "react";
import { OverviewSkeleton } from "@/components/overview/overview-skeleton";
import { OverviewView } from "@/components/overview/overview-view";
import { PageHeader } from "@/components/shell/page-header";
import shell from "@/components/shell/shell.module.css";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  return (
    // The view reads the date range from the URL on the client; this boundary keeps the shell renderable without it.
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
  );
}
