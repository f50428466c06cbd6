"use client";

import { formatNumber } from "@/components/ui/format";
import { formatPer100 } from "./format";
import { Panel, SmallEmpty } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { TabPanel, Tabs } from "@/components/ui/tabs";
import { ClientTable } from "@/components/ui/table/client-table";
import type { DataColumns } from "@/components/ui/table/features";
import { useSources, type ReportOutputs, type ReportRange } from "./use-report";
import { useSourceDimension } from "./search-params";
import styles from "./unresolved.module.css";

type EntryPoint = ReportOutputs["sources"][number];
type Row = EntryPoint & { rate: number };

const DIMENSIONS = [
  { key: "firstMessageTag", label: "First-message tag", none: "No first-message tag" },
  { key: "source", label: "Source", none: "Unknown source" },
  { key: "tag", label: "Tag", none: "" },
] as const;

/** Which entry points the bot serves badly: requests per group, and per 100 of its contacts. */
export function SourcesSection({ range, enabled }: { range: ReportRange; enabled: boolean }) {
  const [dimension, setDimension] = useSourceDimension();
  const query = useSources({ ...range, by: dimension }, enabled);
  const current = DIMENSIONS.find((d) => d.key === dimension) ?? DIMENSIONS[0];
  return (
    <Panel
      id="sources"
      title="Where they come from"
      description="Requests for a human in this range by the contact's first-message tag, source or current tags. The rate divides by every contact of the group, so small and large groups compare fairly."
      actions={
        <Tabs label="Group by" idPrefix="sources" items={DIMENSIONS} value={dimension} onChange={setDimension} />
      }
    >
      <TabPanel idPrefix="sources" value={dimension}>
        <QueryState query={query} what="breakdown">
          {(data) => {
            const rows: Row[] = data.map((e) => ({ ...e, rate: e.contacts ? (100 * e.requests) / e.contacts : 0 }));
            if (rows.length === 0) return <SmallEmpty>No contact has a {current.label.toLowerCase()} yet.</SmallEmpty>;
            const maxRate = Math.max(...rows.map((r) => r.rate), 0);
            const columns: DataColumns<Row> = [
              {
                id: "value",
                header: current.label,
                accessorFn: (r) => r.value,
                cell: ({ row }) => row.original.value || <span className={styles.muted}>{current.none}</span>,
              },
              { id: "requests", header: "Requests", accessorFn: (r) => r.requests, meta: { align: "end" }, sortDescFirst: true, cell: ({ row }) => formatNumber(row.original.requests) },
              {
                id: "rate",
                header: "Per 100 contacts",
                accessorFn: (r) => r.rate,
                meta: { align: "end" },
                sortDescFirst: true,
                cell: ({ row }) => (
                  <span className={styles.nowrap}>
                    <span className={styles.rateBar} aria-hidden="true">
                      <span style={{ width: `${maxRate ? (100 * row.original.rate) / maxRate : 0}%` }} />
                    </span>
                    {formatPer100(row.original.requests, row.original.contacts)}
                  </span>
                ),
              },
              { id: "asking", header: "Contacts who asked", accessorFn: (r) => r.askingContacts, meta: { align: "end" }, sortDescFirst: true, cell: ({ row }) => formatNumber(row.original.askingContacts) },
              { id: "contacts", header: "Contacts", accessorFn: (r) => r.contacts, meta: { align: "end" }, sortDescFirst: true, cell: ({ row }) => formatNumber(row.original.contacts) },
            ];
            return (
              // Keyed by the dimension so the sort starts afresh on each.
              <ClientTable key={dimension} caption={`Requests by ${current.label.toLowerCase()}`} columns={columns} data={rows} initialSort={[{ id: "requests", desc: true }]} getRowId={(r) => r.value} />
            );
          }}
        </QueryState>
      </TabPanel>
    </Panel>
  );
}
