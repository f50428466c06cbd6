import type { Metadata } from "next";
import { MembersView } from "@/components/manage/members/members-view";
import { canEdit } from "@/components/manage/tabs";
import { roleIn } from "../role";

export const metadata: Metadata = { title: "Members · Manage" };

/** Every member sees who is in the workspace, like in most team tools; only admins invite, change roles or remove. */
export default async function MembersPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const role = await roleIn(workspace);
  return <MembersView workspaceId={workspace} canEdit={canEdit("members", role)} role={role} />;
}
