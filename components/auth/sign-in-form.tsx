"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import styles from "./sign-in-form.module.css";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setError(null);
    setPending(true);
    try {
      const result = await signIn("credentials", { redirect: false, email, password });
      if (!result || result.error || !result.ok) {
        setError("Wrong email or password.");
        setPending(false);
        return;
      }
      // A full load, not a client navigation: the server layout must see the new session cookie.
      window.location.assign(callbackUrl);
    } catch {
      setError("ChatLens could not be reached. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={onSubmit}>
      {error ? (
        <div role="alert" className="alert">
          {error}
        </div>
      ) : null}
      <div className={styles.field}>
        <label htmlFor="signin-email">Email</label>
        <input
          id="signin-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          placeholder="you@company.com"
        />
      </div>
      <div className={styles.field}>
        <label htmlFor="signin-password">Password</label>
        <input id="signin-password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" className={`btn btn-primary ${styles.submit}`} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
