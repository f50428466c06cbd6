import type { Metadata } from "next";
import { canEdit } from "@/components/manage/tabs";
import { TagsView } from "@/components/manage/tags/tags-view";
import { roleIn } from "../role";

export const metadata: Metadata = { title: "Tags · Manage" };

/** Everyone reads the tag catalogue; admins and marketers change it. */
export default async function TagsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const role = await roleIn(workspace);
  return <TagsView workspaceId={workspace} canEdit={canEdit("tags", role)} role={role} />;
}
