"use client";

import type { RowData } from "@tanstack/react-table";
import { useEffect, useRef } from "react";
import { columnLabel } from "./data-table";
import type { ServerTable } from "./use-server-table";
import styles from "./table.module.css";

/** A "Columns" menu of checkboxes; columns that cannot be hidden are listed, checked and disabled. */
export function ColumnPicker<TData extends RowData>({ table, onReset }: { table: ServerTable<TData>; onReset?: () => void }) {
  const details = useRef<HTMLDetailsElement>(null);
  const columns = table.getAllLeafColumns();
  const hidden = columns.filter((c) => !c.getIsVisible()).length;

  // Close on a click elsewhere or Escape, like any menu.
  useEffect(() => {
    function close(event: Event) {
      const el = details.current;
      if (!el?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        el.open = false;
        el.querySelector("summary")?.focus();
      } else if (!el.contains(event.target as Node)) {
        el.open = false;
      }
    }
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, []);

  return (
    <details ref={details} className={styles.menu}>
      <summary className="btn btn-small">
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M2.5 3h11v10h-11zM6.2 3v10M9.8 3v10" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
        </svg>
        Columns{hidden ? <span className={styles.menuCount}>{columns.length - hidden}/{columns.length}</span> : null}
      </summary>
      <fieldset className={styles.menuPanel}>
        <legend className="visually-hidden">Columns to show</legend>
        {columns.map((column) => (
          <label key={column.id} className={styles.menuItem}>
            <input
              type="checkbox"
              checked={column.getIsVisible()}
              disabled={!column.getCanHide()}
              onChange={(e) => column.toggleVisibility(e.target.checked)}
            />
            {columnLabel(column)}
          </label>
        ))}
        {onReset ? (
          <button type="button" className={styles.menuReset} onClick={onReset}>
            Reset to default columns
          </button>
        ) : null}
      </fieldset>
    </details>
  );
}
