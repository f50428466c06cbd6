"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpBatchStreamLink, splitLink } from "@trpc/client";
import type { Session } from "next-auth";
import { SessionProvider } from "next-auth/react";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import type { AppRouter } from "@/server/routers/_app";
import { makeQueryClient } from "./query-client";
import { TRPCProvider } from "./trpc";
import { ToastProvider } from "./ui/toast";

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
