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
    // Unexpected failures are logged, with their request id, where they are made safe (server/trpc/init.ts).
  });
}

export { handler as GET, handler as POST };
