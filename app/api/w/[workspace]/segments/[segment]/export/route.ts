import { TRPCError } from "@trpc/server";
import { getStore } from "@/clickhouse/client";
import { getSavedSegment } from "@/clickhouse/queries/segments/saved";
import { getMemberRole } from "@/clickhouse/queries/workspaces";
import { CAN_EDIT_AUDIENCE, roleAllows, roleSchema } from "@/server/auth/roles";
import { currentSession } from "@/server/auth/session";
import { segmentCsvStream } from "@/server/segments/export-csv";
import { decodeTree } from "@/server/segments/url";
import { parseTree } from "@/server/segments/workspace";

export const dynamic = "force-dynamic";

/** The segment id of an unsaved filter, whose tree comes in `?tree=` (the builder's link form). */
const DRAFT = "draft";

/**
 * GET /api/w/<workspace>/segments/<segment id | draft>/export?attributes=email,plan[&tree=…]
 * streams the audience as CSV, for admins and marketers (exports are theirs).
 */
export async function GET(req: Request, { params }: { params: Promise<{ workspace: string; segment: string }> }) {
  const { workspace, segment } = await params;
  const session = await currentSession();
  if (!session) return Response.json({ error: "Sign in to continue." }, { status: 401 });
  const store = getStore();
  const role = roleSchema.safeParse(await getMemberRole(store, workspace, session.user.id));
  if (!role.success) return Response.json({ error: "No such workspace." }, { status: 404 });
  if (!roleAllows(role.data, CAN_EDIT_AUDIENCE)) {
    return Response.json({ error: `Your role (${role.data}) cannot export contacts; ask an admin or marketer.` }, { status: 403 });
  }

  const url = new URL(req.url);
  let raw: unknown;
  let name = "segment";
  if (segment === DRAFT) {
    raw = decodeTree(url.searchParams.get("tree") ?? "");
    if (!raw) return Response.json({ error: "The tree parameter is not a filter link." }, { status: 400 });
  } else {
    const saved = await getSavedSegment(store, workspace, segment);
    if (!saved) return Response.json({ error: "This segment does not exist, or was deleted." }, { status: 404 });
    raw = JSON.parse(saved.filter);
    name = saved.name;
  }
  let parsed;
  try {
    parsed = await parseTree(store, workspace, raw);
  } catch (err) {
    if (err instanceof TRPCError) return Response.json({ error: err.message }, { status: 400 });
    throw err;
  }
  const wanted = (url.searchParams.get("attributes") ?? "").split(",").map((a) => a.trim()).filter(Boolean);
  const unknown = wanted.filter((a) => !parsed.attributeTypes.has(a));
  if (unknown.length) return Response.json({ error: `Unknown attributes: ${unknown.join(", ")}` }, { status: 400 });

  const now = new Date();
  const file = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "segment"}-${now.toISOString().slice(0, 10)}.csv`;
  const body = segmentCsvStream(store, workspace, parsed.tree, { attributes: [...new Set(wanted)], attributeTypes: parsed.attributeTypes, now });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file}"`,
      "cache-control": "no-store",
    },
  });
}
