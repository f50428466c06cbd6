import { getStore } from "@/clickhouse/client";
import { CAN_EDIT_AUDIENCE } from "@/server/auth/roles";
import { workspaceRouteAccess } from "@/server/auth/route-access";
import { importResponse } from "@/server/ingestion/import-http";
import { withInternalErrors } from "@/server/internal-error";

export const dynamic = "force-dynamic";

/** CSV contact import from Manage → Import, for admins and marketers of the workspace. */
export const POST = withInternalErrors("POST workspace import", async (req: Request, { params }: { params: Promise<{ workspace: string }> }) => {
  const { workspace } = await params;
  const store = getStore();
  const access = await workspaceRouteAccess(store, req, workspace, { roles: CAN_EDIT_AUDIENCE, doing: "import contacts" });
  if (!access.ok) return access.response;
  return importResponse(store, workspace, req);
});
