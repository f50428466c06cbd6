/**
 * The app's one table, on TanStack Table v9. A server-backed screen composes:
 *
 *   const columns = useMemo(() => helper.columns([...]), []);   // helper = createDataColumnHelper<Row>()
 *   const table = useServerTable({ columns, data, rowCount, getRowId, sorting, onSortingChange,
 *                                  pagination, onPaginationChange, columnVisibility, onColumnVisibilityChange });
 *   <ColumnPicker table={table} />
 *   <DataTable table={table} caption="…" loading={…} updating={…} empty={…} onOpenRow={…} />
 *   <TablePagination table={table} pageSizes={[25, 50, 100]} noun="…" />
 *
 * The state lives with the caller (components/contacts keeps it in the URL);
 * column ids double as the server's sort keys. A list already in the browser
 * uses `useClientTable({ columns, data, getRowId, initialSort, pageSize })`
 * with the same <DataTable> and <TablePagination>.
 */
import {
  columnVisibilityFeature,
  createColumnHelper,
  createPaginatedRowModel,
  createSortedRowModel,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
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
  /** The cell names its row (a `<th scope="row">`): a tag's name, a member's email. */
  rowHeader?: boolean;
  /** Long text is cut to one line with an ellipsis; the full text shows on hover. */
  truncate?: boolean;
  /** As narrow as its content (a line number beside a long reason), leaving the room to the other columns. */
  fit?: boolean;
}

/**
 * The features every table of the app uses. A server-backed table sorts and
 * pages on the server (manualSorting, manualPagination) and never runs the row
 * models; a table whose rows are all in the browser (useClientTable) sorts and
 * pages with them.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
  paginatedRowModel: createPaginatedRowModel(),
  sortFns: { basic: sortFn_basic, alphanumeric: sortFn_alphanumeric, text: sortFn_text },
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
