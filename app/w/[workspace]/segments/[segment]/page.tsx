import type { Metadata } from "next";
import { BuilderView } from "@/components/segments/builder-view";
import { HandOver, prefetch, trpc } from "@/server/trpc/prefetch";

export const metadata: Metadata = { title: "Segment" };

export default async function SegmentPage({ params }: { params: Promise<{ workspace: string; segment: string }> }) {
  const { workspace, segment } = await params;
  const segmentId = decodeURIComponent(segment);
  // The segment, the builder's choices and the reader's role run now, and come with the page: the builder shows (and counts) once it has them.
  await Promise.all([
    prefetch(trpc.segments.get.queryOptions({ workspaceId: workspace, segmentId })),
    prefetch(trpc.segments.options.queryOptions({ workspaceId: workspace })),
    prefetch(trpc.workspaces.current.queryOptions({ workspaceId: workspace })),
  ]);
  return (
    <HandOver>
      <BuilderView workspaceId={workspace} segmentId={segmentId} />
    </HandOver>
  );
}
