import type { Metadata } from "next";
import { AttributesView } from "@/components/manage/attributes/attributes-view";
import { canEdit } from "@/components/manage/tabs";
import { roleIn } from "../role";

export const metadata: Metadata = { title: "Attributes · Manage" };

/** Everyone reads the attribute definitions; admins and marketers change them. */
export default async function AttributesPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const role = await roleIn(workspace);
  return <AttributesView workspaceId={workspace} canEdit={canEdit("attributes", role)} role={role} />;
}
