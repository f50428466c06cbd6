"use client";

import type { Column, Row, RowData } from "@tanstack/react-table";
import { Fragment, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import type { DataTableFeatures } from "./features";
import type { ServerTable } from "./use-server-table";
import styles from "./table.module.css";

/** How many grey rows stand in for a page that is loading; more would only push the pager off screen. */
const SKELETON_ROWS = 8;

export interface DataTableProps<TData extends RowData> {
  table: ServerTable<TData>;
  /** Names the table for screen readers (shown to them only). */
  caption: string;
  /** The first page has not arrived yet: grey rows instead of data. */
  loading?: boolean;
  /** A newer page is on its way; the current rows stay, dimmed. */
  updating?: boolean;
  /** Shown in place of the rows when there are none. */
  empty: ReactNode;
  /** Opens a row: on click, and on Enter when the row has focus. */
  onOpenRow?: (row: TData) => void;
  /** What opening a row does, for the caption: "Press Enter on a row to open the contact’s profile." */
  openHint?: string;
  /** A full-width row under a row (an edit form, details), or null for none. */
  renderDetail?: (row: TData) => ReactNode;
}

/** A cell's classes from its column: numbers right-aligned, a fitted column narrow. */
function cellClass<TData extends RowData>(column: Column<DataTableFeatures, TData, unknown>): string | undefined {
  const meta = column.columnDef.meta;
  return [meta?.align === "end" ? styles.num : "", meta?.fit ? styles.fit : ""].filter(Boolean).join(" ") || undefined;
}

export function columnLabel<TData extends RowData>(column: Column<DataTableFeatures, TData, unknown>): string {
  const meta = column.columnDef.meta;
  if (meta?.label) return meta.label;
  return typeof column.columnDef.header === "string" ? column.columnDef.header : column.id;
}

/**
 * The app's table: sortable headers (a button each, with aria-sort), rows that
 * open on click or Enter, numbers right-aligned in tabular figures, long text
 * cut with the full text on hover, the first column pinned when the table
 * scrolls sideways, a loading skeleton and an empty state. Paging and column
 * choice are separate pieces (TablePagination, ColumnPicker) so a screen can
 * place them where it likes.
 */
export function DataTable<TData extends RowData>({ table, caption, loading = false, updating, empty, onOpenRow, openHint, renderDetail }: DataTableProps<TData>) {
  const rows = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;

  return (
    <div className={styles.wrap} aria-busy={loading || updating || undefined} data-updating={updating || undefined}>
      <table className={styles.table}>
        <caption className="visually-hidden">
          {caption}
          {openHint && onOpenRow ? `. ${openHint}` : ""}
        </caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const column = header.column;
                const align = cellClass(column);
                if (header.isPlaceholder) return <th key={header.id} colSpan={header.colSpan} />;
                if (!column.getCanSort()) {
                  return (
                    <th key={header.id} colSpan={header.colSpan} scope="col" className={align}>
                      <table.FlexRender header={header} />
                    </th>
                  );
                }
                const sorted = column.getIsSorted();
                const next = column.getNextSortingOrder();
                return (
                  <th
                    key={header.id}
                    colSpan={header.colSpan}
                    scope="col"
                    className={align}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    <button
                      type="button"
                      className={styles.sortButton}
                      data-sorted={sorted || undefined}
                      onClick={column.getToggleSortingHandler()}
                      title={`Sort by ${columnLabel(column)}, ${next === "desc" ? "descending" : "ascending"}`}
                    >
                      <table.FlexRender header={header} />
                      <SortIcon direction={sorted} />
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {loading ? (
            <SkeletonRows table={table} />
          ) : rows.length === 0 ? (
            <tr className={styles.emptyRow}>
              <td colSpan={columnCount}>{empty}</td>
            </tr>
          ) : (
            rows.map((row) => {
              const detail = renderDetail?.(row.original);
              return (
                <Fragment key={row.id}>
                  <DataRow table={table} row={row} onOpen={onOpenRow} />
                  {detail ? (
                    <tr className={styles.detailRow}>
                      <td colSpan={columnCount}>{detail}</td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })
          )}
        </tbody>
      </table>
      {loading ? (
        <p role="status" className="visually-hidden">
          Loading {caption.toLowerCase()}…
        </p>
      ) : null}
    </div>
  );
}

function DataRow<TData extends RowData>({
  table,
  row,
  onOpen,
}: {
  table: ServerTable<TData>;
  row: Row<DataTableFeatures, TData>;
  onOpen?: (row: TData) => void;
}) {
  function onClick(event: MouseEvent<HTMLTableRowElement>) {
    // Links and buttons inside the row do their own thing (a link may be opened in a new tab).
    if ((event.target as HTMLElement).closest("a, button, input, select, label")) return;
    // Selecting text in a row is not a click on it.
    if (window.getSelection()?.toString()) return;
    onOpen?.(row.original);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>) {
    if (event.target !== event.currentTarget) return;
    if (event.key === "Enter") {
      event.preventDefault();
      onOpen?.(row.original);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const sibling = event.key === "ArrowDown" ? event.currentTarget.nextElementSibling : event.currentTarget.previousElementSibling;
      if (sibling instanceof HTMLElement) {
        event.preventDefault();
        sibling.focus();
      }
    }
  }

  return (
    <tr
      data-row-id={row.id}
      className={onOpen ? styles.openable : undefined}
      tabIndex={onOpen ? 0 : undefined}
      onClick={onOpen ? onClick : undefined}
      onKeyDown={onOpen ? onKeyDown : undefined}
    >
      {row.getVisibleCells().map((cell) => {
        const meta = cell.column.columnDef.meta;
        const Cell = meta?.rowHeader ? "th" : "td";
        const value = cell.getValue();
        return (
          <Cell key={cell.id} scope={meta?.rowHeader ? "row" : undefined} className={cellClass(cell.column)}>
            {meta?.truncate ? (
              <span className={styles.truncate} title={typeof value === "string" ? value : undefined}>
                <table.FlexRender cell={cell} />
              </span>
            ) : (
              <table.FlexRender cell={cell} />
            )}
          </Cell>
        );
      })}
    </tr>
  );
}

function SkeletonRows<TData extends RowData>({ table }: { table: ServerTable<TData> }) {
  const columns = table.getVisibleLeafColumns();
  const count = Math.min(SKELETON_ROWS, table.state.pagination.pageSize);
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <tr key={i} aria-hidden="true">
          {columns.map((column) => (
            <td key={column.id} className={cellClass(column)}>
              <span className={styles.skeleton} style={{ width: column.columnDef.meta?.skeletonWidth ?? 72 }} />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

function SortIcon({ direction }: { direction: false | "asc" | "desc" }) {
  return (
    <svg className={styles.sortIcon} width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
      <path d="M6 2.5 8.5 5h-5L6 2.5Z" fill="currentColor" opacity={direction === "asc" ? 1 : 0.3} />
      <path d="M6 9.5 3.5 7h5L6 9.5Z" fill="currentColor" opacity={direction === "desc" ? 1 : 0.3} />
    </svg>
  );
}
