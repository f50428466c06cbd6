"use client";

import { useTable, type ColumnSort, type ColumnVisibilityState, type PaginationState, type RowData } from "@tanstack/react-table";
import { dataTableFeatures, resolveUpdater, type DataColumns } from "./features";

const NO_ROWS: never[] = [];

export interface ServerTableOptions<TData extends RowData> {
  /** Keep it stable (module scope or useMemo): a new array rebuilds every column. */
  columns: DataColumns<TData>;
  /** One page of rows, already sorted and paged by the server; undefined while the first page loads. */
  data: TData[] | undefined;
  /** All rows over every page, for the page count. */
  rowCount: number | undefined;
  getRowId: (row: TData) => string;
  /** The server sorts by one column at a time, and always by one. */
  sorting: ColumnSort;
  onSortingChange: (next: ColumnSort) => void;
  pagination: PaginationState;
  onPaginationChange: (next: PaginationState) => void;
  columnVisibility: ColumnVisibilityState;
  onColumnVisibilityChange: (next: ColumnVisibilityState) => void;
}

/**
 * A TanStack table whose state is owned by the caller (usually the URL) and
 * whose rows come from the server. It holds no state of its own, so what the
 * user sees and what the address bar says cannot drift apart.
 */
export function useServerTable<TData extends RowData>(options: ServerTableOptions<TData>) {
  const { sorting, pagination, columnVisibility } = options;
  return useTable({
    features: dataTableFeatures,
    columns: options.columns,
    data: options.data ?? (NO_ROWS as TData[]),
    getRowId: options.getRowId,
    rowCount: options.rowCount ?? 0,
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    // A server-sorted list always has an order; clicking a sorted header flips it.
    enableSortingRemoval: false,
    autoResetPageIndex: false,
    state: { sorting: [sorting], pagination, columnVisibility },
    onSortingChange: (updater) => {
      const next = resolveUpdater(updater, [sorting])[0];
      if (next) options.onSortingChange(next);
    },
    onPaginationChange: (updater) => options.onPaginationChange(resolveUpdater(updater, pagination)),
    onColumnVisibilityChange: (updater) => options.onColumnVisibilityChange(resolveUpdater(updater, columnVisibility)),
  });
}

export type ServerTable<TData extends RowData> = ReturnType<typeof useServerTable<TData>>;
