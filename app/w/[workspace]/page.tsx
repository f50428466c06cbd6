import { redirect } from "next/navigation";

/** `/w/<workspace>` on its own lands on the overview. */
export default async function WorkspaceIndex({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  redirect(`/w/${encodeURIComponent(workspace)}/overview`);
}
