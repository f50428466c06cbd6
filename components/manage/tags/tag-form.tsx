"use client";

import { useId } from "react";
import { CharLimit, overLimit } from "@/components/forms/char-limit";
import { FieldError, fieldAria } from "@/components/forms/field-error";
import { useSchemaForm, useServerFieldErrors } from "@/components/forms/schema-form";
import { describeError } from "@/components/trpc-error";
import styles from "../manage.module.css";
import catalogue from "../catalogue.module.css";
import { tagFormSchema } from "./tag-form-schema";

export interface TagFormValues {
  name: string;
  category: string;
  firstMessageText: string;
}

/**
 * The fields of a tag, for creating one and for editing one in place. A tag is
 * a first-message tag when it has a pre-filled text; unticking the box clears it.
 */
export function TagForm({
  initial,
  categories,
  submitLabel,
  pendingLabel,
  pending,
  error,
  errorTitle,
  onSubmit,
  onCancel,
  ariaLabel,
}: {
  initial: TagFormValues;
  categories: string[];
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  errorTitle: string;
  onSubmit: (values: TagFormValues) => void;
  onCancel?: () => void;
  ariaLabel: string;
}) {
  const form = useSchemaForm(tagFormSchema, {
    defaultValues: { ...initial, isFirstMessage: initial.firstMessageText !== "" },
  });
  const { register, watch, formState } = form;
  const errors = formState.errors;
  const [name, category, text, isFirstMessage] = watch(["name", "category", "firstMessageText", "isFirstMessage"]);
  const ids = { name: useId(), nameCount: useId(), nameError: useId(), category: useId(), categoryCount: useId(), categoryError: useId(), categories: useId(), text: useId(), textHint: useId(), textError: useId() };
  // The server's refusal of a field lands on that field; anything else shows as the form's error below.
  const onField = useServerFieldErrors(form, error, ["name", "category", "firstMessageText"]);

  return (
    <form className={styles.form} onSubmit={form.handleSubmit(onSubmit)} aria-label={ariaLabel} noValidate>
      <div className={styles.formRow}>
        <div className={styles.field}>
          <label htmlFor={ids.name}>Tag name</label>
          <input
            id={ids.name}
            className={styles.input}
            {...register("name")}
            placeholder="e.g. Product A"
            autoComplete="off"
            {...fieldAria(errors.name, ids.nameError, ids.nameCount)}
            aria-invalid={errors.name || overLimit(name, 60) ? true : undefined}
          />
          <CharLimit id={ids.nameCount} value={name} max={60} />
          <FieldError id={ids.nameError} error={errors.name} className={styles.fieldError} />
        </div>
        <div className={styles.field}>
          <label htmlFor={ids.category}>Category</label>
          <input
            id={ids.category}
            className={styles.input}
            {...register("category")}
            placeholder="e.g. Interest, Lifecycle"
            list={ids.categories}
            autoComplete="off"
            {...fieldAria(errors.category, ids.categoryError, ids.categoryCount)}
          />
          <CharLimit id={ids.categoryCount} value={category ?? ""} max={40} />
          <FieldError id={ids.categoryError} error={errors.category} className={styles.fieldError} />
          <datalist id={ids.categories}>
            {categories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </div>
      </div>
      <label className={catalogue.check}>
        <input type="checkbox" {...register("isFirstMessage")} />
        <span>
          <strong>First-message tag</strong>
          <span>New chats whose first message starts with the text below get this tag automatically.</span>
        </span>
      </label>
      {isFirstMessage ? (
        <div className={styles.field} style={{ maxWidth: 640 }}>
          <label htmlFor={ids.text}>Pre-filled message text</label>
          <textarea
            id={ids.text}
            className={catalogue.textarea}
            {...register("firstMessageText")}
            rows={2}
            placeholder="e.g. Hi, I want to know more about Product A"
            {...fieldAria(errors.firstMessageText, ids.textError, ids.textHint)}
          />
          <CharLimit value={text} max={500} />
          <FieldError id={ids.textError} error={errors.firstMessageText} className={styles.fieldError} />
          <span id={ids.textHint} className={styles.hint}>
            The text of your click-to-chat link or ad button. Case and spacing do not matter, and the user may add words after
            it. Chats already started keep their first-message tag.
          </span>
        </div>
      ) : null}
      {error && !onField ? (
        <div role="alert" className="alert">
          <strong>{errorTitle}</strong>
          {describeError(error)}
        </div>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
