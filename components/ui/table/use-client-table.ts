"use client";

import { useTable, type RowData, type SortingState } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { formatNumber } from "@/components/ui/format";
import { dataTableFeatures, type DataColumns } from "./features";

/**
 * A table whose rows are all in the browser (a Manage catalogue, a report's
 * top 20): a click on a header re-orders without a round trip, and a long list
 * pages when `pageSize` is given. Render it with <DataTable>.
 */
export function useClientTable<TData extends RowData>({
  columns,
  data,
  getRowId,
  initialSort = [],
  pageSize,
}: {
  /** Keep it stable (module scope or useMemo): a new array rebuilds every column. */
  columns: DataColumns<TData>;
  data: TData[];
  getRowId: (row: TData) => string;
  initialSort?: SortingState;
  /** Rows per page; without it every row shows. */
  pageSize?: number;
}) {
  return useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId,
    initialState: { sorting: initialSort, pagination: { pageIndex: 0, pageSize: pageSize ?? 50 } },
    manualPagination: pageSize === undefined,
    enableMultiSort: false,
    autoResetPageIndex: true,
    // Counts read as 2,041, not 2041, unless a column renders its own cell.
    defaultColumn: {
      cell: ({ getValue, column }) => {
        const value = getValue();
        return column.columnDef.meta?.align === "end" && typeof value === "number" ? formatNumber(value) : (value as ReactNode);
      },
    },
  });
}
