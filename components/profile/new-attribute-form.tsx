"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { FieldError, fieldAria } from "@/components/forms/field-error";
import { useSchemaForm } from "@/components/forms/schema-form";
import { Select } from "@/components/ui/select";
import { ATTRIBUTE_TYPES } from "@/server/domain/attribute-types";
import { commaOptions, newAttributeFormSchema } from "@/server/schemas/attribute-value";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import { ValueInput } from "./attributes-panel";
import { useRefreshProfile } from "./use-refresh-profile";
import edit from "./profile-edit.module.css";
import styles from "./profile.module.css";


/**
 * Defines a new attribute on the spot and sets this contact's value, in one
 * step. Closed behind a link: most edits are to attributes that exist.
 */
export function NewAttributeForm({ workspaceId, contact, full }: { workspaceId: string; contact: string; full: boolean }) {
  const trpc = useTRPC();
  const refresh = useRefreshProfile();
  const [open, setOpen] = useState(false);
  const form = useSchemaForm(newAttributeFormSchema, { defaultValues: { attribute: "", type: "text", options: "", value: "" } });
  const errors = form.formState.errors;
  const [type, options, value] = form.watch(["type", "options", "value"]);
  const ids = { name: useId(), nameError: useId(), options: useId(), optionsError: useId(), value: useId(), error: useId() };
  const create = useMutation(
    trpc.profile.setAttribute.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        form.reset();
        void refresh();
      },
    }),
  );

  if (full) {
    return <p className={`${edit.hint} ${edit.form}`}>This workspace has all 20 attributes it can have; to add another, remove one in Manage → Attributes.</p>;
  }
  if (!open) {
    return (
      <p className={edit.form}>
        <button type="button" className={edit.linkButton} onClick={() => setOpen(true)}>
          + New attribute
        </button>
      </p>
    );
  }
  const optionList = commaOptions(options);
  // The value's problem, from the browser's check or the server's refusal (which names no other field here).
  const valueProblem = errors.value ?? (create.isError ? { type: "server", message: describeError(create.error) } : undefined);
  const submit = form.handleSubmit((v) =>
    create.mutate({
      workspaceId,
      contact,
      attribute: v.attribute,
      value: v.value.trim() === "" ? null : v.value,
      define: { type: v.type, options: v.type === "list" ? commaOptions(v.options) : [] },
    }),
  );

  return (
    <form className={edit.form} onSubmit={submit} aria-label="New attribute" noValidate>
      <div className={edit.formRow}>
        <div className={edit.field}>
          <label htmlFor={ids.name}>New attribute</label>
          <input id={ids.name} className={edit.input} {...form.register("attribute")} maxLength={40} placeholder="e.g. shoe_size" autoComplete="off" {...fieldAria(errors.attribute, ids.nameError)} />
          <FieldError id={ids.nameError} error={errors.attribute} className={edit.fieldError} />
        </div>
        <div className={edit.field} style={{ flex: "0 1 120px" }}>
          <Select label="Type" {...form.register("type")}>
            {ATTRIBUTE_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {type === "list" ? (
        <div className={edit.field}>
          <label htmlFor={ids.options}>Options, separated by commas</label>
          <input id={ids.options} className={edit.input} {...form.register("options")} placeholder="Free, Basic, Premium" {...fieldAria(errors.options, ids.optionsError)} />
          <FieldError id={ids.optionsError} error={errors.options} className={edit.fieldError} />
        </div>
      ) : null}
      <div className={edit.formRow}>
        <div className={edit.field}>
          <label htmlFor={ids.value}>Value for this contact</label>
          <ValueInput
            id={ids.value}
            type={type}
            options={optionList}
            value={value}
            onChange={(v) => form.setValue("value", v, { shouldValidate: form.formState.isSubmitted })}
            invalid={Boolean(valueProblem)}
            describedBy={valueProblem ? ids.error : undefined}
            label="Value for this contact"
          />
        </div>
        <button type="submit" className="btn btn-primary btn-small" disabled={create.isPending}>
          {create.isPending ? "Saving…" : "Define and set"}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      <FieldError id={ids.error} error={valueProblem} className={edit.fieldError} />
      <span className={edit.hint}>The attribute is added to the workspace for every contact; lower-case letters, digits and underscores.</span>
    </form>
  );
}
