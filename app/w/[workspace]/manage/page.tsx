import { redirect } from "next/navigation";
import { firstTabFor, manageHref } from "@/components/manage/tabs";
import { roleIn } from "./role";

/** `/w/<workspace>/manage` on its own lands on the first tab the person's role can use. */
export default async function ManagePage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  redirect(manageHref(workspace, firstTabFor(await roleIn(workspace))));
}
