"use client";

import { formatDuration, formatNumber } from "@/components/ui/format";
import { ContactCell } from "./contact-cell";
import { DateTime } from "@/components/workspace-zone";
import { Panel, SmallEmpty } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { ClientTable } from "@/components/ui/table/client-table";
import type { DataColumns } from "@/components/ui/table/features";
import { useBacklog, type ReportOutputs } from "./use-report";
import styles from "./unresolved.module.css";

type BacklogData = ReportOutputs["backlog"];
type Waiting = BacklogData["waiting"][number] & { waitedMs: number };
type Open = BacklogData["intervened"][number] & { openMs: number };

/** Chats waiting on a human right now: nobody has taken them, or an agent has them open. Not tied to the range. */
export function BacklogSection({ workspaceId }: { workspaceId: string }) {
  const query = useBacklog(workspaceId);
  return (
    <div className={styles.twoColumns}>
      <Panel
        id="backlog-waiting"
        title={
          <>
            Waiting for an agent
            {query.data ? (
              <span className={styles.count} data-tone={query.data.waitingCount ? "attention" : undefined}>
                {formatNumber(query.data.waitingCount)}
              </span>
            ) : null}
          </>
        }
        description="Right now: asked for a human and no agent has taken the chat — oldest first, quiet chats included."
      >
        <QueryState query={query} what="backlog">
          {(data) => <WaitingTable workspaceId={workspaceId} data={data} />}
        </QueryState>
      </Panel>
      <Panel
        id="backlog-intervened"
        title={
          <>
            With an agent, not resolved
            {query.data ? <span className={styles.count}>{formatNumber(query.data.intervenedCount)}</span> : null}
          </>
        }
        description="Right now: an agent took the chat and has not pressed Resolve yet."
      >
        <QueryState query={query} what="backlog">
          {(data) => <OpenTable workspaceId={workspaceId} data={data} />}
        </QueryState>
      </Panel>
    </div>
  );
}

function WaitingTable({ workspaceId, data }: { workspaceId: string; data: BacklogData }) {
  if (data.waiting.length === 0) return <SmallEmpty>Nobody is waiting for an agent. 🎉</SmallEmpty>;
  const now = Date.parse(data.now);
  const rows: Waiting[] = data.waiting.map((w) => ({ ...w, waitedMs: now - Date.parse(w.waitingSince) }));
  const columns: DataColumns<Waiting> = [
    {
      id: "contact",
      header: "Contact",
      accessorFn: (r) => r.name || r.contact,
      cell: ({ row }) => <ContactCell workspaceId={workspaceId} contact={row.original.contact} name={row.original.name} at={row.original.waitingSince} />,
    },
    {
      id: "waited",
      header: "Waiting for",
      accessorFn: (r) => r.waitedMs,
      sortDescFirst: true,
      meta: { align: "end" },
      cell: ({ row }) => <span className={styles.wait}>{formatDuration(row.original.waitedMs)}</span>,
    },
    {
      id: "since",
      header: "Since",
      accessorFn: (r) => r.waitingSince,
      cell: ({ row }) => <DateTime value={row.original.waitingSince} className={styles.nowrap} />,
    },
    { id: "requests", header: "Asked", accessorFn: (r) => r.requests, meta: { align: "end" }, sortDescFirst: true },
  ];
  return (
    <>
      <ClientTable caption="Chats waiting for an agent" pageSize={25} noun="chats" columns={columns} data={rows} initialSort={[{ id: "waited", desc: true }]} getRowId={(r) => r.contact} />
      {data.waitingCount > rows.length ? (
        <p className={styles.note}>The {formatNumber(rows.length)} longest waits of {formatNumber(data.waitingCount)}.</p>
      ) : null}
    </>
  );
}

function OpenTable({ workspaceId, data }: { workspaceId: string; data: BacklogData }) {
  if (data.intervened.length === 0) return <SmallEmpty>No chat is open with an agent.</SmallEmpty>;
  const now = Date.parse(data.now);
  const rows: Open[] = data.intervened.map((o) => ({ ...o, openMs: now - Date.parse(o.since) }));
  const columns: DataColumns<Open> = [
    {
      id: "contact",
      header: "Contact",
      accessorFn: (r) => r.name || r.contact,
      cell: ({ row }) => <ContactCell workspaceId={workspaceId} contact={row.original.contact} name={row.original.name} at={row.original.since} />,
    },
    { id: "agent", header: "Agent", accessorFn: (r) => r.agentName || r.agentId },
    {
      id: "open",
      header: "Open for",
      accessorFn: (r) => r.openMs,
      sortDescFirst: true,
      meta: { align: "end" },
      cell: ({ row }) => <span className={styles.nowrap}>{formatDuration(row.original.openMs)}</span>,
    },
    {
      id: "since",
      header: "Taken",
      accessorFn: (r) => r.since,
      cell: ({ row }) => <DateTime value={row.original.since} className={styles.nowrap} />,
    },
  ];
  return (
    <>
      <ClientTable caption="Chats open with an agent" pageSize={25} noun="chats" columns={columns} data={rows} initialSort={[{ id: "open", desc: true }]} getRowId={(r) => r.contact} />
      {data.intervenedCount > rows.length ? (
        <p className={styles.note}>The {formatNumber(rows.length)} longest open of {formatNumber(data.intervenedCount)}.</p>
      ) : null}
    </>
  );
}
