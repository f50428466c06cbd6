import type { Store } from "../client";
import { rangeParams, type DayRange } from "./day-range";

/**
 * How fast agents answer. control_waits (clickhouse/migrations/0008) holds
 * every take and resolve with the wait it ended:
 *   - time to intervene = a take − the first request since the chat's previous
 *     take or resolve (repeated "hello?" requests do not restart the clock);
 *   - time to resolve = a resolve − the take just before it; a resolve straight
 *     from the queue has none.
 * Each wait belongs to the day (and the week) its take or resolve happened, in
 * the workspace's time zone. The report reads wait_buckets (0024), which sums
 * them per 15 minutes, kind and agent and keeps the waits themselves (0047),
 * so the medians and p90s are those of the waits.
 */

/** Histogram buckets of a wait, as [label, upper bound in ms]; the last one has no bound. */
export const WAIT_BUCKETS = [
  ["< 1 min", 60_000],
  ["1–5 min", 5 * 60_000],
  ["5–15 min", 15 * 60_000],
  ["15–60 min", 60 * 60_000],
  ["1–4 h", 4 * 3_600_000],
  ["4–24 h", 24 * 3_600_000],
  ["1–3 days", 72 * 3_600_000],
  ["> 3 days", null],
] as const;

/** The bounds of WAIT_BUCKETS; wait_buckets' histograms are counted by them (a change needs a rebuild of its rows). */
export const WAIT_BOUNDS = WAIT_BUCKETS.flatMap(([, bound]) => (bound === null ? [] : [bound]));

export interface WaitStats {
  /** Closers in the range: takes (for "intervene") or resolves (for "resolve"). */
  events: number;
  /** Of those, the ones with a measurable wait. */
  measured: number;
  medianMs: number | null;
  p90Ms: number | null;
}

export interface SpeedReport {
  intervene: WaitStats & { histogram: number[]; weeks: Array<{ week: string } & WaitStats> };
  resolve: WaitStats & { histogram: number[]; weeks: Array<{ week: string } & WaitStats> };
  agents: Array<{
    agentId: string;
    agentName: string;
    intervened: number;
    resolved: number;
    /** Of the resolves, the ones after a take, so with a time to resolve. */
    resolvesTimed: number;
    medianResolveMs: number | null;
  }>;
}

type Row = {
  kind: "intervene" | "resolve";
  set: string;
  week: string;
  agent_id: string;
  agent_name: string;
  events: string;
  measured: string;
  q: [number | null, number | null] | number[];
  /** Measured waits per WAIT_BUCKETS slot. */
  histogram: Array<string | number>;
};

/** Speed of takes and resolves in the range: overall, per week (starting on the zone's Mondays), as a histogram, and per agent. */
export async function speedReport(store: Store, workspaceId: string, range: DayRange): Promise<SpeedReport> {
  // One pass over the range's buckets, grouped three ways; GROUPING() tells the sets apart.
  const rows = await store.query<Row>(
    `SELECT
       kind,
       multiIf(grouping(week) = 0, 'week', grouping(agent_id) = 0, 'agent', 'all') AS set,
       toMonday(bucket, {timeZone:String}) AS week,
       agent_id,
       anyIf(agent_name, agent_name != '') AS agent_name,
       sum(events) AS events,
       sum(measured) AS measured,
       quantilesExactInclusiveArray(0.5, 0.9)(waits) AS q,
       sumForEach(histogram) AS histogram
     FROM wait_buckets FINAL
     WHERE workspace_id = {workspaceId:String} AND bucket >= {start:DateTime64(3)} AND bucket < {end:DateTime64(3)}
     GROUP BY GROUPING SETS ((kind), (kind, week), (kind, agent_id))
     SETTINGS force_grouping_standard_compatibility = 1, do_not_merge_across_partitions_select_final = 1`,
    { workspaceId, ...rangeParams(range) },
    { report: "unresolved:speed" },
  );
  return shapeSpeed(rows);
}

/**
 * Time to intervene alone, for the headline's period before: it shows that
 * period's median only, so it merges none of the weeks, agents or resolves the
 * full report merges (90 days of a million contacts' waits: 19 ms against the
 * report's 44).
 */
export async function interveneSpeed(store: Store, workspaceId: string, range: DayRange): Promise<WaitStats> {
  const [row] = await store.query<Pick<Row, "events" | "measured" | "q">>(
    `SELECT sum(events) AS events, sum(measured) AS measured, quantilesExactInclusiveArray(0.5, 0.9)(waits) AS q
     FROM wait_buckets FINAL
     WHERE workspace_id = {workspaceId:String} AND bucket >= {start:DateTime64(3)} AND bucket < {end:DateTime64(3)}
       AND kind = 'intervene'
     SETTINGS do_not_merge_across_partitions_select_final = 1`,
    { workspaceId, ...rangeParams(range) },
    { report: "unresolved:speed-intervene" },
  );
  return stats(row);
}

function stats(r: Pick<Row, "events" | "measured" | "q"> | undefined): WaitStats {
  const measured = Number(r?.measured ?? 0);
  return {
    events: Number(r?.events ?? 0),
    measured,
    medianMs: measured > 0 ? Number(r!.q[0]) : null,
    p90Ms: measured > 0 ? Number(r!.q[1]) : null,
  };
}

function shapeSpeed(rows: Row[]): SpeedReport {
  const of = (kind: Row["kind"]) => {
    const mine = rows.filter((r) => r.kind === kind);
    const all = mine.find((r) => r.set === "all");
    const histogram = WAIT_BUCKETS.map((_, i) => Number(all?.histogram[i] ?? 0));
    const weeks = mine
      .filter((r) => r.set === "week")
      .map((r) => ({ week: r.week, ...stats(r) }))
      .sort((a, b) => a.week.localeCompare(b.week));
    return { ...stats(all), histogram, weeks };
  };
  const agents = new Map<string, SpeedReport["agents"][number]>();
  for (const r of rows) {
    if (r.set !== "agent") continue;
    const a = agents.get(r.agent_id) ?? {
      agentId: r.agent_id,
      agentName: r.agent_name,
      intervened: 0,
      resolved: 0,
      resolvesTimed: 0,
      medianResolveMs: null,
    };
    if (!a.agentName) a.agentName = r.agent_name;
    if (r.kind === "intervene") a.intervened = Number(r.events);
    else {
      const s = stats(r);
      Object.assign(a, { resolved: s.events, resolvesTimed: s.measured, medianResolveMs: s.medianMs });
    }
    agents.set(r.agent_id, a);
  }
  return {
    intervene: of("intervene"),
    resolve: of("resolve"),
    agents: [...agents.values()].sort((a, b) => b.intervened + b.resolved - (a.intervened + a.resolved) || a.agentId.localeCompare(b.agentId)),
  };
}

