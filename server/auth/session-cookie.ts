import { randomUUID } from "node:crypto";
import { decode, encode, type JWT } from "next-auth/jwt";
import { authSecret } from "../env";

/**
 * The session cookie: a JWT encrypted with the auth secret, in next-auth's
 * format and under its name, so next-auth reads the sessions ChatLens issues
 * (getServerSession, /api/auth/session, sign-out) and ChatLens reads them in
 * route handlers without Next's request scope. The definition is given to
 * next-auth as `cookies.sessionToken` (server/auth/options.ts), so both sides
 * always agree on the name and flags.
 */

/** A session lasts a week from its last use (next-auth renews the cookie when the app reads /api/auth/session). */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** What ChatLens puts into a session at sign-in; next-auth carries it along when it renews the cookie. */
export interface SessionClaims {
  uid: string;
  /** This sign-in: ending one session (signing out) records it (server/auth/sessions.ts). */
  sid: string;
  /** The account's session epoch at sign-in; a higher one (a password change) ends this session. */
  epoch: number;
}

/** Served over HTTPS (NEXTAUTH_URL says so): the cookie is `__Secure-` and only sent over HTTPS, as next-auth does. */
function secure(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return `${secure() ? "__Secure-" : ""}next-auth.session-token`;
}

export function sessionCookieOptions() {
  // Lax: a link from elsewhere opens the app signed in, but no other site can post with the cookie.
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secure() };
}

export interface SetCookie {
  name: string;
  value: string;
  maxAgeSeconds: number;
}

/** A Set-Cookie header value with the session cookie's flags. */
export function serializeCookie(cookie: SetCookie): string {
  const o = sessionCookieOptions();
  return [
    `${cookie.name}=${cookie.value}`,
    `Path=${o.path}`,
    `Max-Age=${cookie.maxAgeSeconds}`,
    ...(cookie.maxAgeSeconds > 0 ? [`Expires=${new Date(Date.now() + cookie.maxAgeSeconds * 1000).toUTCString()}`] : []),
    "HttpOnly",
    "SameSite=Lax",
    ...(o.secure ? ["Secure"] : []),
  ].join("; ");
}

/** A new session for an account, as the cookie that carries it. */
export async function issueSessionCookie(user: { user_id: string; email: string; name: string; session_epoch: number }): Promise<SetCookie> {
  const claims: SessionClaims = { uid: user.user_id, sid: randomUUID(), epoch: user.session_epoch };
  const value = await encode({
    token: { ...claims, sub: user.user_id, name: user.name, email: user.email },
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return { name: sessionCookieName(), value, maxAgeSeconds: SESSION_MAX_AGE_SECONDS };
}

/** The session cookie of a request, decrypted, or null (none, forged, expired, or from before sessions carried an id). */
export async function readSessionClaims(req: Request): Promise<(SessionClaims & JWT) | null> {
  const value = cookieValue(req.headers.get("cookie"), sessionCookieName());
  if (!value) return null;
  try {
    return claimsOf(await decode({ token: value, secret: authSecret() }));
  } catch {
    // A cookie signed with another secret, or tampered with, is no session.
    return null;
  }
}

/** The ChatLens claims of a decoded token, when it has them all. */
export function claimsOf(token: JWT | null): (SessionClaims & JWT) | null {
  if (!token) return null;
  const { uid, sid, epoch } = token as Partial<SessionClaims>;
  if (typeof uid !== "string" || !uid || typeof sid !== "string" || !sid || typeof epoch !== "number") return null;
  return token as SessionClaims & JWT;
}

function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}
