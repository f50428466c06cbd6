import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import shell from "@/components/shell/shell.module.css";
import { UnresolvedView } from "@/components/unresolved/unresolved-view";

export const metadata: Metadata = { title: "Unresolved queries" };

export default async function UnresolvedPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  return (
    // The view reads the date range from the URL on the client; this boundary keeps the shell renderable without it.
    <Suspense
      fallback={
        <div className={shell.page}>
          <PageHeader title="Unresolved queries" />
        </div>
      }
    >
      <UnresolvedView workspaceId={workspace} />
    </Suspense>
  );
}
