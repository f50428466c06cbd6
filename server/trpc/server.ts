import "server-only";
import { cache } from "react";
import { getStore } from "@/clickhouse/client";
import { rangeOfUrl } from "@/components/ui/range/search-params";
import { currentSession } from "@/server/auth/session";
import { createCaller } from "@/server/routers/_app";
import type { PageQuery } from "@/components/url-params";

/**
 * One context per request: React's cache() scopes it to the current server
 * render, so a layout and its page share the session lookup and each
 * workspace's membership read.
 */
export const createContext = cache(async () => ({ session: await currentSession(), store: getStore(), memberships: new Map() }));

/** tRPC for React Server Components: the same procedures, called in-process. */
export const api = createCaller(createContext);

/** The caller's role and the workspace's time zone, read once per request: the layout and its page both need them. */
export const currentWorkspace = cache((workspaceId: string) => api.workspaces.current({ workspaceId }));

/**
 * The days a report page's URL asks for, in the workspace's zone, as its view
 * will resolve them (rangeOfUrl), so the page can start the view's queries;
 * null for a custom range the view refuses, or a workspace the caller cannot
 * read (the layout answers that one).
 */
export async function reportDays(workspaceId: string, query: PageQuery) {
  const zone = await currentWorkspace(workspaceId).then((w) => w.timeZone, () => null);
  return zone ? rangeOfUrl(query, zone) : null;
}
