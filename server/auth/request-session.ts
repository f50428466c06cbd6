import type { Store } from "@/clickhouse/client";
import { readSessionClaims } from "./session-cookie";

/** The signed-in person of a route handler's request. */
export interface RequestSession {
  user: { id: string };
}

/**
 * The session of a request, read from its cookie. Route handlers use this
 * rather than next-auth's getServerSession, which needs Next's request scope:
 * the request itself is enough, and a test can send one.
 */
export async function sessionFromRequest(_store: Store, req: Request): Promise<RequestSession | null> {
  const claims = await readSessionClaims(req);
  return claims ? { user: { id: claims.uid } } : null;
}
