"use client";

import { formatDuration, formatNumber } from "@/components/ui/format";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { Panel, SmallEmpty } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { ClientTable } from "@/components/ui/table/client-table";
import type { DataColumns } from "@/components/ui/table/features";
import { WaitHistogram, WeeklyTrend } from "./speed-charts";
import { useBacklog, useSpeed, type ReportOutputs, type ReportRange } from "./use-report";
import styles from "./unresolved.module.css";

type Speed = ReportOutputs["speed"];

const MEASURES = {
  intervene: {
    title: "Time to intervene",
    description: "From the first request for a human to an agent taking the chat. A user asking again while waiting does not restart the clock.",
    counted: "Chats taken",
  },
  resolve: {
    title: "Time to resolve",
    description: "From an agent taking the chat to pressing Resolve. Chats resolved straight from the queue have no such time.",
    counted: "Resolved after a take",
  },
} as const;

/** How fast agents take and resolve chats: the waits that ended in the range. */
export function SpeedSection({ range, enabled }: { range: ReportRange; enabled: boolean }) {
  const query = useSpeed(range, enabled);
  const zone = useWorkspaceZone();
  return (
    <>
      <div className={styles.twoColumns}>
        {(["intervene", "resolve"] as const).map((kind) => (
          <Panel key={kind} id={`speed-${kind}`} title={MEASURES[kind].title} description={MEASURES[kind].description}>
            <QueryState query={query} what="speed figures" skeletonHeight={240}>
              {(data) => <Measure data={data} kind={kind} />}
            </QueryState>
          </Panel>
        ))}
      </div>
      <Panel id="speed-trend" title="Median waits by week" description={`Weeks start on Monday (in ${zone}); each wait counts in the week it ended.`}>
        <QueryState query={query} what="weekly trend">
          {(data) => {
            const weeks = mergeWeeks(data);
            return weeks.length === 0 ? (
              <SmallEmpty>No chat was taken or resolved in this range.</SmallEmpty>
            ) : (
              <WeeklyTrend weeks={weeks} />
            );
          }}
        </QueryState>
      </Panel>
    </>
  );
}

function Measure({ data, kind }: { data: Speed; kind: "intervene" | "resolve" }) {
  const m = data[kind];
  return (
    <>
      <dl className={styles.speedStats}>
        <div>
          <dt>Median</dt>
          <dd data-testid={`${kind}-median`}>{formatDuration(m.medianMs)}</dd>
        </div>
        <div>
          <dt>90th percentile</dt>
          <dd>{formatDuration(m.p90Ms)}</dd>
        </div>
        <div>
          <dt>{MEASURES[kind].counted}</dt>
          <dd>{formatNumber(m.measured)}</dd>
        </div>
      </dl>
      {m.measured === 0 ? (
        <SmallEmpty>No {kind === "intervene" ? "chat was taken" : "chat was resolved"} in this range.</SmallEmpty>
      ) : (
        <>
          <p className={styles.chartTitle}>Distribution</p>
          <WaitHistogram buckets={data.buckets} counts={m.histogram} kind={kind} />
        </>
      )}
    </>
  );
}

function mergeWeeks(data: Speed) {
  const byWeek = new Map<string, { week: string; intervene: number | null; resolve: number | null }>();
  for (const kind of ["intervene", "resolve"] as const) {
    for (const w of data[kind].weeks) {
      const point = byWeek.get(w.week) ?? { week: w.week, intervene: null, resolve: null };
      point[kind] = w.medianMs;
      byWeek.set(w.week, point);
    }
  }
  return [...byWeek.values()].sort((a, b) => a.week.localeCompare(b.week));
}

type AgentRow = Speed["agents"][number] & { open: number };

/** Per agent: takes and resolves in the range, their median time to resolve, and the chats they hold open now. */
export function AgentsSection({ range, enabled }: { range: ReportRange; enabled: boolean }) {
  const speed = useSpeed(range, enabled);
  const backlog = useBacklog(range.workspaceId);
  const columns: DataColumns<AgentRow> = [
    { id: "agent", header: "Agent", accessorFn: (r) => r.agentName || r.agentId },
    { id: "intervened", header: "Chats taken", accessorFn: (r) => r.intervened, meta: { align: "end" }, sortDescFirst: true },
    { id: "resolved", header: "Chats resolved", accessorFn: (r) => r.resolved, meta: { align: "end" }, sortDescFirst: true },
    {
      id: "median",
      header: "Median time to resolve",
      accessorFn: (r) => r.medianResolveMs ?? Number.POSITIVE_INFINITY,
      meta: { align: "end" },
      cell: ({ row }) => formatDuration(row.original.medianResolveMs),
    },
    { id: "open", header: "Open now", accessorFn: (r) => r.open, meta: { align: "end" }, sortDescFirst: true },
  ];
  return (
    <Panel
      id="agents"
      title="Agents"
      description="Chats each agent took and resolved in this range, how long they took to resolve, and what they hold open right now."
    >
      <QueryState query={speed} what="agent figures">
        {(data) => {
          const rows = agentRows(data.agents, backlog.data?.openByAgent ?? []);
          return rows.length === 0 ? (
            <SmallEmpty>No agent took or resolved a chat in this range.</SmallEmpty>
          ) : (
            <ClientTable caption="Agents" columns={columns} data={rows} initialSort={[{ id: "intervened", desc: true }]} getRowId={(r) => r.agentId} />
          );
        }}
      </QueryState>
    </Panel>
  );
}

function agentRows(agents: Speed["agents"], open: Array<{ agentId: string; agentName: string; open: number }>): AgentRow[] {
  const rows = new Map<string, AgentRow>(agents.map((a) => [a.agentId, { ...a, open: 0 }]));
  for (const o of open) {
    const row = rows.get(o.agentId);
    if (row) row.open = o.open;
    // An agent with chats open since before the range still belongs in the table.
    else rows.set(o.agentId, { agentId: o.agentId, agentName: o.agentName, intervened: 0, resolved: 0, resolvesTimed: 0, medianResolveMs: null, open: o.open });
  }
  return [...rows.values()];
}
