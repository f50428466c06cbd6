import type { Store } from "@/clickhouse/client";
import { readSessionClaims } from "./session-cookie";
import { liveSession } from "./sessions";

/** The signed-in person of a route handler's request. */
export interface RequestSession {
  user: { id: string; email: string; name: string; mustChangePassword: boolean };
  sessionId: string;
}

/**
 * The session of a request, read from its cookie and checked against the
 * store (server/auth/sessions.ts). Route handlers use this rather than
 * next-auth's getServerSession, which needs Next's request scope: the request
 * itself is enough, and a test can send one.
 */
export async function sessionFromRequest(store: Store, req: Request): Promise<RequestSession | null> {
  const live = await liveSession(store, await readSessionClaims(req));
  if (!live) return null;
  return {
    user: { id: live.userId, email: live.email, name: live.name, mustChangePassword: live.mustChangePassword },
    sessionId: live.sessionId,
  };
}
