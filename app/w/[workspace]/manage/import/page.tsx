import type { Metadata } from "next";
import { ImportView } from "@/components/manage/import/import-view";
import { RoleNotice } from "@/components/manage/role-notice";
import { canEdit } from "@/components/manage/tabs";
import { roleIn } from "../role";

export const metadata: Metadata = { title: "Import · Manage" };

export default async function ImportPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const role = await roleIn(workspace);
  if (!canEdit("import", role)) {
    return (
      <RoleNotice title="Only admins and marketers import contacts">
        An import adds and changes contacts for everyone in this workspace, so it is open to admins and marketers. Your role
        here is {role}; ask one of them to import the file for you.
      </RoleNotice>
    );
  }
  return <ImportView workspaceId={workspace} />;
}
