"use client";

import styles from "./char-limit.module.css";

/** Characters as people count them (an emoji is one), as the server's limits count them. */
export const charCount = (value: string) => [...value].length;

/** Whether a value is over its limit; a form refuses it instead of cutting it. */
export const overLimit = (value: string, max: number) => charCount(value) > max;

/**
 * "42 / 60" under a field, so a limit is visible while typing; over the limit
 * it turns red and says so. Inputs carry no maxLength: a browser cuts a
 * pasted text silently at maxLength, and the person never learns what was lost.
 */
export function CharLimit({ id, value, max }: { id?: string; value: string; max: number }) {
  const n = charCount(value);
  const over = n > max;
  return (
    <span id={id} className={over ? styles.over : styles.count} aria-live={over ? "polite" : "off"}>
      {n} / {max}
      {over ? ` — ${n - max} too many` : ""}
    </span>
  );
}
