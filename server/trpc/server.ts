import "server-only";
import { cache } from "react";
import { getStore } from "@/clickhouse/client";
import { currentSession } from "@/server/auth/session";
import { createCaller } from "@/server/routers/_app";

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
