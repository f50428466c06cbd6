"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useMemo } from "react";
import { FieldError, fieldAria } from "@/components/forms/field-error";
import { useSchemaForm, useServerFieldErrors } from "@/components/forms/schema-form";
import { browserZone, describeZone, TimeZoneField, useZoneSchema } from "@/components/forms/time-zone-field";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import { workspaceCreateInput } from "@/server/schemas/workspaces";
import styles from "@/components/auth/sign-in-form.module.css";

/**
 * A new workspace: its name and its time zone, which starts as this
 * browser's (the creator is usually where the business is). On success the
 * creator, now its admin, lands on its Overview with a full load, so the
 * switcher lists it.
 */
export function NewWorkspaceForm({ zones }: { zones: readonly string[] }) {
  const trpc = useTRPC();
  const zoneSchema = useZoneSchema(zones);
  const schema = useMemo(() => workspaceCreateInput.extend({ timeZone: zoneSchema }), [zoneSchema]);
  const form = useSchemaForm(schema, { defaultValues: { name: "", timeZone: "UTC" } });
  // The browser's zone is known only in the browser: set after the first render, so the server's HTML agrees.
  useEffect(() => {
    const zone = browserZone();
    if (zones.includes(zone)) form.setValue("timeZone", zone);
  }, [form, zones]);
  const errors = form.formState.errors;
  const ids = { name: useId(), nameError: useId() };
  const create = useMutation(
    trpc.workspaces.create.mutationOptions({
      onSuccess: ({ workspaceId }) => window.location.assign(`/w/${encodeURIComponent(workspaceId)}/overview`),
    }),
  );
  const onField = useServerFieldErrors(form, create.error, ["name", "timeZone"]);
  const general = create.isError && !onField ? describeError(create.error) : null;
  const submit = form.handleSubmit((input) => create.mutate(input));
  const typedZone = form.watch("timeZone");

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="New workspace">
      {general ? (
        <div role="alert" className="alert">
          {general}
        </div>
      ) : null}
      <div className={styles.field}>
        <label htmlFor={ids.name}>Name</label>
        <input
          id={ids.name}
          {...form.register("name")}
          placeholder="e.g. Acme Retail India"
          autoComplete="organization"
          autoFocus
          {...fieldAria(errors.name, ids.nameError)}
        />
        <FieldError id={ids.nameError} error={errors.name} className={styles.fieldError} />
      </div>
      <TimeZoneField registration={form.register("timeZone")} zones={zones} typed={typedZone} error={errors.timeZone} styles={styles} />
      <p className={styles.hint}>
        Reports count days and hours in {zones.includes(typedZone.trim()) ? describeZone(typedZone.trim()) : "this zone"}; admins can change it later
        in Manage → General.
      </p>
      <button type="submit" className={`btn btn-primary ${styles.submit}`} disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create workspace"}
      </button>
    </form>
  );
}
