import { QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import superjson from "superjson";

/**
 * The reports' cache, in the browser and for one server render. A server
 * page runs its figures' queries as the page is asked for and hands their
 * answers over with the page (server/trpc/prefetch.tsx), instead of the
 * browser asking for them once the page's scripts have run.
 */
export function makeQueryClient({ onServer = false }: { onServer?: boolean } = {}) {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Analytics figures move slowly; refetching on every tab switch would only flicker.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx (bad range, not a member, signed out) will not get better by asking again. A server
        // render does not ask again at all: a failed query is not handed over, and the browser asks.
        retry: (failures, error) => {
          if (onServer) return false;
          const status = error instanceof TRPCClientError ? (error.data?.httpStatus as number | undefined) : undefined;
          if (status !== undefined && status < 500) return false;
          return failures < 2;
        },
      },
      // Answers only (the default): a query handed over still running rendered its skeleton on the
      // server and, its answer having come in with the page, its figures in the browser's first
      // render, which React refused as a mismatch and rendered the page again (error #418).
      dehydrate: { serializeData: superjson.serialize },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
