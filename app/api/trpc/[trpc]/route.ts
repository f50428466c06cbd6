import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getStore } from "@/clickhouse/client";
import { sessionFromRequest } from "@/server/auth/request-session";
import { CROSS_SITE_MESSAGE, isCrossSiteChange } from "@/server/auth/same-origin";
import { appRouter } from "@/server/routers/_app";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async ({ resHeaders }) => {
      // Mutations are POSTs: one sent by another site's page is refused before any procedure runs.
      if (isCrossSiteChange(req)) throw new TRPCError({ code: "FORBIDDEN", message: CROSS_SITE_MESSAGE });
      const store = getStore();
      return {
        session: await sessionFromRequest(store, req),
        store,
        setCookie: (setCookieHeader: string) => resHeaders.append("Set-Cookie", setCookieHeader),
        memberships: new Map(),
      };
    },
    // Unexpected failures are logged, with their request id, where they are made safe (server/trpc/init.ts).
  });
}

export { handler as GET, handler as POST };
