"use client";

import { useEffect, useRef, useState } from "react";
import styles from "./manage.module.css";

/**
 * Copies `text`. The Clipboard API only exists on secure origins (https or
 * localhost); elsewhere it falls back to selecting the text in `fallbackInput`
 * so the browser's own copy command works, and says to press Ctrl+C if even
 * that is refused.
 */
export function CopyButton({
  text,
  label = "Copy",
  describedBy,
  fallbackInput,
}: {
  text: string;
  label?: string;
  describedBy?: string;
  fallbackInput?: React.RefObject<HTMLInputElement | null>;
}) {
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    let ok = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        ok = true;
      }
    } catch {
      ok = false;
    }
    if (!ok && fallbackInput?.current) {
      fallbackInput.current.focus();
      fallbackInput.current.select();
      try {
        ok = document.execCommand("copy");
      } catch {
        ok = false;
      }
    }
    setState(ok ? "copied" : "manual");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), 2500);
  }

  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => void copy()} aria-describedby={describedBy}>
        {label}
      </button>
      <span role="status" className={styles.copied}>
        {state === "copied" ? "Copied" : state === "manual" ? "Press Ctrl+C to copy" : ""}
      </span>
    </>
  );
}
