import { getStore } from "@/clickhouse/client";
import { getMemberRole } from "@/clickhouse/queries/workspaces";
import { CAN_EDIT_AUDIENCE, roleAllows, roleSchema } from "@/server/auth/roles";
import { currentSession } from "@/server/auth/session";
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
    const session = await currentSession();
    if (!session) return Response.json({ error: "Sign in to continue." }, { status: 401 });
    const store = getStore();
    const role = roleSchema.safeParse(await getMemberRole(store, workspace, session.user.id));
    if (!role.success) return Response.json({ error: "No such workspace." }, { status: 404 });
    if (!roleAllows(role.data, CAN_EDIT_AUDIENCE)) {
      return Response.json({ error: `Your role (${role.data}) cannot export contacts; ask an admin or marketer.` }, { status: 403 });
    }
    return exportResponse(store, workspace, segment, new URL(req.url));
  },
);
