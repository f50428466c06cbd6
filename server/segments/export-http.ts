import { TRPCError } from "@trpc/server";
import type { Store } from "@/clickhouse/client";
import { campaignNames } from "@/clickhouse/queries/journey";
import { countSegment } from "@/clickhouse/queries/segments/audience";
import { getSavedSegment } from "@/clickhouse/queries/segments/saved";
import { displayName, listTagDefinitions } from "@/clickhouse/queries/tags";
import { getWorkspace } from "@/clickhouse/queries/workspaces";
import { zoneDay } from "@/clickhouse/vocabulary/dates";
import { DEFAULT_TIME_ZONE } from "@/clickhouse/vocabulary/time-zones";
import { broadcastTagLabel } from "@/clickhouse/vocabulary/broadcast-tag";
import { withInternalErrors } from "../internal-error";
import { segmentCsvStream } from "./export-csv";
import { readTreeLink } from "./url";
import { parseTree } from "./workspace";

/** `?includeOptedOut=true` puts contacts opted out of marketing in the file; they are left out by default. */
export const INCLUDE_OPTED_OUT = "includeOptedOut";
/** The answer says how many contacts of the audience the file leaves out for having opted out. */
export const OPTED_OUT_LEFT_OUT_HEADER = "x-chatlens-opted-out-left-out";

/** The segment id of an unsaved filter, whose tree comes in `?tree=` (the builder's link form). */
export const DRAFT_SEGMENT = "draft";

/**
 * The answer of GET /api/w/<workspace>/segments/<segment id | draft>/export,
 * once the route has checked who asks: the audience as CSV, or a 400/404 that
 * says what to change; a store failure is a 500 with a request id, before
 * any line of CSV.
 */
export const exportResponse = withInternalErrors("segment export", async (store: Store, workspaceId: string, segment: string, url: URL): Promise<Response> => {
  let raw: unknown;
  let name = "segment";
  if (segment === DRAFT_SEGMENT) {
    const link = readTreeLink(url.searchParams.get("tree") ?? "");
    if (!link.ok) return Response.json({ error: link.message }, { status: 400 });
    raw = link.tree;
  } else {
    const saved = await getSavedSegment(store, workspaceId, segment);
    if (!saved) return Response.json({ error: "This segment does not exist, or was deleted." }, { status: 404 });
    raw = JSON.parse(saved.filter);
    name = saved.name;
  }
  let parsed;
  try {
    parsed = await parseTree(store, workspaceId, raw);
  } catch (err) {
    if (err instanceof TRPCError) return Response.json({ error: err.message }, { status: 400 });
    throw err;
  }
  const wanted = (url.searchParams.get("attributes") ?? "").split(",").map((a) => a.trim()).filter(Boolean);
  const unknown = wanted.filter((a) => !parsed.attributeTypes.has(a));
  if (unknown.length) return Response.json({ error: `Unknown attributes: ${unknown.join(", ")}` }, { status: 400 });

  const include = url.searchParams.get(INCLUDE_OPTED_OUT) ?? "false";
  if (include !== "true" && include !== "false") {
    return Response.json({ error: `${INCLUDE_OPTED_OUT} is true or false (false, the default, leaves out contacts opted out of marketing)` }, { status: 400 });
  }
  const includeOptedOut = include === "true";

  const now = new Date();
  const workspace = await getWorkspace(store, workspaceId);
  // The workspace's days, as in the builder: "first seen between", "in the last 7 days" of a date.
  const clock = { now, timeZone: workspace?.time_zone ?? DEFAULT_TIME_ZONE };
  const [campaigns, tagDefs, count] = await Promise.all([
    campaignNames(store, workspaceId, "all"),
    listTagDefinitions(store, workspaceId),
    countSegment(store, workspaceId, parsed.tree, clock, parsed.attributeTypes),
  ]);
  const file = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "segment"}-${zoneDay(now, clock.timeZone)}.csv`;
  const labels = new Map(tagDefs.map((t) => [t.tag, displayName(t)]));
  const tagLabel = (tag: string) => labels.get(tag) ?? broadcastTagLabel(tag, (id) => campaigns.get(id)?.name) ?? tag;
  const body = await segmentCsvStream(store, workspaceId, parsed.tree, {
    attributes: [...new Set(wanted)],
    attributeTypes: parsed.attributeTypes,
    clock,
    tagLabel,
    includeOptedOut,
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file}"`,
      "cache-control": "no-store",
      // How many of the audience the file leaves out because they opted out of marketing.
      [OPTED_OUT_LEFT_OUT_HEADER]: String(includeOptedOut ? 0 : count.optedOut),
    },
  });
});
