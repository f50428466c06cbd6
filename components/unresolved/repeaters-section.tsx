"use client";

import { formatNumber } from "@/components/ui/format";
import { ContactCell } from "./contact-cell";
import { DateTime } from "@/components/workspace-zone";
import { Panel, SmallEmpty } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { ClientTable } from "@/components/ui/table/client-table";
import type { DataColumns } from "@/components/ui/table/features";
import { useRepeaters, type ReportOutputs, type ReportRange } from "./use-report";
import styles from "./unresolved.module.css";

type Repeater = ReportOutputs["repeaters"][number];

/** The contacts who asked for a human most often in the range. */
export function RepeatersSection({ range, enabled }: { range: ReportRange; enabled: boolean }) {
  const query = useRepeaters(range, enabled);
  const columns: DataColumns<Repeater> = [
    {
      id: "contact",
      header: "Contact",
      accessorFn: (r) => r.name || r.contact,
      cell: ({ row }) => (
        <ContactCell workspaceId={range.workspaceId} contact={row.original.contact} name={row.original.name} at={row.original.lastRequestAt} />
      ),
    },
    { id: "requests", header: "In this range", accessorFn: (r) => r.requests, meta: { align: "end" }, sortDescFirst: true, cell: ({ row }) => formatNumber(row.original.requests) },
    { id: "allTime", header: "All time", accessorFn: (r) => r.allTime, meta: { align: "end" }, sortDescFirst: true, cell: ({ row }) => formatNumber(row.original.allTime) },
    {
      id: "last",
      header: "Last asked",
      accessorFn: (r) => r.lastRequestAt,
      sortDescFirst: true,
      cell: ({ row }) => <DateTime value={row.original.lastRequestAt} className={styles.nowrap} />,
    },
  ];
  return (
    <Panel id="repeaters" title="Repeaters" description="Contacts who asked for a human most often in this range; “All time” is their profile’s unresolved-query count.">
      <QueryState query={query} what="repeaters">
        {(rows) =>
          rows.length === 0 ? (
            <SmallEmpty>Nobody asked for a human in this range.</SmallEmpty>
          ) : (
            <ClientTable caption="Contacts with the most requests" pageSize={25} noun="contacts" columns={columns} data={rows} initialSort={[{ id: "requests", desc: true }]} getRowId={(r) => r.contact} />
          )
        }
      </QueryState>
    </Panel>
  );
}
