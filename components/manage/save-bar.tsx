"use client";

import { describeError } from "@/components/trpc-error";
import styles from "./manage.module.css";

/**
 * The end of a Manage settings form: why the last save failed, then (for
 * those who may edit) the save button and a "Saved." that stays until the
 * next change.
 */
export function SaveBar({
  mutation,
  failedTitle,
  canEdit,
  disabled,
  saveLabel,
  savedText,
  errorOnFields = false,
}: {
  mutation: { isPending: boolean; isError: boolean; error: unknown };
  /** "The prices were not saved." */
  failedTitle: string;
  canEdit: boolean;
  /** Nothing to save, or a value to fix first. */
  disabled: boolean;
  saveLabel: string;
  /** Shown after a save until the form changes again; empty shows nothing. */
  savedText: string;
  /** The failure is already shown beside the fields it names (useServerFieldErrors). */
  errorOnFields?: boolean;
}) {
  return (
    <>
      {mutation.isError && !errorOnFields ? (
        <div role="alert" className="alert">
          <strong>{failedTitle}</strong>
          {describeError(mutation.error)}
        </div>
      ) : null}
      {canEdit ? (
        <div className={styles.actions}>
          <button type="submit" className="btn btn-primary" disabled={mutation.isPending || disabled}>
            {mutation.isPending ? "Saving…" : saveLabel}
          </button>
          <span role="status" className={styles.saved}>
            {savedText}
          </span>
        </div>
      ) : null}
    </>
  );
}
