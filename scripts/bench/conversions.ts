/**
 * Conversion queries for scripts/bench.ts: the biggest campaign's conversions
 * and revenue (the "≤ 100 ms p95" shape), its Converted stage, the
 * list sorted by revenue, and the three segment conditions.
 *
 * A store generated before conversions existed (an old `--reuse` store) has
 * none, so the figures would time an empty read: `seedConversions` then adds
 * conversion events for a share of the biggest campaign's readers through the
 * real ingestion code (validation, dedupe, the read-model rounds), so the
 * conversions are attributed as production attributes them.
 */
import type { Store } from "@/clickhouse/client";
import { campaignStageContacts } from "@/clickhouse/queries/campaign-contacts";
import { listCampaigns } from "@/clickhouse/queries/campaign-list";
import { campaignConversions } from "@/clickhouse/queries/conversions";
import { countSegment } from "@/clickhouse/queries/segments/audience";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { eventSchema, type ChatEvent } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { daysBack } from "./range";
import type { BenchQuery } from "./stats";

/** Share of the biggest campaign's readers given a conversion when the store has none. */
const SEED_SHARE = 0.05;
const BATCH = 10_000;

/** The campaign with the most recipients in the last year. */
export async function biggestCampaign(store: Store, workspaceId: string, now: Date): Promise<string> {
  const { rows } = await listCampaigns(store, workspaceId, daysBack(now, 366), { search: "", sort: "recipients", direction: "desc", limit: 1, offset: 0 });
  return rows[0]?.campaignId ?? "";
}

/** Adds conversions after the biggest campaign when the workspace has none; returns how many were stored. */
export async function seedConversions(store: Store, workspaceId: string, now: Date): Promise<number> {
  const [has] = await store.query<{ n: string }>(
    "SELECT count() AS n FROM conversion_events WHERE workspace_id = {workspaceId:String}",
    { workspaceId },
    { report: "bench:has-conversions" },
  );
  if (Number(has?.n ?? 0) > 0) return 0;
  const campaignId = await biggestCampaign(store, workspaceId, now);
  // Every 20th reader, by phone: a fixed sample, so two stores of one size get the same.
  const readers = await store.query<{ contact: string; read_eff: string }>(
    `SELECT contact, toString(read_eff) AS read_eff FROM recipients FINAL
     WHERE workspace_id = {workspaceId:String} AND campaign_id = {campaignId:String} AND read_eff IS NOT NULL
       AND cityHash64(contact) % {modulo:UInt32} = 0`,
    { workspaceId, campaignId, modulo: Math.round(1 / SEED_SHARE) },
    { report: "bench:readers" },
  );
  const events: ChatEvent[] = readers.map((r, i) => {
    const readAt = Date.parse(`${r.read_eff.replace(" ", "T")}Z`);
    // Within days of the read, some past the default window; never after now.
    const ts = Math.min(now.getTime() - 1000, readAt + ((i * 7919) % (10 * 24)) * 3_600_000);
    const usd = i % 10 === 0;
    return eventSchema.parse({
      event_id: `bench-conversion-${campaignId}-${r.contact}`,
      type: "conversion",
      contact: r.contact,
      ts: new Date(ts).toISOString(),
      name: i % 7 === 0 ? "signup" : "order_placed",
      ...(i % 7 === 0 ? {} : { value: usd ? 20 + (i % 80) : 500 + ((i * 37) % 4000), currency: usd ? "USD" : "INR", order_id: `bench-${i}` }),
    });
  });
  for (let i = 0; i < events.length; i += BATCH) await ingestEvents(store, workspaceId, events.slice(i, i + BATCH));
  return events.length;
}

export function conversionBenchQueries(store: Store, workspaceId: string, now: Date): BenchQuery[] {
  const group = "conversions";
  let biggest: Promise<string> | undefined;
  const withCampaign = <T>(run: (id: string) => Promise<T>) => async () => run(await (biggest ??= biggestCampaign(store, workspaceId, now)));
  const clock = { now, timeZone: "Asia/Kolkata" };
  const count = (tree: FilterTree) => countSegment(store, workspaceId, tree, clock);
  const one = (c: FilterTree["children"][number]): FilterTree => ({ kind: "group", join: "and", children: [c] });
  return [
    { group, name: "biggest: conversions and revenue", run: withCampaign((id) => campaignConversions(store, workspaceId, id, 7)) },
    { group, name: "biggest: conversions, 30 d window", run: withCampaign((id) => campaignConversions(store, workspaceId, id, 30)) },
    {
      group,
      name: "biggest: converted, page 1",
      run: withCampaign((id) => campaignStageContacts(store, workspaceId, id, { stage: "converted" }, { limit: 25, offset: 0 })),
    },
    {
      group,
      name: "list 90 d by revenue",
      run: () => listCampaigns(store, workspaceId, daysBack(now, 90), { search: "", sort: "revenue", direction: "desc", limit: 25, offset: 0, currency: "INR" }),
    },
    { group, name: "segment: converted after biggest", run: withCampaign((id) => count(one({ kind: "converted", campaigns: [id], name: "" }))) },
    { group, name: "segment: revenue 30 d ≥ 1000 INR", run: () => count(one({ kind: "revenue", days: 30, currency: "INR", min: 1000 })) },
    { group, name: "segment: never converted", run: () => count(one({ kind: "neverConverted" })) },
  ];
}
