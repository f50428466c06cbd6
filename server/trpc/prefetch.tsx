import "server-only";
import { dehydrate, HydrationBoundary, type FetchInfiniteQueryOptions } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { cache, type ReactNode } from "react";
import { makeQueryClient } from "@/components/query-client";
import { appRouter } from "@/server/routers/_app";
import { createContext } from "./server";

/** One cache per server render: what a page starts, its client components find. */
const serverQueryClient = cache(() => makeQueryClient({ onServer: true }));

/**
 * A page's queries, run on the server as the page is asked for:
 * `await Promise.all([prefetch(trpc.overview.summary.queryOptions(input))])`,
 * with the input the page's client component will ask for, then the page
 * inside <HandOver>, whose first render (on the server, then in the browser)
 * has the answers. At a million contacts a page's scripts ran for 300–550 ms
 * before they asked for its figures. A failed query is not handed over: the
 * browser asks for it and shows its failure as it always did.
 */
export const trpc = createTRPCOptionsProxy({ ctx: createContext, router: appRouter, queryClient: serverQueryClient });

// Any procedure's options, typed as tRPC's own server-components guide types them.
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(options: T): Promise<void> {
  return serverQueryClient().prefetchQuery(options);
}

/** The first page of a paged query (`infiniteQueryOptions`), as prefetch does a plain one. */
// Any procedure's pages: their data and cursor types are the procedure's, not this helper's.
export function prefetchFirstPage(options: FetchInfiniteQueryOptions<any, any, any, any, any>): Promise<void> {
  return serverQueryClient().prefetchInfiniteQuery(options);
}

/** Hands the answers of the queries a page ran to its client components. */
export function HandOver({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(serverQueryClient())}>{children}</HydrationBoundary>;
}
