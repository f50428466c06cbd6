/**
 * A reusable server-backed data table on TanStack Table v9. A screen composes:
 *
 *   const columns = useMemo(() => helper.columns([...]), []);   // helper = createDataColumnHelper<Row>()
 *   const table = useServerTable({ columns, data, rowCount, getRowId, sorting, onSortingChange,
 *                                  pagination, onPaginationChange, columnVisibility, onColumnVisibilityChange });
 *   <ColumnPicker table={table} />
 *   <DataTable table={table} caption="…" loading={…} updating={…} empty={…} onOpenRow={…} />
 *   <TablePagination table={table} pageSizes={[25, 50, 100]} noun="…" />
 *
 * The state lives with the caller (components/contacts keeps it in the URL);
 * column ids double as the server's sort keys.
 */
import {
  columnVisibilityFeature,
  createColumnHelper,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type RowData,
  type Updater,
} from "@tanstack/react-table";

/** What a column tells the data table beyond its value: how to align and label it. */
export interface DataColumnMeta {
  /** Numbers align right, like the other tables of the app. */
  align?: "start" | "end";
  /** The column's name in the column picker and for screen readers, when the header is not plain text. */
  label?: string;
  /** A fixed width for the loading skeleton's bars, so the table does not jump when rows arrive. */
  skeletonWidth?: number;
}

/**
 * The features every server-backed table uses. Sorting and paging happen on
 * the server (the tables run with manualSorting and manualPagination), so no
 * client row models are registered: the table only holds the state and the
 * header and column APIs.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  columnMeta: metaHelper<DataColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

// `any` is the value type of a column list, as helper.columns() returns it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataColumns<TData extends RowData> = Array<ColumnDef<DataTableFeatures, TData, any>>;

export function createDataColumnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}

/** TanStack passes either a value or a function of the previous value. */
export function resolveUpdater<T>(updater: Updater<T>, previous: T): T {
  return typeof updater === "function" ? (updater as (old: T) => T)(previous) : updater;
}
