"use client";

import type { RowData, SortingState } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { DataTable } from "./data-table";
import type { DataColumns } from "./features";
import { TablePagination } from "./table-pagination";
import { useClientTable } from "./use-client-table";
import styles from "./table.module.css";

/**
 * A list that is all in the browser, as one <DataTable>: sorted by a click on
 * a header, paged when longer than `pageSize`.
 */
export function ClientTable<TData extends RowData>({
  caption,
  columns,
  data,
  getRowId,
  initialSort,
  pageSize,
  noun = "rows",
  empty = null,
  onOpenRow,
  openHint,
  renderDetail,
}: {
  caption: string;
  columns: DataColumns<TData>;
  data: TData[];
  getRowId: (row: TData) => string;
  initialSort?: SortingState;
  pageSize?: number;
  /** Plural, for the pager's "of 120 tags". */
  noun?: string;
  empty?: ReactNode;
  onOpenRow?: (row: TData) => void;
  openHint?: string;
  renderDetail?: (row: TData) => ReactNode;
}) {
  const table = useClientTable({ columns, data, getRowId, initialSort, pageSize });
  const paged = pageSize !== undefined && data.length > pageSize;
  return (
    <div className={styles.stack}>
      <DataTable table={table} caption={caption} empty={empty} onOpenRow={onOpenRow} openHint={openHint} renderDetail={renderDetail} />
      {paged ? <TablePagination table={table} pageSizes={[pageSize, pageSize * 2, pageSize * 4]} noun={noun} /> : null}
    </div>
  );
}
