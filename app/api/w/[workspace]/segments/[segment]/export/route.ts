import { getStore } from "@/clickhouse/client";
import { CAN_EDIT_AUDIENCE } from "@/server/auth/roles";
import { workspaceRouteAccess } from "@/server/auth/route-access";
import { withInternalErrors } from "@/server/internal-error";
import { exportResponse } from "@/server/segments/export-http";

export const dynamic = "force-dynamic";

/**
 * GET /api/w/<workspace>/segments/<segment id | draft>/export?attributes=email,plan[&tree=…]
 * streams the audience as CSV, for admins and marketers (exports are theirs).
 */
export const GET = withInternalErrors(
  "GET segment export",
  async (req: Request, { params }: { params: Promise<{ workspace: string; segment: string }> }) => {
    const { workspace, segment } = await params;
    const store = getStore();
    const access = await workspaceRouteAccess(store, req, workspace, { roles: CAN_EDIT_AUDIENCE, doing: "export contacts" });
    if (!access.ok) return access.response;
    return exportResponse(store, workspace, segment, new URL(req.url));
  },
);
