import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; mustChangePassword?: boolean } & DefaultSession["user"];
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** This sign-in (server/auth/session-cookie.ts). */
    sid?: string;
    /** The account's session epoch at sign-in. */
    epoch?: number;
    mustChangePassword?: boolean;
  }
}
