import type { Metadata } from "next";
import { PriceSettings } from "@/components/manage/price-settings";
import { canEdit } from "@/components/manage/tabs";
import { roleIn } from "../role";

export const metadata: Metadata = { title: "Prices · Manage" };

export default async function PricesPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const role = await roleIn(workspace);
  return <PriceSettings workspaceId={workspace} canEdit={canEdit("prices", role)} role={role} />;
}
