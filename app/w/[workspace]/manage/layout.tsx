import type { ReactNode } from "react";
import { ManageNav } from "@/components/manage/manage-nav";
import { PageHeader } from "@/components/shell/page-header";
import shell from "@/components/shell/shell.module.css";

export default async function ManageLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ workspace: string }>;
}) {
  const { workspace } = await params;
  return (
    <div className={shell.page}>
      <PageHeader title="Manage" description="Workspace settings, members, the tag and attribute catalogues, API keys and contact imports." />
      <ManageNav workspaceId={workspace} />
      {children}
    </div>
  );
}
