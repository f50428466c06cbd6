import { DELIMITER_NAMES } from "@/server/ingestion/csv-dialect";
import { formatNumber } from "@/components/ui/format";
import { ClientTable } from "@/components/ui/table/client-table";
import { createDataColumnHelper } from "@/components/ui/table/features";
import type { ImportReport as Report } from "./use-import";
import manage from "../manage.module.css";
import styles from "./import.module.css";

const helper = createDataColumnHelper<Report["rejected"][number]>();

/** Row numbers are lines of the file; sorting by reason gathers the rows one fix would mend. */
const REJECTED_COLUMNS = helper.columns([
  helper.accessor("row", { header: "Row", meta: { align: "end", fit: true } }),
  // The server's reason starts with "row N:"; the column already says so.
  helper.accessor((r) => r.reason.replace(/^row \d+:\s*/i, ""), { id: "reason", header: "Reason" }),
]);

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** Step 5: what the import did, and every row it could not take with the reason. */
export function ImportReport({ fileName, report }: { fileName: string; report: Report }) {
  const figures = [
    { key: "rows", label: "Rows read", value: report.rows, hint: "Under the header" },
    { key: "new", label: "New", value: report.imported, hint: "Contacts added" },
    { key: "updated", label: "Updated", value: report.updated, hint: "Known contacts, something changed" },
    { key: "unchanged", label: "Unchanged", value: report.unchanged, hint: "Already exactly so" },
    { key: "rejected", label: "Rejected", value: report.rejectedCount, hint: "Rows not imported" },
  ];
  return (
    <div className={styles.report}>
      <p role="status" className={styles.reportSummary} data-testid="import-summary">
        {plural(report.rows, "row", "rows")} read from {fileName}: {formatNumber(report.imported)} new,{" "}
        {formatNumber(report.updated)} updated, {formatNumber(report.unchanged)} unchanged, {formatNumber(report.rejectedCount)}{" "}
        rejected.
      </p>
      <div className={styles.figures}>
        {figures.map((f) => (
          <div key={f.key} className={styles.figure} data-testid={`import-${f.key}`} data-tone={f.key === "rejected" && f.value > 0 ? "attention" : undefined}>
            <span className={styles.figureLabel}>{f.label}</span>
            <data className={styles.figureValue} value={String(f.value)}>
              {formatNumber(f.value)}
            </data>
            <span className={manage.hint}>{f.hint}</span>
          </div>
        ))}
      </div>
      {report.delimiter ? (
        <p className={manage.hint}>Columns read as separated by {DELIMITER_NAMES[report.delimiter].many}.</p>
      ) : null}
      {report.rows > report.imported + report.updated + report.unchanged + report.rejectedCount ? (
        <p className={manage.hint}>Rows of the same phone number count as one contact.</p>
      ) : null}

      {report.rejectedCount > 0 ? (
        <section aria-labelledby="rejected-title" className={styles.reportPart}>
          <h3 id="rejected-title">Rejected rows</h3>
          <p className={manage.hint}>
            Row numbers are lines of the file (the header is line 1). Fix these rows and import the file again: rows already
            imported change nothing.
            {report.rejected.length < report.rejectedCount
              ? ` Showing the first ${formatNumber(report.rejected.length)} of ${formatNumber(report.rejectedCount)}.`
              : ""}
          </p>
          {report.rejectionsByReason ? (
            <ul className={manage.hint} aria-label="Rejected rows by reason" data-testid="import-rejections-by-reason">
              {Object.entries(report.rejectionsByReason).map(([reason, n]) => (
                <li key={reason}>
                  {reason}: {plural(n, "row", "rows")}
                </li>
              ))}
            </ul>
          ) : null}
          <ClientTable caption="Rejected rows and why" columns={REJECTED_COLUMNS} data={report.rejected} getRowId={(r) => `${r.row}:${r.reason}`} pageSize={25} noun="rejected rows" />
        </section>
      ) : null}

      <section aria-labelledby="ignored-title" className={styles.reportPart}>
        <h3 id="ignored-title">Ignored columns</h3>
        {report.ignoredColumns.length ? (
          <ul className={styles.chips}>
            {report.ignoredColumns.map((c, i) => (
              <li key={`${c}:${i}`}>{c || `(no name)`}</li>
            ))}
          </ul>
        ) : (
          <p className={manage.hint}>None: every column was used.</p>
        )}
      </section>
    </div>
  );
}
