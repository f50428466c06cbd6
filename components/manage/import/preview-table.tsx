import { formatNumber } from "@/components/ui/format";
import type { CsvPreview } from "./csv-preview";
import manage from "../manage.module.css";
import styles from "./import.module.css";

const SHOWN = 5;

const columnCount = (n: number) => `${formatNumber(n)} ${n === 1 ? "column" : "columns"}`;

/** Step 2: the first rows as ChatLens reads them, so a wrong separator or a missing header shows at once. */
export function PreviewTable({ fileName, preview }: { fileName: string; preview: CsvPreview }) {
  const rows = preview.rows.slice(0, SHOWN);
  const width = Math.max(preview.header.length, ...rows.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, i) => preview.header[i] ?? "");
  return (
    <>
      <p className={styles.previewSummary}>
        {preview.totalRows !== null
          ? `${formatNumber(preview.totalRows)} ${preview.totalRows === 1 ? "row" : "rows"} under the header, ${columnCount(preview.header.length)}.`
          : `${columnCount(preview.header.length)}. A large file: the browser reads its first rows; ChatLens reads it all during the import.`}
      </p>
      <div className={`${manage.tableWrap} ${styles.preview}`}>
        <table className={manage.table}>
          <caption className="visually-hidden">
            The first {rows.length} rows of {fileName}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={styles.rowNumber}>
                <span className="visually-hidden">Row</span>
              </th>
              {columns.map((name, i) => (
                <th key={i} scope="col">
                  {name || <span className={manage.muted}>(column {i + 1}, no name)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={width + 1} className={manage.muted}>
                  No rows under the header.
                </td>
              </tr>
            ) : (
              rows.map((row, r) => (
                <tr key={r}>
                  {/* Line numbers, as the import report numbers rejected rows. */}
                  <td className={styles.rowNumber}>{preview.lines[r]}</td>
                  {columns.map((_, c) => (
                    <td key={c} title={row[c] ?? ""}>
                      {row[c] ?? ""}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
