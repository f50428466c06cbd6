import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import superjson from "superjson";

/**
 * The reports' cache, in the browser and for one server render. A server
 * page starts its figures' queries as the page is asked for and hands them
 * over still running (server/trpc/prefetch.tsx): a query's answer streams in
 * with the page instead of being asked for once the page's scripts have run.
 */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Analytics figures move slowly; refetching on every tab switch would only flicker.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx (bad range, not a member, signed out) will not get better by asking again.
        retry: (failures, error) => {
          const status = error instanceof TRPCClientError ? (error.data?.httpStatus as number | undefined) : undefined;
          if (status !== undefined && status < 500) return false;
          return failures < 2;
        },
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
