"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { FieldError, fieldAria } from "@/components/forms/field-error";
import { useSchemaForm, useServerFieldErrors } from "@/components/forms/schema-form";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import { apiKeyCreateInput } from "@/server/schemas/api-keys";
import styles from "../manage.module.css";
import { refreshQueries } from "@/components/refresh-queries";

export function CreateKeyForm({
  workspaceId,
  onCreated,
}: {
  workspaceId: string;
  onCreated: (key: { name: string; token: string }) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useSchemaForm(apiKeyCreateInput, { defaultValues: { name: "" } });
  const error = form.formState.errors.name;
  const ids = { name: useId(), hint: useId(), error: useId() };
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: ({ token }, input) => {
        onCreated({ name: input.name, token });
        form.reset({ name: "" });
        void refreshQueries(queryClient, { queryKey: trpc.apiKeys.list.queryKey({ workspaceId }) });
      },
    }),
  );

  const onField = useServerFieldErrors(form, create.error, ["name"]);
  const submit = form.handleSubmit(({ name }) => create.mutate({ workspaceId, name }));

  return (
    <form className={styles.form} data-compact onSubmit={submit} aria-label="Create an API key" noValidate>
      <div className={styles.formRow}>
        <div className={styles.field}>
          <label htmlFor={ids.name}>Key name</label>
          <input
            id={ids.name}
            className={styles.input}
            {...form.register("name")}
            maxLength={100}
            placeholder="e.g. Shopify sync"
            autoComplete="off"
            {...fieldAria(error, ids.error, ids.hint)}
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </button>
      </div>
      <FieldError id={ids.error} error={error} className={styles.fieldError} />
      <span id={ids.hint} className={styles.hint}>
        What will use the key: a shop, a CRM sync, a script. The key itself is shown once, right after you create it.
      </span>
      {create.isError && !onField ? (
        <div role="alert" className="alert">
          <strong>The key was not created.</strong>
          {describeError(create.error)}
        </div>
      ) : null}
    </form>
  );
}
