import type { Store } from "@/clickhouse/client";
import { getMembership } from "@/clickhouse/queries/workspaces";
import { TEMPORARY_PASSWORD_MESSAGE } from "./password-rules";
import { sessionFromRequest } from "./request-session";
import { roleAllows, roleSchema, type Role } from "./roles";
import { crossSiteRefusal } from "./same-origin";

export type RouteAccess =
  | { ok: true; userId: string; workspace: { id: string; role: Role } }
  | { ok: false; response: Response };

function refuse(status: number, error: string): RouteAccess {
  return { ok: false, response: Response.json({ error }, { status }) };
}

/** "an admin or marketer": the roles that may, as a person reads them. */
function whoMay(roles: readonly Role[]): string {
  return `${/^[aeiou]/.test(roles[0] ?? "") ? "an" : "a"} ${roles.join(" or ")}`;
}

/**
 * Who may use a cookie-authenticated route of a workspace (/api/w/<ws>/…),
 * answered as the tRPC tiers answer (server/trpc/init.ts): 401 signed out,
 * 404 not a member or no such workspace (one answer for both, so nothing leaks
 * across tenants), 403 a role that may not `doing`, or an account that must
 * first replace its temporary password. First of all, a change
 * sent by another site's page is refused with 403 (server/auth/same-origin.ts).
 */
export async function workspaceRouteAccess(
  store: Store,
  req: Request,
  workspaceId: string,
  rule: { roles: readonly Role[]; doing: string },
): Promise<RouteAccess> {
  const crossSite = crossSiteRefusal(req);
  if (crossSite) return { ok: false, response: crossSite };
  const session = await sessionFromRequest(store, req);
  if (!session) return refuse(401, "Sign in to continue.");
  if (session.user.mustChangePassword) return refuse(403, TEMPORARY_PASSWORD_MESSAGE);
  const role = roleSchema.safeParse((await getMembership(store, workspaceId, session.user.id))?.role);
  if (!role.success) return refuse(404, "No such workspace.");
  if (!roleAllows(role.data, rule.roles)) {
    return refuse(403, `Your role (${role.data}) cannot ${rule.doing}; ask ${whoMay(rule.roles)}.`);
  }
  return { ok: true, userId: session.user.id, workspace: { id: workspaceId, role: role.data } };
}
