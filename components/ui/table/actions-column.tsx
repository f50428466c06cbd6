import type { RowData } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { createDataColumnHelper, type DataColumns } from "./features";

/** The last column of a table whose rows a person may act on; its header is named only for screen readers. */
export function actionsColumn<TData extends RowData>(cell: (row: TData) => ReactNode): DataColumns<TData>[number] {
  return createDataColumnHelper<TData>().display({
    id: "actions",
    header: () => <span className="visually-hidden">Actions</span>,
    meta: { label: "Actions" },
    cell: ({ row }) => cell(row.original),
  });
}

/** A row's button that opens or closes its detail row (an edit form, a confirmation). */
export function DetailToggle({ label, open, onToggle, children }: { label: string; open: boolean; onToggle: () => void; children: ReactNode }) {
  return (
    <button type="button" className="btn btn-small" aria-label={label} aria-expanded={open} onClick={onToggle}>
      {children}
    </button>
  );
}
