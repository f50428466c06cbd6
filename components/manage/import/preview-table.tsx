"use client";

import { useMemo } from "react";
import { formatNumber } from "@/components/ui/format";
import { EmptyState } from "@/components/ui/query-state";
import { ClientTable } from "@/components/ui/table/client-table";
import { createDataColumnHelper, type DataColumns } from "@/components/ui/table/features";
import type { CsvPreview } from "./csv-preview";
import manage from "../manage.module.css";
import styles from "./import.module.css";

const SHOWN = 5;

const columnCount = (n: number) => `${formatNumber(n)} ${n === 1 ? "column" : "columns"}`;

/** A row of the file: the line it starts on, and its values. */
interface PreviewRow {
  line: number;
  values: string[];
}

const helper = createDataColumnHelper<PreviewRow>();

/** The line number, then one column per column of the file; a preview is read as it is, so nothing sorts. */
function previewColumns(names: string[]): DataColumns<PreviewRow> {
  return helper.columns([
    helper.accessor("line", {
      // Line numbers, as the import report numbers rejected rows.
      header: () => <span className="visually-hidden">Row</span>,
      enableSorting: false,
      meta: { align: "end", fit: true, label: "Row" },
      cell: ({ getValue }) => <span className={manage.muted}>{formatNumber(getValue())}</span>,
    }),
    ...names.map((name, i) =>
      helper.accessor((r) => r.values[i] ?? "", {
        id: `column-${i}`,
        header: () => name || <span className={manage.muted}>(column {i + 1}, no name)</span>,
        enableSorting: false,
        meta: { label: name || `Column ${i + 1}`, truncate: true },
      }),
    ),
  ]);
}

/** Step 2: the first rows as ChatLens reads them, so a wrong separator or a missing header shows at once. */
export function PreviewTable({ fileName, preview }: { fileName: string; preview: CsvPreview }) {
  const rows = useMemo(() => preview.rows.slice(0, SHOWN).map((values, r) => ({ line: preview.lines[r], values })), [preview]);
  const width = Math.max(preview.header.length, ...rows.map((r) => r.values.length));
  const columns = useMemo(() => previewColumns(Array.from({ length: width }, (_, i) => preview.header[i] ?? "")), [preview, width]);
  return (
    <>
      <p className={styles.previewSummary}>
        {preview.totalRows !== null
          ? `${formatNumber(preview.totalRows)} ${preview.totalRows === 1 ? "row" : "rows"} under the header, ${columnCount(preview.header.length)}.`
          : `${columnCount(preview.header.length)}. A large file: the browser reads its first rows; ChatLens reads it all during the import.`}
      </p>
      <ClientTable
        caption={`The first ${rows.length} rows of ${fileName}`}
        columns={columns}
        data={rows}
        getRowId={(r) => String(r.line)}
        empty={<EmptyState title="No rows under the header">The file holds its header line only: add the contacts below it.</EmptyState>}
      />
    </>
  );
}
