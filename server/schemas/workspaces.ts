import { z } from "zod";
import { workspaceSettingsInput, timeZoneInput } from "./settings";

/** A new workspace: what workspaces.create takes (server/routers/workspaces.ts; its form too), by the rules Manage applies to a name and a zone. */
export const workspaceCreateInput = z.object({
  name: workspaceSettingsInput.shape.name,
  timeZone: timeZoneInput.shape.timeZone,
});
