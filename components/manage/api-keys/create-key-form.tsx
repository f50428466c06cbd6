"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import styles from "../manage.module.css";

export function CreateKeyForm({
  workspaceId,
  onCreated,
}: {
  workspaceId: string;
  onCreated: (key: { name: string; token: string }) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { name: useId(), hint: useId(), error: useId() };
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: ({ token }, input) => {
        onCreated({ name: input.name, token });
        setName("");
        void queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey({ workspaceId }) });
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setProblem("Give the key a name, like “Shopify sync”, so you know later what uses it.");
      return;
    }
    setProblem(null);
    create.mutate({ workspaceId, name: trimmed });
  }

  return (
    <form className={styles.form} data-compact onSubmit={submit} aria-label="Create an API key" noValidate>
      <div className={styles.formRow}>
        <div className={styles.field}>
          <label htmlFor={ids.name}>Key name</label>
          <input
            id={ids.name}
            className={styles.input}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setProblem(null);
            }}
            maxLength={100}
            placeholder="e.g. Shopify sync"
            autoComplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${ids.error} ${ids.hint}` : ids.hint}
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </button>
      </div>
      {problem ? (
        <span id={ids.error} className={styles.fieldError}>
          {problem}
        </span>
      ) : null}
      <span id={ids.hint} className={styles.hint}>
        What will use the key: a shop, a CRM sync, a script. The key itself is shown once, right after you create it.
      </span>
      {create.isError ? (
        <div role="alert" className="alert">
          <strong>The key was not created.</strong>
          {describeError(create.error)}
        </div>
      ) : null}
    </form>
  );
}
