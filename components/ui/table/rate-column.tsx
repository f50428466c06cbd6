import type { RowData } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { formatRate } from "@/components/ui/format";
import { createDataColumnHelper } from "./features";

/**
 * A rate's column in a table whose rows are in the browser: right-aligned,
 * best first on the first click, and a row with nothing to divide by (null)
 * last whichever way it sorts.
 */
export function rateColumn<TData extends RowData>({
  id,
  header,
  label,
  rate,
  cell,
}: {
  id: string;
  header: string;
  /** What it divides, for the column picker and screen readers: "Read rate (read ÷ delivered)". */
  label: string;
  rate: (row: TData) => number | null;
  /** Instead of the plain "42.5%". */
  cell?: (row: TData) => ReactNode;
}) {
  return createDataColumnHelper<TData>().accessor((row) => rate(row) ?? undefined, {
    id,
    header,
    sortDescFirst: true,
    sortUndefined: "last",
    meta: { align: "end", skeletonWidth: 56, label },
    cell: ({ row }) => (cell ? cell(row.original) : formatRate(rate(row.original))),
  });
}
