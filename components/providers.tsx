"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpBatchStreamLink, splitLink, TRPCClientError } from "@trpc/client";
import type { Session } from "next-auth";
import { SessionProvider } from "next-auth/react";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import type { AppRouter } from "@/server/routers/_app";
import { TRPCProvider } from "./trpc";
import { ToastProvider } from "./ui/toast";

function makeQueryClient() {
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
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          // A page's reads go in one request and each answer streams back as soon as it is ready,
          // so a section shows when its own query is done, not when the slowest of the page's is
          // (the Unresolved page asks for nine at once; at a million contacts they took a second
          // to come back together). Mutations are not streamed: one may set a cookie (account),
          // and a stream's headers are sent before any procedure ends.
          condition: (op) => op.type === "query",
          true: httpBatchStreamLink({ url: "/api/trpc", transformer: superjson }),
          false: httpBatchLink({ url: "/api/trpc", transformer: superjson }),
        }),
      ],
    }),
  );

  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <ToastProvider>
          {/* Pages keep their state in the URL through nuqs (parsers in each feature's search-params.ts). */}
          <NuqsAdapter>{children}</NuqsAdapter>
        </ToastProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/**
 * The signed-in user for `useSession`, handed over by the server that has
 * just checked it (the workspace layout), so a page does not ask the server
 * for its session again on every load (`/api/auth/session`: 110–190 ms at a
 * million contacts, beside the page's own figures).
 */
export function SignedIn({ session, children }: { session: Session; children: ReactNode }) {
  return (
    <SessionProvider session={session} refetchOnWindowFocus={false}>
      {children}
    </SessionProvider>
  );
}
