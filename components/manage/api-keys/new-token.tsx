"use client";

import { useEffect, useId, useRef } from "react";
import { CopyButton } from "../copy-button";
import styles from "../manage.module.css";

/** The new key, shown this once: ChatLens keeps only its hash. */
export function NewToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const ids = { title: useId(), warning: useId() };
  // Bring the key to the reader's attention (and a screen reader's) as soon as it appears.
  useEffect(() => box.current?.focus(), [token]);

  return (
    <div ref={box} className={styles.secretBox} role="region" aria-labelledby={ids.title} tabIndex={-1} data-testid="new-api-key">
      <h3 id={ids.title}>Your new key “{name}”</h3>
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
        Copy it now and keep it somewhere safe: it will not be shown again. If it is lost, create a new key and revoke this one.
      </p>
      <div className={styles.copyRow}>
        <input
          ref={input}
          className={`${styles.input} ${styles.mono}`}
          value={token}
          readOnly
          aria-label="API key"
          aria-describedby={ids.warning}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton text={token} label="Copy key" fallbackInput={input} />
      </div>
      <div className={styles.actions}>
        <button type="button" className="btn btn-small" onClick={onDone}>
          I have copied it
        </button>
      </div>
    </div>
  );
}
