"use client";

import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { z } from "zod";
import { FieldError, fieldAria } from "@/components/forms/field-error";
import { useSchemaForm, useServerFieldErrors } from "@/components/forms/schema-form";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/password-rules";
import { changePasswordInput } from "@/server/schemas/account";
import styles from "./sign-in-form.module.css";

/** The server's schema, and the one rule only a form has: the new password typed twice alike. */
const passwordFormSchema = changePasswordInput
  .extend({ confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, { message: "the two new passwords differ. Type the same one twice.", path: ["confirm"] });
type Field = "currentPassword" | "newPassword" | "confirm";

/**
 * Changing one's password. On success every other session of the account
 * has ended and this browser holds a new session cookie (set by the answer),
 * so it goes on to `next` with a full load.
 */
export function PasswordChangeForm({ email, temporary, next }: { email: string; temporary: boolean; next: string }) {
  const trpc = useTRPC();
  const ids: Record<Field | "hint", string> = { currentPassword: useId(), newPassword: useId(), confirm: useId(), hint: useId() };
  const form = useSchemaForm(passwordFormSchema, { defaultValues: { currentPassword: "", newPassword: "", confirm: "" } });
  const errors = form.formState.errors;
  const change = useMutation(trpc.account.changePassword.mutationOptions({ onSuccess: () => window.location.assign(next) }));
  // The server names the field of a refusal ("currentPassword: that is not your current password."): it shows there.
  const onField = useServerFieldErrors(form, change.error, ["currentPassword", "newPassword"]);
  const general = change.isError && !onField ? describeError(change.error) : null;
  const submit = form.handleSubmit(({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword }));

  /** The props that tie a field to its hint and its error. */
  const a11y = (field: Field, hint?: string) => ({ id: ids[field], ...form.register(field), ...fieldAria(errors[field], `${ids[field]}-error`, hint) });
  const fieldError = (field: Field) => <FieldError id={`${ids[field]}-error`} error={errors[field]} className={styles.fieldError} />;

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Change your password">
      {general ? (
        <div role="alert" className="alert">
          {general}
        </div>
      ) : null}
      {/* For password managers: whose password this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <div className={styles.field}>
        <label htmlFor={ids.currentPassword}>{temporary ? "Temporary password" : "Current password"}</label>
        <input {...a11y("currentPassword")} type="password" autoComplete="current-password" required autoFocus />
        {fieldError("currentPassword")}
      </div>
      <div className={styles.field}>
        <label htmlFor={ids.newPassword}>New password</label>
        <input {...a11y("newPassword", ids.hint)} type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} />
        <span id={ids.hint} className={styles.hint}>
          At least {MIN_PASSWORD_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.
        </span>
        {fieldError("newPassword")}
      </div>
      <div className={styles.field}>
        <label htmlFor={ids.confirm}>New password again</label>
        <input {...a11y("confirm")} type="password" autoComplete="new-password" required />
        {fieldError("confirm")}
      </div>
      <button type="submit" className={`btn btn-primary ${styles.submit}`} disabled={change.isPending}>
        {change.isPending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
