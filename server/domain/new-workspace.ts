import { randomBytes } from "node:crypto";
import type { Store } from "@/clickhouse/client";
import { upsertMembership, upsertWorkspace } from "@/clickhouse/queries/workspaces";

/**
 * A new workspace and its creator as its admin. The id is the name as a URL
 * slug (what people see in links) with a random suffix, so two shops called
 * "Clinic" never share one; a name with no Latin letters or digits gets
 * "workspace". The workspace row comes first: a membership without its
 * workspace would list nothing in the switcher.
 */
export async function createWorkspace(store: Store, creatorId: string, input: { name: string; timeZone: string }): Promise<string> {
  const workspaceId = `${slug(input.name)}-${randomBytes(3).toString("hex")}`;
  await upsertWorkspace(store, workspaceId, { name: input.name, timeZone: input.timeZone });
  await upsertMembership(store, workspaceId, creatorId, "admin");
  return workspaceId;
}

function slug(name: string): string {
  const words = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return words || "workspace";
}
