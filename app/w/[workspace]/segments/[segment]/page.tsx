import type { Metadata } from "next";
import { BuilderView } from "@/components/segments/builder-view";

export const metadata: Metadata = { title: "Segment" };

export default async function SegmentPage({ params }: { params: Promise<{ workspace: string; segment: string }> }) {
  const { workspace, segment } = await params;
  return <BuilderView workspaceId={workspace} segmentId={decodeURIComponent(segment)} />;
}
