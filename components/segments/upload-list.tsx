"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { IntentLink } from "@/components/ui/intent-link";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { z } from "zod";
import { FieldError, fieldAria } from "@/components/forms/field-error";
import { useSchemaForm, useServerFieldErrors } from "@/components/forms/schema-form";
import { segmentUploadInput } from "@/server/schemas/segments";
import { formatNumber } from "@/components/ui/format";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import styles from "./segments.module.css";
import { refreshQueries } from "@/components/refresh-queries";

/** The form's texts, read as the list the server's segmentUploadInput checks. */
const uploadFormSchema = z
  .object({ name: z.string(), phones: z.string(), country: z.string() })
  .transform((v): z.input<typeof segmentUploadInput> => ({
    name: v.name,
    description: "Uploaded phone list",
    phones: v.phones.split(/[\n,;]+/).map((p) => p.trim()).filter(Boolean),
    country: v.country.trim().toUpperCase() || undefined,
  }))
  .pipe(segmentUploadInput);

const segmentHref = (workspaceId: string, segmentId: string) => `/w/${encodeURIComponent(workspaceId)}/segments/${segmentId}`;

/** A static segment from pasted phone numbers (one per line, or separated by commas). */
export function UploadList({ workspaceId, onClose }: { workspaceId: string; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const upload = useMutation(
    trpc.segments.upload.mutationOptions({
      onSuccess: async ({ segmentId, rejectedCount, notContacts }) => {
        await refreshQueries(queryClient, { queryKey: trpc.segments.pathKey() });
        // A clean list opens at once; otherwise the person reads what was left out first.
        if (rejectedCount === 0 && notContacts === 0) router.push(segmentHref(workspaceId, segmentId));
      },
    }),
  );

  const form = useSchemaForm(uploadFormSchema, { defaultValues: { name: "", phones: "", country: "IN" } });
  const errors = form.formState.errors;
  const ids = { name: useId(), phones: useId(), country: useId() };
  const onFields = useServerFieldErrors(form, upload.error, ["name", "phones", "country"]);
  const submit = form.handleSubmit((values) => upload.mutate({ workspaceId, ...values }));

  return (
    <section className={styles.panel} aria-labelledby="upload-title">
      <div className={styles.panelHeader}>
        <div>
          <h2 id="upload-title">Static segment from a phone list</h2>
          <p>The list stays as uploaded; open it to narrow it down with more rules.</p>
        </div>
      </div>
      <form className={`${styles.form} ${styles.narrowForm}`} onSubmit={submit} noValidate>
        <label className={styles.field}>
          <span>Name</span>
          <input className={styles.input} {...form.register("name")} maxLength={120} placeholder="Expo visitors" {...fieldAria(errors.name, ids.name)} />
        </label>
        <FieldError id={ids.name} error={errors.name} className={styles.problem} />
        <label className={styles.field}>
          <span>Phone numbers, one per line</span>
          <textarea className={styles.textarea} {...form.register("phones")} rows={5} placeholder={"+919812345678\n+971501234567"} {...fieldAria(errors.phones, ids.phones)} />
        </label>
        <FieldError id={ids.phones} error={errors.phones} className={styles.problem} />
        <label className={styles.field}>
          <span>Country of numbers without a +</span>
          <input className={`${styles.input} ${styles.narrow}`} {...form.register("country")} maxLength={2} {...fieldAria(errors.country, ids.country)} />
        </label>
        <FieldError id={ids.country} error={errors.country} className={styles.problem} />
        <div className={styles.actions}>
          <button type="submit" className="btn btn-primary btn-small" disabled={upload.isPending}>
            {upload.isPending ? "Uploading…" : "Create static segment"}
          </button>
          <button type="button" className="btn btn-small" onClick={onClose}>
            Cancel
          </button>
        </div>
        {upload.data && (upload.data.rejectedCount > 0 || upload.data.notContacts > 0) ? (
          <div role="status" className={styles.hint}>
            <p>Added {formatNumber(upload.data.added)} numbers.</p>
            {upload.data.notContacts > 0 ? (
              <p>
                {formatNumber(upload.data.notContacts)} of them {upload.data.notContacts === 1 ? "is not a contact" : "are not contacts"} of this workspace yet: they stay on the list and join the audience
                once they write.
              </p>
            ) : null}
            {upload.data.rejectedCount > 0 ? (
              <p>
                {formatNumber(upload.data.rejectedCount)} could not be read: {upload.data.rejected.slice(0, 5).join(", ")}
                {upload.data.rejectedCount > 5 ? "…" : ""}
              </p>
            ) : null}
            <p>
              <IntentLink href={segmentHref(workspaceId, upload.data.segmentId)}>Open the segment</IntentLink>
            </p>
          </div>
        ) : null}
        {upload.isError && !onFields ? (
          <p role="alert" className={styles.problem}>
            {describeError(upload.error)}
          </p>
        ) : null}
      </form>
    </section>
  );
}
