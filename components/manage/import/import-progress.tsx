import { useId } from "react";
import { formatBytes, formatNumber } from "@/components/ui/format";
import type { ImportProgress as Progress } from "./use-import";
import manage from "../manage.module.css";
import styles from "./import.module.css";

/**
 * How far the server has read the file: bytes read of the file's size. The
 * server reports every 10,000 rows, so a small file goes from waiting to done.
 */
export function ImportProgress({ file, progress, finished }: { file: File; progress: Progress | null; finished: boolean }) {
  const labelId = useId();
  const read = finished ? file.size : Math.min(progress?.bytesRead ?? 0, file.size);
  const percent = file.size > 0 ? Math.floor((read / file.size) * 100) : 100;
  const started = finished || progress !== null;
  return (
    <div className={styles.progress}>
      <div className={styles.progressLabel}>
        <span id={labelId}>{finished ? `Read all of ${file.name}` : `Importing ${file.name}…`}</span>
        <span className={manage.muted}>
          {started ? `${percent}% · ${formatBytes(read)} of ${formatBytes(file.size)}` : `Sending ${formatBytes(file.size)}…`}
        </span>
      </div>
      {/* No value until the first count arrives: an honest "working", not a bar stuck at zero. */}
      <progress aria-labelledby={labelId} max={file.size || 1} value={started ? read : undefined} data-testid="import-progress" />
      {progress && !finished ? (
        <p className={styles.counts}>
          {formatNumber(progress.rows)} rows read · {formatNumber(progress.imported)} new · {formatNumber(progress.updated)} updated ·{" "}
          {formatNumber(progress.rejectedCount)} rejected
        </p>
      ) : null}
    </div>
  );
}
