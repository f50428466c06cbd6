import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getStore } from "@/clickhouse/client";
import { currentSession } from "@/server/auth/session";
import { appRouter } from "@/server/routers/_app";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({ session: await currentSession(), store: getStore() }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
