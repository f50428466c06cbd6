import { getStore } from "@/clickhouse/client";
import { getMemberRole } from "@/clickhouse/queries/workspaces";
import { CAN_EDIT_AUDIENCE, roleAllows, roleSchema } from "@/server/auth/roles";
import { currentSession } from "@/server/auth/session";
import { importResponse } from "@/server/ingestion/import-http";
import { withInternalErrors } from "@/server/internal-error";

export const dynamic = "force-dynamic";

/** CSV contact import from Manage → Import, for admins and marketers of the workspace. */
export const POST = withInternalErrors("POST workspace import", async (req: Request, { params }: { params: Promise<{ workspace: string }> }) => {
  const { workspace } = await params;
  const session = await currentSession();
  if (!session) return Response.json({ error: "Sign in to continue." }, { status: 401 });
  const store = getStore();
  const role = roleSchema.safeParse(await getMemberRole(store, workspace, session.user.id));
  if (!role.success) return Response.json({ error: "No such workspace." }, { status: 404 });
  if (!roleAllows(role.data, CAN_EDIT_AUDIENCE)) {
    return Response.json({ error: `Your role (${role.data}) cannot import contacts; ask an admin or marketer.` }, { status: 403 });
  }
  return importResponse(store, workspace, req);
});
