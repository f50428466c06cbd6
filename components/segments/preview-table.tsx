"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createColumnHelper, rowSortingFeature, tableFeatures, useTable, type ColumnSort } from "@tanstack/react-table";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Fragment, useEffect, useMemo, useState, type MouseEvent } from "react";
import { formatNumber } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import type { AppRouter } from "@/server/routers/_app";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { ExplainRow } from "./explain-row";
import styles from "./segments.module.css";

type PreviewRow = inferRouterOutputs<AppRouter>["segments"]["preview"]["rows"][number];
type SortKey = "phone" | "name" | "lastActive" | "firstSeen" | "sessionMessages" | "templateMessages" | "unresolvedQueries";

const PAGE_SIZE = 25;
const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, PreviewRow>();

export function profileHref(workspaceId: string, phone: string): string {
  return `/w/${encodeURIComponent(workspaceId)}/contacts/${encodeURIComponent(phone)}`;
}

const STATUS_LABEL = { active: "Active", requesting: "Requesting", intervened: "Intervened", closed: "Closed", history: "History" } as const;

function columns(workspaceId: string) {
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
        <span className={styles.status} data-status={c.getValue()}>
          {STATUS_LABEL[c.getValue()]}
        </span>
      ),
    }),
    helper.accessor("lastActive", { header: "Last active", sortDescFirst: true, cell: (c) => (c.getValue() ? <RelativeTime value={c.getValue()!} /> : "Never") }),
    helper.accessor("source", { header: "Source", enableSorting: false }),
    helper.accessor("sessionMessages", { header: "Session msgs", sortDescFirst: true, cell: (c) => formatNumber(c.getValue()) }),
    helper.accessor("templateMessages", { header: "Template msgs", sortDescFirst: true, cell: (c) => formatNumber(c.getValue()) }),
    helper.accessor("unresolvedQueries", { header: "Unresolved", sortDescFirst: true, cell: (c) => formatNumber(c.getValue()) }),
  ]);
}

const NUMERIC = new Set(["sessionMessages", "templateMessages", "unresolvedQueries"]);

/** A page of the audience, sortable on the server; a row opens the contact's profile, "Why?" explains it. */
export function PreviewTable({ workspaceId, tree, total }: { workspaceId: string; tree: FilterTree | null; total: number | undefined }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [sorting, setSorting] = useState<ColumnSort>({ id: "lastActive", desc: true });
  const [page, setPage] = useState(0);
  const [explaining, setExplaining] = useState<string | null>(null);
  const cols = useMemo(() => columns(workspaceId), [workspaceId]);
  // New rules, new audience: start again from its first page.
  useEffect(() => setPage(0), [tree]);
  const preview = useQuery(
    trpc.segments.preview.queryOptions(
      { workspaceId, tree: tree!, sort: sorting.id as SortKey, direction: sorting.desc ? "desc" : "asc", page, pageSize: PAGE_SIZE },
      { enabled: tree !== null, placeholderData: keepPreviousData },
    ),
  );
  const table = useTable({
    features,
    columns: cols,
    data: preview.data?.rows ?? [],
    getRowId: (r) => r.contact,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting: [sorting] },
    onSortingChange: (updater) => {
      const next = (typeof updater === "function" ? updater([sorting]) : updater)[0];
      if (next) {
        setSorting(next);
        setPage(0);
      }
    },
  });
  const pages = total === undefined ? undefined : Math.max(1, Math.ceil(total / PAGE_SIZE));
  const rows = table.getRowModel().rows;

  function open(event: MouseEvent<HTMLTableRowElement>, phone: string) {
    if ((event.target as HTMLElement).closest("a, button")) return;
    router.push(profileHref(workspaceId, phone));
  }

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
      <div className={styles.tableWrap} data-updating={preview.isPlaceholderData || undefined}>
        <table className={styles.table}>
          <caption className="visually-hidden">Contacts in this segment</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const column = header.column;
                  const sorted = column.getIsSorted();
                  const num = NUMERIC.has(column.id) ? styles.num : undefined;
                  return (
                    <th key={header.id} scope="col" className={num} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
                      {column.getCanSort() ? (
                        <button type="button" className={styles.sortButton} onClick={column.getToggleSortingHandler()} data-sorted={sorted || undefined}>
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">{sorted === "asc" ? " ↑" : sorted === "desc" ? " ↓" : ""}</span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
                <th scope="col">
                  <span className="visually-hidden">Explain</span>
                </th>
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={cols.length + 1} className={styles.emptyCell}>
                  {preview.isPending && tree ? "Loading…" : tree ? "No contact matches these rules." : "Finish the rules to see who matches."}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <Fragment key={row.id}>
                  <tr className={styles.openable} onClick={(e) => open(e, row.original.contact)}>
                    {row.getAllCells().map((cell) => (
                      <td key={cell.id} className={NUMERIC.has(cell.column.id) ? styles.num : undefined}>
                        <table.FlexRender cell={cell} />
                      </td>
                    ))}
                    <td>
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-expanded={explaining === row.original.contact}
                        aria-label={`Why is ${row.original.contact} here?`}
                        onClick={() => setExplaining(explaining === row.original.contact ? null : row.original.contact)}
                      >
                        Why?
                      </button>
                    </td>
                  </tr>
                  {explaining === row.original.contact && tree ? (
                    <tr className={styles.explainRow}>
                      <td colSpan={cols.length + 1}>
                        <ExplainRow workspaceId={workspaceId} tree={tree} contact={row.original.contact} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))
            )}
          </tbody>
        </table>
      </div>
      <div className={styles.pager}>
        <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => setPage(page - 1)}>
          Previous
        </button>
        <span>
          Page {page + 1}
          {pages ? ` of ${formatNumber(pages)}` : ""}
        </span>
        <button type="button" className="btn btn-small" disabled={pages !== undefined && page + 1 >= pages} onClick={() => setPage(page + 1)}>
          Next
        </button>
      </div>
    </section>
  );
}
