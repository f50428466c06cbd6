import { NextResponse, type NextRequest } from "next/server";

/**
 * An early, optimistic check: a visitor without a session cookie is sent to
 * sign in with the exact page they asked for (path and query) as the way
 * back. The workspace layout still checks the session and membership itself.
 */
export function proxy(request: NextRequest) {
  const hasSession =
    request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: "/w/:path*",
};
