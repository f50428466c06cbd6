import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import superjson from "superjson";

/**
 * The reports' cache, in the browser and for one server render. A server
 * page starts its figures' queries as the page is asked for and hands them
 * over still running (server/trpc/prefetch.tsx): a query's answer streams in
 * with the page instead of being asked for once the page's scripts have run.
 */
export function makeQueryClient({ onServer = false }: { onServer?: boolean } = {}) {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Analytics figures move slowly; refetching on every tab switch would only flicker.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx (bad range, not a member, signed out) will not get better by asking again. A server
        // render does not ask again at all: the browser does, over HTTP, when it is handed a failure.
        retry: (failures, error) => {
          if (onServer) return false;
          const status = error instanceof TRPCClientError ? (error.data?.httpStatus as number | undefined) : undefined;
          if (status !== undefined && status < 500) return false;
          return failures < 2;
        },
        // A failure handed over from the server render reaches the browser without its code (a
        // contact that does not exist, say), so it is asked again at once for the real answer.
        retryDelay: (failures, error) => (error instanceof TRPCClientError ? Math.min(1000 * 2 ** failures, 30_000) : 0),
      },
      dehydrate: {
        // Handed over while still running: the browser waits for the server's answer, not a second one.
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
        serializeData: superjson.serialize,
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
