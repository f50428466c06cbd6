"use client";

import { useState, type FormEvent } from "react";
import styles from "./sign-in-form.module.css";

/**
 * A form that posts to /api/sign-in by itself, so it works before (or
 * without) its script: the password only ever travels in a POST body. The
 * script, once loaded, sends the same post with fetch to show a refusal in
 * place instead of reloading the page.
 */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setError(null);
    setPending(true);
    try {
      const res = await fetch(form.action, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" } });
      const body = (await res.json().catch(() => null)) as { redirect?: string; error?: string } | null;
      if (res.ok && body?.redirect) {
        // A full load, not a client navigation: the server layout must see the new session cookie.
        window.location.assign(body.redirect);
        return;
      }
      setError(body?.error ?? "ChatLens could not sign you in. Try again in a moment.");
      setPending(false);
    } catch {
      setError("ChatLens could not be reached. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <form className={styles.form} method="post" action="/api/sign-in" onSubmit={onSubmit}>
      {error ? (
        <div role="alert" className="alert">
          {error}
        </div>
      ) : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
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
