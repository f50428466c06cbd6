import type { Store } from "@/clickhouse/client";
import { recordEndedSession, sessionState } from "@/clickhouse/queries/sessions";
import { claimsOf, SESSION_MAX_AGE_SECONDS } from "./session-cookie";

/**
 * Whether a session cookie still stands. The cookie is signed, so it cannot be
 * forged, but nothing about it changes when its session should end; every
 * request therefore checks it against the store (one small read by user id):
 *
 * - the account still exists;
 * - the cookie's epoch is the account's: a new password raises the epoch and
 *   so ends every session signed in before ("sign out everywhere");
 * - this session was not signed out (ended_sessions, by session id): signing
 *   out ends the session of that browser only.
 *
 * Membership is not part of it: it is checked per request, per workspace
 * (server/trpc/init.ts, server/auth/route-access.ts), so a member removed from
 * a workspace loses it at once and keeps the others.
 */

export interface LiveSession {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  /** The password is a temporary one from an invitation: nothing but changing it is allowed. */
  mustChangePassword: boolean;
}

/** A session that ended; next-auth clears the cookie when its jwt callback throws this. */
export class SessionEndedError extends Error {
  constructor() {
    super("This session has ended: it was signed out, its password changed, or its account was removed.");
    this.name = "SessionEndedError";
  }
}

/** The session a decoded cookie stands for, or null when it ended (or never was one of ours). */
export async function liveSession(store: Store, token: Record<string, unknown> | null): Promise<LiveSession | null> {
  const claims = claimsOf(token);
  if (!claims) return null;
  const state = await sessionState(store, claims.uid, claims.sid);
  if (!state || state.ended || state.sessionEpoch !== claims.epoch) return null;
  return {
    userId: claims.uid,
    sessionId: claims.sid,
    email: state.email,
    name: state.name,
    mustChangePassword: state.mustChangePassword,
  };
}

/** Ends the session of a decoded cookie (sign-out); a cookie that is not a session of ours is ignored. */
export async function endSession(store: Store, token: Record<string, unknown> | null): Promise<void> {
  const claims = claimsOf(token);
  if (!claims) return;
  // Kept until the cookie expires on its own (its `exp`, checked when it is decoded; a minute more for clock
  // tolerance). An ended session is never renewed, so no copy of the cookie lives longer.
  const expiresAt = new Date(
    typeof claims.exp === "number" ? (claims.exp + 60) * 1000 : Date.now() + SESSION_MAX_AGE_SECONDS * 1000,
  );
  await recordEndedSession(store, { sessionId: claims.sid, userId: claims.uid, expiresAt });
}
