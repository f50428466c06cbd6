import type { Metadata } from "next";
import { GeneralSettings } from "@/components/manage/general-settings";
import { canEdit } from "@/components/manage/tabs";
import { roleIn } from "../role";

export const metadata: Metadata = { title: "General · Manage" };

export default async function GeneralPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const role = await roleIn(workspace);
  return <GeneralSettings workspaceId={workspace} canEdit={canEdit("general", role)} role={role} />;
}
