import type { NextAuthOptions } from "next-auth";
import { authSecret } from "../env";
import { sessionCookieName, sessionCookieOptions, SESSION_MAX_AGE_SECONDS } from "./session-cookie";

/**
 * next-auth reads and ends sessions: getServerSession, /api/auth/session for
 * the client, /api/auth/signout. Signing in is ChatLens's own POST /api/sign-in
 * (server/auth/sign-in-http.ts), which throttles failures and works without
 * JavaScript, and issues the same cookie next-auth would.
 */
export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // The one definition route handlers read too (server/auth/session-cookie.ts).
  cookies: { sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() } },
  pages: { signIn: "/signin" },
  providers: [],
  callbacks: {
    jwt({ token }) {
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
};
