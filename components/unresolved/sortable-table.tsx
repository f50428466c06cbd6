"use client";

import {
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { formatNumber } from "@/components/ui/format";
import styles from "./unresolved.module.css";

export const sortableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic, alphanumeric: sortFn_alphanumeric },
  columnMeta: {} as { numeric?: boolean },
});

export type SortableColumn<T extends RowData> = ColumnDef<typeof sortableFeatures, T, any>;

/** A small table sorted in the browser: every row is already here, so a click re-orders without a round trip. */
export function SortableTable<T extends RowData>({
  label,
  columns,
  data,
  initialSort,
  rowKey,
}: {
  label: string;
  columns: Array<SortableColumn<T>>;
  data: T[];
  initialSort: SortingState;
  rowKey: (row: T) => string;
}) {
  const table = useTable<typeof sortableFeatures, T>({
    features: sortableFeatures,
    columns,
    data,
    initialState: { sorting: initialSort },
    // Counts read as 2,041, not 2041, unless a column renders its own cell.
    defaultColumn: {
      cell: ({ getValue, column }) => {
        const value = getValue();
        return column.columnDef.meta?.numeric && typeof value === "number" ? formatNumber(value) : (value as React.ReactNode);
      },
    },
    getRowId: (row) => rowKey(row),
  });
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} aria-label={label}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const numeric = header.column.columnDef.meta?.numeric;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    data-numeric={numeric || undefined}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button type="button" className={styles.sortButton} onClick={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} />
                        <span className={styles.sortMark} aria-hidden="true">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id} data-numeric={cell.column.columnDef.meta?.numeric || undefined}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
