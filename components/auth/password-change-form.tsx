"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/password-rules";
import styles from "./sign-in-form.module.css";

type Field = "currentPassword" | "newPassword" | "confirm";

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "currentPassword: that is not your current password." → the field it names and the sentence. */
function splitFieldMessage(message: string): { field: Field | null; text: string } {
  const match = /^(currentPassword|newPassword): (.*)$/s.exec(message);
  if (!match) return { field: null, text: message };
  return { field: match[1] as Field, text: sentence(match[2]) };
}

/**
 * Changing one's password. On success every other session of the account
 * has ended and this browser holds a new session cookie (set by the answer),
 * so it goes on to `next` with a full load.
 */
export function PasswordChangeForm({ email, temporary, next }: { email: string; temporary: boolean; next: string }) {
  const trpc = useTRPC();
  const ids: Record<Field | "hint", string> = { currentPassword: useId(), newPassword: useId(), confirm: useId(), hint: useId() };
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: () => window.location.assign(next),
      onError: (err) => {
        // A rule of the input (zod) names its field; a refusal of the procedure says it as "field: sentence".
        const zodFields = (err.data as { zodError?: { fieldErrors?: Partial<Record<Field, string[]>> } } | undefined)?.zodError?.fieldErrors;
        const zodField = (["currentPassword", "newPassword"] as const).find((f) => zodFields?.[f]?.length);
        const { field, text } = zodField ? { field: zodField, text: sentence(zodFields![zodField]![0]) } : splitFieldMessage(describeError(err));
        if (field) setErrors({ [field]: text });
        else setGeneral(text);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("newPassword") ?? "");
    setGeneral(null);
    if (newPassword !== String(form.get("confirm") ?? "")) {
      setErrors({ confirm: "The two new passwords differ. Type the same one twice." });
      return;
    }
    setErrors({});
    change.mutate({ currentPassword: String(form.get("currentPassword") ?? ""), newPassword });
  }

  /** The props that tie a field to its hint and its error. */
  const a11y = (field: Field, hint?: string) => {
    const describedBy = [hint, errors[field] ? `${ids[field]}-error` : undefined].filter(Boolean).join(" ");
    return { id: ids[field], name: field, "aria-invalid": errors[field] ? true : undefined, "aria-describedby": describedBy || undefined };
  };
  const fieldError = (field: Field) =>
    errors[field] ? (
      <span id={`${ids[field]}-error`} className={styles.fieldError}>
        {errors[field]}
      </span>
    ) : null;

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
