"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CharLimit, overLimit } from "@/components/forms/char-limit";
import type { inferRouterOutputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { FieldError, fieldAria } from "@/components/forms/field-error";
import { useSchemaForm, useServerFieldErrors } from "@/components/forms/schema-form";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import type { AppRouter } from "@/server/routers/_app";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { builderHref } from "./use-segment-tree";
import { segmentSaveInput } from "@/server/schemas/segments";
import styles from "./segments.module.css";
import { refreshQueries } from "@/components/refresh-queries";

/** The name and description as the server checks them when saving. */
const saveFormSchema = segmentSaveInput.pick({ name: true, description: true });

type Saved = inferRouterOutputs<AppRouter>["segments"]["get"];

/** Save a new segment, or a new version of this one (or a copy, with "Save as new"). */
export function SaveCard({
  workspaceId,
  saved,
  tree,
  waiting,
  dirty,
  canEdit,
}: {
  workspaceId: string;
  saved?: Saved;
  /** The rules to save, or null while one is wrong or unfinished. */
  tree: FilterTree | null;
  /** How many rules are unfinished. */
  waiting: number;
  dirty: boolean;
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useSchemaForm(saveFormSchema, { defaultValues: { name: saved?.name ?? "", description: saved?.description ?? "" } });
  const errors = form.formState.errors;
  const [name, description] = form.watch(["name", "description"]);
  const ids = { nameCount: useId(), nameError: useId(), descriptionCount: useId(), descriptionError: useId() };
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation(
    trpc.segments.save.mutationOptions({
      onSuccess: async ({ segmentId }, input) => {
        await refreshQueries(queryClient, { queryKey: trpc.segments.pathKey() });
        setDone(input.segmentId ? "Saved." : null);
        if (!input.segmentId && tree) router.push(builderHref(workspaceId, tree, segmentId));
      },
    }),
  );

  const onField = useServerFieldErrors(form, save.error, ["name", "description"]);

  if (!canEdit) {
    return (
      <section className={styles.card}>
        <h2 className={styles.cardTitle}>Save</h2>
        <p className={styles.muted}>Only admins and marketers can save segments. Share the link in the address bar instead.</p>
      </section>
    );
  }

  const changed = dirty || name.trim() !== saved?.name || (description ?? "").trim() !== (saved?.description ?? "");
  const submit = (asNew: boolean) =>
    form.handleSubmit((values) => {
      if (!tree) return;
      setDone(null);
      const copyName = asNew && saved && values.name === saved.name ? `${values.name} (copy)` : values.name;
      save.mutate({ workspaceId, segmentId: asNew ? undefined : saved?.segmentId, name: copyName, description: values.description, tree });
    });

  return (
    <section className={styles.card} aria-labelledby="save-title">
      <h2 id="save-title" className={styles.cardTitle}>
        {saved ? "Segment" : "Save as a segment"}
      </h2>
      <form className={styles.form} onSubmit={submit(false)} noValidate>
        <label className={styles.field}>
          <span>Name</span>
          <input
            className={styles.input}
            {...form.register("name")}
            placeholder="Warm leads in Mumbai"
            {...fieldAria(errors.name, ids.nameError, ids.nameCount)}
            aria-invalid={errors.name || overLimit(name, 120) ? true : undefined}
          />
          <CharLimit id={ids.nameCount} value={name} max={120} />
          <FieldError id={ids.nameError} error={errors.name} className={styles.problem} />
        </label>
        <label className={styles.field}>
          <span>Description</span>
          <textarea
            className={styles.textarea}
            {...form.register("description")}
            rows={2}
            placeholder="Optional: what this audience is for"
            {...fieldAria(errors.description, ids.descriptionError, ids.descriptionCount)}
            aria-invalid={errors.description || overLimit(description ?? "", 1000) ? true : undefined}
          />
          <CharLimit id={ids.descriptionCount} value={description ?? ""} max={1000} />
          <FieldError id={ids.descriptionError} error={errors.description} className={styles.problem} />
        </label>
        <div className={styles.actions}>
          <button type="submit" className="btn btn-primary btn-small" disabled={!tree || save.isPending || (saved && !changed)}>
            {save.isPending ? "Saving…" : saved ? "Save changes" : "Save segment"}
          </button>
          {saved ? (
            <button type="button" className="btn btn-small" disabled={!tree || save.isPending} onClick={submit(true)}>
              Save as new
            </button>
          ) : null}
          {done ? <span className={styles.saved} role="status">{done}</span> : null}
        </div>
        {!tree ? (
          <p className={styles.hint}>
            {waiting ? `Finish or remove the ${waiting === 1 ? "unfinished rule" : `${waiting} unfinished rules`} first.` : "Fix the highlighted rules first."}
          </p>
        ) : null}
        {save.isError && !onField ? (
          <p role="alert" className={styles.problem}>
            {describeError(save.error)}
          </p>
        ) : null}
      </form>
    </section>
  );
}
