import type { Metadata } from "next";
import { SegmentList } from "@/components/segments/segment-list";

export const metadata: Metadata = { title: "Segments" };

export default async function SegmentsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  return <SegmentList workspaceId={workspace} />;
}
