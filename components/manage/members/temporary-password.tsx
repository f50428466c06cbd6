"use client";

import { useEffect, useId, useRef } from "react";
import { CopyButton } from "../copy-button";
import type { Invited } from "./invite-form";
import styles from "../manage.module.css";

/** What happened to an invitation; for a new account, its temporary password, shown this once. */
export function TemporaryPassword({ invited, onDone }: { invited: Invited; onDone: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const ids = { title: useId(), warning: useId() };
  useEffect(() => box.current?.focus(), [invited]);

  if (!invited.created || !invited.temporaryPassword) {
    return (
      <p role="status" className={styles.saved}>
        {invited.email} already had a ChatLens account and is now a member here as {invited.role}. They sign in with their own
        password.
      </p>
    );
  }
  return (
    <div ref={box} className={styles.secretBox} role="region" aria-labelledby={ids.title} tabIndex={-1} data-testid="temporary-password">
      <h3 id={ids.title}>Account created for {invited.email}</h3>
      <p id={ids.warning} className={styles.warning}>
        <svg width="16" height="16" viewBox="0 0 24 24" fill="none" aria-hidden="true">
          <path
            d="M12 9v4m0 4h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        Give this temporary password to {invited.email} over a channel you trust. It is shown only now: ChatLens keeps only a
        hash of it.
      </p>
      <div className={styles.copyRow}>
        <input
          ref={input}
          className={`${styles.input} ${styles.mono}`}
          value={invited.temporaryPassword}
          readOnly
          aria-label="Temporary password"
          aria-describedby={ids.warning}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton text={invited.temporaryPassword} label="Copy password" fallbackInput={input} />
      </div>
      <div className={styles.actions}>
        <button type="button" className="btn btn-small" onClick={onDone}>
          I have passed it on
        </button>
      </div>
    </div>
  );
}
