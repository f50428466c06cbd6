import { TRPCError } from "@trpc/server";
import type { Store } from "@/clickhouse/client";
import { listAttributeCatalogue } from "@/clickhouse/queries/attributes";
import { attributeOf, type BreakdownBy, type GroupFilter } from "@/clickhouse/vocabulary/campaign-groups";

/**
 * A breakdown or a breakdown cell by an attribute must name one the workspace
 * defines (archived ones included: their values stay on contacts); otherwise
 * every recipient would quietly land in "no value".
 */
export async function requireKnownAttribute(store: Store, workspaceId: string, g: BreakdownBy | GroupFilter | undefined): Promise<void> {
  const name = g ? attributeOf(g) : null;
  if (name === null) return;
  const known = await listAttributeCatalogue(store, workspaceId);
  if (known.some((a) => a.name === name)) return;
  const names = known.map((a) => a.name).sort();
  throw new TRPCError({
    code: "BAD_REQUEST",
    message: `There is no attribute “${name}” in this workspace; ${names.length ? `pick one of ${names.join(", ")}` : "define one in Manage → Attributes first"}.`,
  });
}
