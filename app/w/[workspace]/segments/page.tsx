import type { Metadata } from "next";
import { SegmentList } from "@/components/segments/segment-list";
import { HandOver, prefetch, trpc } from "@/server/trpc/prefetch";

export const metadata: Metadata = { title: "Segments" };

export default async function SegmentsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  // The list and the reader's role run now, and come with the page; each size is asked for once the list is on screen.
  await Promise.all([
    prefetch(trpc.segments.list.queryOptions({ workspaceId: workspace })),
    prefetch(trpc.workspaces.current.queryOptions({ workspaceId: workspace })),
  ]);
  return (
    <HandOver>
      <SegmentList workspaceId={workspace} />
    </HandOver>
  );
}
