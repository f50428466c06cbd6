import type { NextAuthOptions } from "next-auth";
import { getStore } from "@/clickhouse/client";
import { authSecret } from "../env";
import { sessionCookieName, sessionCookieOptions, SESSION_MAX_AGE_SECONDS } from "./session-cookie";
import { endSession, liveSession, SessionEndedError } from "./sessions";

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
    // Runs on every read of a session cookie: one that ended (signed out, password changed,
    // account removed) throws, and next-auth answers "no session" and clears the cookie.
    async jwt({ token }) {
      const live = await liveSession(getStore(), token);
      if (!live) throw new SessionEndedError();
      return { ...token, name: live.name, email: live.email, mustChangePassword: live.mustChangePassword };
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") {
        session.user.id = token.uid;
        session.user.name = token.name;
        session.user.email = token.email;
        session.user.mustChangePassword = token.mustChangePassword === true;
      }
      return session;
    },
  },
  events: {
    // POST /api/auth/signout: the session ends on the server too, so a copy of the cookie is worth nothing.
    async signOut({ token }) {
      await endSession(getStore(), token);
    },
  },
  logger: {
    error(code, metadata) {
      // An ended session is an answer ("signed out"), not an error worth a stack in the log.
      if (metadata instanceof SessionEndedError) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};
