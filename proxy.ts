import { NextResponse, type NextRequest } from "next/server";
import { applySecurityHeaders, contentSecurityPolicy, newNonce } from "@/server/security-headers";

/** Pages that need a session; the rest (sign-in, API routes) answer for themselves. */
const SIGNED_IN_PAGES = /^\/(w|account|workspaces)(\/|$)/;

/**
 * Runs before every page and API route (not static files):
 *
 * - drops a password from the address (addressWithoutSecrets);
 * - sends the security headers (server/security-headers.ts), with a fresh
 *   script nonce that Next reads from the request's CSP header;
 * - an early, optimistic check: a visitor of a workspace page without a
 *   session cookie is sent to sign in with the exact page they asked for
 *   (path and query) as the way back. The workspace layout still checks the
 *   session and membership itself.
 */
export function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy(newNonce());
  const { pathname, search } = request.nextUrl;

  const withoutSecrets = addressWithoutSecrets(request);
  if (withoutSecrets) {
    const res = NextResponse.redirect(withoutSecrets, 303);
    res.headers.set("Cache-Control", "no-store");
    applySecurityHeaders(res.headers, csp);
    return res;
  }

  const hasSession =
    request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  if (SIGNED_IN_PAGES.test(pathname) && !hasSession) {
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", pathname + search);
    const res = NextResponse.redirect(signIn);
    applySecurityHeaders(res.headers, csp);
    return res;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  applySecurityHeaders(res.headers, csp);
  return res;
}

/**
 * A sign-in form submitted as a GET (a copy of the page without `method`, a
 * browser extension) puts the password in the address, where history, logs
 * and a Referer would keep it. Such an address is replaced at once by the same
 * one without `password` and `email`; null when there is nothing to drop.
 */
function addressWithoutSecrets(request: NextRequest): URL | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const names = [...request.nextUrl.searchParams.keys()];
  if (!names.some((n) => n.toLowerCase() === "password")) return null;
  const clean = request.nextUrl.clone();
  for (const name of names) if (/^(password|email)$/i.test(name)) clean.searchParams.delete(name);
  return clean;
}

export const config = {
  // Everything but the build's static files and the icon.
  matcher: "/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg).*)",
};
