"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnSort } from "@tanstack/react-table";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { formatNumber } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { DetailToggle } from "@/components/ui/table/actions-column";
import { DataTable } from "@/components/ui/table/data-table";
import { createDataColumnHelper, type DataColumns } from "@/components/ui/table/features";
import { TablePagination } from "@/components/ui/table/table-pagination";
import { useServerTable } from "@/components/ui/table/use-server-table";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import type { AppRouter } from "@/server/routers/_app";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { ExplainRow } from "./explain-row";
import styles from "./segments.module.css";

type PreviewRow = inferRouterOutputs<AppRouter>["segments"]["preview"]["rows"][number];
type SortKey = "phone" | "name" | "lastActive" | "firstSeen" | "sessionMessages" | "templateMessages" | "unresolvedQueries";

const PAGE_SIZE = 25;
const helper = createDataColumnHelper<PreviewRow>();

export function profileHref(workspaceId: string, phone: string): string {
  return `/w/${encodeURIComponent(workspaceId)}/contacts/${encodeURIComponent(phone)}`;
}

const STATUS_LABEL = { active: "Active", requesting: "Requesting", intervened: "Intervened", closed: "Closed", history: "History" } as const;

function columns(workspaceId: string, explaining: string | null, setExplaining: (contact: string | null) => void): DataColumns<PreviewRow> {
  return helper.columns([
    helper.accessor("contact", {
      id: "phone",
      header: "Phone",
      cell: (c) => (
        <Link href={profileHref(workspaceId, c.getValue())} prefetch={false} className={styles.phone}>
          {c.getValue()}
        </Link>
      ),
    }),
    helper.accessor("name", { header: "Name", cell: (c) => c.getValue() || <span className={styles.muted}>No name</span> }),
    helper.accessor("status", {
      header: "Status",
      enableSorting: false,
      cell: (c) => (
        <span className={styles.status} data-status={c.row.original.status}>
          {STATUS_LABEL[c.row.original.status]}
        </span>
      ),
    }),
    helper.accessor("lastActive", { header: "Last active", sortDescFirst: true, cell: (c) => (c.getValue() ? <RelativeTime value={c.getValue()!} /> : "Never") }),
    helper.accessor("source", { header: "Source", enableSorting: false }),
    helper.accessor("sessionMessages", { header: "Session msgs", meta: { align: "end" }, sortDescFirst: true, cell: (c) => formatNumber(c.getValue()) }),
    helper.accessor("templateMessages", { header: "Template msgs", meta: { align: "end" }, sortDescFirst: true, cell: (c) => formatNumber(c.getValue()) }),
    helper.accessor("unresolvedQueries", { header: "Unresolved", meta: { align: "end" }, sortDescFirst: true, cell: (c) => formatNumber(c.getValue()) }),
    helper.display({
      id: "explain",
      header: () => <span className="visually-hidden">Explain</span>,
      meta: { label: "Explain" },
      cell: ({ row }) => (
        <DetailToggle
          label={`Why is ${row.original.contact} here?`}
          open={explaining === row.original.contact}
          onToggle={() => setExplaining(explaining === row.original.contact ? null : row.original.contact)}
        >
          Why?
        </DetailToggle>
      ),
    }),
  ]);
}

/** A page of the audience, sortable on the server; a row opens the contact's profile, "Why?" explains it. */
export function PreviewTable({ workspaceId, tree, total }: { workspaceId: string; tree: FilterTree | null; total: number | undefined }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [sorting, setSorting] = useState<ColumnSort>({ id: "lastActive", desc: true });
  const [page, setPage] = useState(0);
  const [explaining, setExplaining] = useState<string | null>(null);
  const cols = useMemo(() => columns(workspaceId, explaining, setExplaining), [workspaceId, explaining]);
  // New rules, new audience: start again from its first page.
  useEffect(() => setPage(0), [tree]);
  const preview = useQuery(
    trpc.segments.preview.queryOptions(
      { workspaceId, tree: tree!, sort: sorting.id as SortKey, direction: sorting.desc ? "desc" : "asc", page, pageSize: PAGE_SIZE },
      { enabled: tree !== null, placeholderData: keepPreviousData },
    ),
  );
  const table = useServerTable({
    columns: cols,
    data: preview.data?.rows,
    rowCount: total,
    getRowId: (r) => r.contact,
    sorting,
    onSortingChange: (next) => {
      setSorting(next);
      setPage(0);
    },
    pagination: { pageIndex: page, pageSize: PAGE_SIZE },
    onPaginationChange: (next) => setPage(next.pageIndex),
    columnVisibility: {},
    onColumnVisibilityChange: () => {},
  });

  return (
    <section className={styles.panel} aria-labelledby="preview-title">
      <div className={styles.panelHeader}>
        <div>
          <h2 id="preview-title">Preview</h2>
          <p>Click a contact to open their chat profile; “Why?” shows which rules they meet.</p>
        </div>
      </div>
      {preview.isError ? (
        <p role="alert" className="alert">
          {describeError(preview.error)}
        </p>
      ) : null}
      <DataTable
        table={table}
        caption="Contacts in this segment"
        loading={tree !== null && preview.isPending}
        updating={preview.isPlaceholderData}
        onOpenRow={(row) => router.push(profileHref(workspaceId, row.contact))}
        openHint="Press Enter on a row to open the contact’s profile"
        empty={<p className={styles.emptyCell}>{tree ? "No contact matches these rules." : "Finish the rules to see who matches."}</p>}
        renderDetail={(row) => (explaining === row.contact && tree ? <ExplainRow workspaceId={workspaceId} tree={tree} contact={row.contact} /> : null)}
      />
      {total ? <TablePagination table={table} pageSizes={[PAGE_SIZE]} noun="contacts" /> : null}
    </section>
  );
}
