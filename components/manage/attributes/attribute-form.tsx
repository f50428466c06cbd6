"use client";

import { useId } from "react";
import type { z } from "zod";
import { FieldError, fieldAria } from "@/components/forms/field-error";
import { useSchemaForm, useServerFieldErrors } from "@/components/forms/schema-form";
import { describeError } from "@/components/trpc-error";
import { Select } from "@/components/ui/select";
import { keyFromLabel } from "@/server/domain/attribute-key";
import { ATTRIBUTE_TYPE_LABELS, type AttributeTypeName } from "./attribute-types";
import { attributeCreateFormSchema, attributeEditFormSchema, type AttributeFormFields } from "./attribute-form-schema";
import styles from "../manage.module.css";
import catalogue from "../catalogue.module.css";

export interface AttributeFormValues {
  label: string;
  /** Only when creating: the key, or empty to derive it from the label. */
  name: string;
  type: AttributeTypeName;
  options: string[];
}

/**
 * Creating an attribute (name, key, type, options) or editing one (name and,
 * for a one-of-a-list attribute, its options: the key and type are fixed
 * because stored values are read by them).
 */
export function AttributeForm({
  mode,
  initial,
  pending,
  error,
  onSubmit,
  onCancel,
  disabledReason,
}: {
  mode: "create" | "edit";
  initial: AttributeFormValues;
  pending: boolean;
  error: unknown;
  onSubmit: (values: AttributeFormValues) => void;
  onCancel?: () => void;
  /** Why the form cannot be sent now (the limit is reached), shown instead of sending. */
  disabledReason?: string | null;
}) {
  const creating = mode === "create";
  const schema: z.ZodType<AttributeFormValues, AttributeFormFields> = creating ? attributeCreateFormSchema : attributeEditFormSchema;
  const form = useSchemaForm(schema, { defaultValues: { ...initial, options: initial.options.join("\n") } });
  const { register, watch, formState } = form;
  const errors = formState.errors;
  const [label, key, type] = watch(["label", "name", "type"]);
  const ids = { label: useId(), labelError: useId(), key: useId(), keyHint: useId(), keyError: useId(), options: useId(), optionsHint: useId(), optionsError: useId() };
  const derivedKey = label.trim() ? keyFromLabel(label) : "";
  // The server's refusal of a field lands on that field; anything else shows as the form's error below.
  const onField = useServerFieldErrors(form, error, ["label", "name", "options"]);

  return (
    <form className={styles.form} onSubmit={form.handleSubmit(onSubmit)} aria-label={creating ? "Create an attribute" : `Edit attribute ${initial.label}`} noValidate>
      <div className={styles.formRow}>
        <div className={styles.field}>
          <label htmlFor={ids.label}>Attribute name</label>
          <input
            id={ids.label}
            className={styles.input}
            {...register("label")}
            maxLength={60}
            placeholder="e.g. Signup date"
            autoComplete="off"
            {...fieldAria(errors.label, ids.labelError)}
          />
          <FieldError id={ids.labelError} error={errors.label} className={styles.fieldError} />
        </div>
        <div className={styles.field}>
          <label htmlFor={ids.key}>Key</label>
          <input
            id={ids.key}
            className={`${styles.input} ${styles.mono}`}
            {...register("name")}
            readOnly={!creating}
            maxLength={40}
            placeholder={derivedKey || "e.g. signup_date"}
            autoComplete="off"
            spellCheck={false}
            {...fieldAria(errors.name, ids.keyError, ids.keyHint)}
          />
          <FieldError id={ids.keyError} error={errors.name} className={styles.fieldError} />
        </div>
        <div className={styles.field} style={{ flex: "0 1 200px" }}>
          <Select label="Type" {...register("type")} disabled={!creating}>
            {Object.entries(ATTRIBUTE_TYPE_LABELS).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <span id={ids.keyHint} className={styles.hint}>
        {creating
          ? `The API, CSV columns and the chatbot name the attribute by its key${derivedKey && !key ? ` (${derivedKey} unless you choose one)` : ""}. The key and the type cannot change later.`
          : "The key and the type cannot change: stored values are read by them. The name can."}
      </span>
      {type === "list" ? (
        <div className={styles.field} style={{ maxWidth: 440 }}>
          <label htmlFor={ids.options}>Options</label>
          <textarea
            id={ids.options}
            className={catalogue.textarea}
            {...register("options")}
            rows={4}
            placeholder={"Free\nBasic\nPremium"}
            {...fieldAria(errors.options, ids.optionsError, ids.optionsHint)}
          />
          <FieldError id={ids.optionsError} error={errors.options} className={styles.fieldError} />
          <span id={ids.optionsHint} className={styles.hint}>
            One per line. {creating ? "" : "Contacts keep a value whose option you remove."}
          </span>
        </div>
      ) : null}
      {error && !onField ? (
        <div role="alert" className="alert">
          <strong>{creating ? "The attribute was not created." : "The attribute was not saved."}</strong>
          {describeError(error)}
        </div>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" className="btn btn-primary" disabled={pending || !!disabledReason}>
          {pending ? (creating ? "Creating…" : "Saving…") : creating ? "Create attribute" : "Save attribute"}
        </button>
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        ) : null}
        {disabledReason ? <span className={styles.hint}>{disabledReason}</span> : null}
      </div>
    </form>
  );
}
