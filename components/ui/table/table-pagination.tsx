"use client";

import type { RowData } from "@tanstack/react-table";
import type { ServerTable } from "./use-server-table";
import { formatNumber } from "@/components/ui/format";
import { Select } from "@/components/ui/select";
import styles from "./table.module.css";


/** "Showing 26–50 of 1,204 contacts", a page-size choice, and first/previous/next/last. */
export function TablePagination<TData extends RowData>({
  table,
  pageSizes,
  noun,
}: {
  table: ServerTable<TData>;
  pageSizes: readonly number[];
  /** Plural, for "of 1,204 contacts". */
  noun: string;
}) {
  const { pageIndex, pageSize } = table.state.pagination;
  const total = table.getRowCount();
  const pageCount = Math.max(1, table.getPageCount());
  const first = total === 0 ? 0 : pageIndex * pageSize + 1;
  const last = Math.min(total, (pageIndex + 1) * pageSize);

  return (
    <nav className={styles.pagination} aria-label="Pages">
      <p className={styles.range} aria-live="polite">
        {total === 0 ? (
          `No ${noun}`
        ) : (
          <>
            Showing <strong>{formatNumber(first)}</strong>–<strong>{formatNumber(last)}</strong> of{" "}
            <strong>{formatNumber(total)}</strong> {noun}
          </>
        )}
      </p>
      <div className={styles.pager}>
        <Select label="Rows per page" inline value={pageSize} onChange={(e) => table.setPagination({ pageIndex: 0, pageSize: Number(e.target.value) })}>
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
        </Select>
        <span className={styles.pageOf}>
          Page {formatNumber(pageIndex + 1)} of {formatNumber(pageCount)}
        </span>
        <div className={styles.pageButtons}>
          <PageButton label="First page" onClick={() => table.firstPage()} disabled={!table.getCanPreviousPage()} path="M9.5 3.5 6 8l3.5 4.5M5 3.5v9" />
          <PageButton label="Previous page" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()} path="M9.5 3.5 6 8l3.5 4.5" />
          <PageButton label="Next page" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()} path="M6.5 3.5 10 8l-3.5 4.5" />
          <PageButton label="Last page" onClick={() => table.lastPage()} disabled={!table.getCanNextPage()} path="M6.5 3.5 10 8l-3.5 4.5M11 3.5v9" />
        </div>
      </div>
    </nav>
  );
}

function PageButton({ label, onClick, disabled, path }: { label: string; onClick: () => void; disabled: boolean; path: string }) {
  return (
    <button type="button" className="btn btn-small" aria-label={label} title={label} onClick={onClick} disabled={disabled}>
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
        <path d={path} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </button>
  );
}
