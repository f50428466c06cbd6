import type { Metadata } from "next";
import { BuilderView } from "@/components/segments/builder-view";
import { HandOver, prefetch, trpc } from "@/server/trpc/prefetch";

export const metadata: Metadata = { title: "New segment" };

export default async function NewSegmentPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  // The builder's choices and the reader's role start now: the builder shows (and counts) once it has them.
  prefetch(trpc.segments.options.queryOptions({ workspaceId: workspace }));
  prefetch(trpc.workspaces.current.queryOptions({ workspaceId: workspace }));
  return (
    <HandOver>
      <BuilderView workspaceId={workspace} />
    </HandOver>
  );
}
