"use client";

import { describeError } from "@/components/trpc-error";
import styles from "./manage.module.css";

/** A query that failed: what, why in plain words, and a way to try again. */
export function LoadError({
  what,
  error,
  onRetry,
  retrying,
}: {
  what: string;
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
}) {
  return (
    <div role="alert" className={`alert ${styles.errorBox}`}>
      <div>
        <strong>{what} could not be loaded.</strong>
        {describeError(error)}
      </div>
      <button type="button" className="btn btn-small" onClick={onRetry} disabled={retrying}>
        {retrying ? "Retrying…" : "Try again"}
      </button>
    </div>
  );
}
