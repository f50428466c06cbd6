import { z } from "zod";
import { timeZoneSchema } from "@/clickhouse/vocabulary/time-zones";

/** A new workspace: what workspaces.create takes (server/routers/workspaces.ts; its form too). */
export const workspaceCreateInput = z.object({
  name: z.string().trim().min(1, "the workspace needs a name").max(100, "a workspace name has at most 100 characters"),
  timeZone: timeZoneSchema,
});
