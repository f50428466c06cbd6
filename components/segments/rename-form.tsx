"use client";

import { useId } from "react";
import { FieldError, fieldAria } from "@/components/forms/field-error";
import { useSchemaForm, useServerFieldErrors } from "@/components/forms/schema-form";
import { describeError } from "@/components/trpc-error";
import { segmentRenameInput } from "@/server/schemas/segments";
import styles from "./segments.module.css";

/** The fields a person types, as the server checks them when renaming. */
const renameFormSchema = segmentRenameInput.pick({ name: true, description: true });

/**
 * A saved segment's Rename, under its row: the name's rules show as it is
 * typed, and a name another segment has comes back from the server onto the
 * name field.
 */
export function RenameForm({
  segment,
  pending,
  error,
  onRename,
  onCancel,
}: {
  segment: { name: string; description: string };
  pending: boolean;
  /** The last rename's refusal for this segment. */
  error: unknown;
  onRename: (values: { name: string; description?: string }) => void;
  onCancel: () => void;
}) {
  const form = useSchemaForm(renameFormSchema, { defaultValues: { name: segment.name, description: segment.description } });
  const errors = form.formState.errors;
  const ids = { nameError: useId(), descriptionError: useId() };
  const onField = useServerFieldErrors(form, error, ["name", "description"]);

  return (
    <form className={styles.renameForm} onSubmit={form.handleSubmit(onRename)} aria-label={`Rename ${segment.name}`} noValidate>
      <div className={styles.renameField}>
        <input className={styles.input} {...form.register("name")} aria-label="New name" autoComplete="off" autoFocus {...fieldAria(errors.name, ids.nameError)} />
        <FieldError id={ids.nameError} error={errors.name} className={styles.problem} />
      </div>
      <div className={styles.renameField}>
        <input className={styles.input} {...form.register("description")} aria-label="Description" placeholder="Description" autoComplete="off" {...fieldAria(errors.description, ids.descriptionError)} />
        <FieldError id={ids.descriptionError} error={errors.description} className={styles.problem} />
      </div>
      <button type="submit" className="btn btn-primary btn-small" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </button>
      <button type="button" className="btn btn-small" onClick={onCancel}>
        Cancel
      </button>
      {error && !onField ? (
        <p role="alert" className={styles.problem}>
          {describeError(error)}
        </p>
      ) : null}
    </form>
  );
}
