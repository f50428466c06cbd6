import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { api } from "@/server/trpc/server";

/**
 * The signed-in person's role in the workspace, once per request, so a Manage
 * page can show a read-only view or say why it is closed before any query runs.
 * The procedures still check the role themselves.
 */
export const roleIn = cache(async (workspaceId: string) => {
  try {
    return (await api.workspaces.current({ workspaceId })).role;
  } catch (err) {
    // Same as the workspace layout: not a member and no such workspace look alike.
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
});
