import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import shell from "@/components/shell/shell.module.css";
import { askedInput, periodBefore } from "@/components/unresolved/report-inputs";
import { loadUnresolved } from "@/components/unresolved/search-params";
import { UnresolvedView } from "@/components/unresolved/unresolved-view";
import { HandOver, prefetch, trpc } from "@/server/trpc/prefetch";
import { reportDays } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Unresolved queries" };

export default async function UnresolvedPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspace } = await params;
  // Every section's report starts now, as the sections will ask for it.
  const query = await searchParams;
  const days = await reportDays(workspace, query);
  if (days) {
    const range = { workspaceId: workspace, ...days };
    const { before, earlier } = periodBefore(range);
    const { q, asked, by } = loadUnresolved(query);
    prefetch(trpc.unresolved.volume.queryOptions(range));
    prefetch(trpc.unresolved.speed.queryOptions(range));
    if (before) {
      prefetch(trpc.unresolved.volume.queryOptions(earlier));
      prefetch(trpc.unresolved.interveneSpeed.queryOptions(earlier));
    }
    prefetch(trpc.unresolved.sources.queryOptions({ ...range, by }));
    prefetch(trpc.unresolved.terms.queryOptions(range));
    prefetch(trpc.unresolved.asked.queryOptions(askedInput({ ...range, search: q, page: asked })));
    prefetch(trpc.unresolved.repeaters.queryOptions(range));
  }
  prefetch(trpc.unresolved.backlog.queryOptions({ workspaceId: workspace }));
  return (
    <HandOver>
      {/* The view reads the date range from the URL on the client; this boundary keeps the shell renderable without it. */}
      <Suspense
        fallback={
          <div className={shell.page}>
            <PageHeader title="Unresolved queries" />
          </div>
        }
      >
        <UnresolvedView workspaceId={workspace} />
      </Suspense>
    </HandOver>
  );
}
