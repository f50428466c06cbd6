import type { Metadata } from "next";
import { BuilderView } from "@/components/segments/builder-view";
import { HandOver, prefetch, trpc } from "@/server/trpc/prefetch";

export const metadata: Metadata = { title: "New segment" };

export default async function NewSegmentPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  // The builder's choices and the reader's role run now, and come with the page: the builder shows (and counts) once it has them.
  await Promise.all([
    prefetch(trpc.segments.options.queryOptions({ workspaceId: workspace })),
    prefetch(trpc.workspaces.current.queryOptions({ workspaceId: workspace })),
  ]);
  return (
    <HandOver>
      <BuilderView workspaceId={workspace} />
    </HandOver>
  );
}
