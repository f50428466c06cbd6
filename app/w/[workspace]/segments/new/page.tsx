import type { Metadata } from "next";
import { BuilderView } from "@/components/segments/builder-view";

export const metadata: Metadata = { title: "New segment" };

export default async function NewSegmentPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  return <BuilderView workspaceId={workspace} />;
}
