import { redirect } from "next/navigation";
import { DEFAULT_MANAGE_TAB, manageHref } from "@/components/manage/tabs";

/** `/w/<workspace>/manage` on its own lands on its first working tab. */
export default async function ManagePage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  redirect(manageHref(workspace, DEFAULT_MANAGE_TAB));
}
