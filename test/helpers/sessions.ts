import { issueSessionCookie } from "@/server/auth/session-cookie";

/** A `Cookie` header value carrying a fresh session of the user, as signing in would set it. */
export async function sessionCookieFor(userId: string, sessionEpoch = 0): Promise<string> {
  const cookie = await issueSessionCookie({ user_id: userId, email: "", name: "", session_epoch: sessionEpoch });
  return `${cookie.name}=${cookie.value}`;
}

/** The `name=value` part of a response's Set-Cookie, ready to send back as a `Cookie` header. */
export function cookieFromResponse(res: Response): string | null {
  const set = res.headers.getSetCookie().find((c) => c.includes("session-token="));
  return set ? set.split(";")[0] : null;
}

export const APP = "http://localhost";

/** A request to the app as a browser on the app's own pages sends it (same origin). */
export function appRequest(
  path: string,
  init: { method?: string; cookie?: string | null; body?: BodyInit; headers?: Record<string, string> } = {},
): Request {
  const headers: Record<string, string> = { ...(init.cookie ? { cookie: init.cookie } : {}), ...init.headers };
  return new Request(`${APP}${path}`, { method: init.method ?? "GET", body: init.body, headers, duplex: "half" } as RequestInit);
}
