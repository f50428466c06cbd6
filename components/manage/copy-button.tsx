"use client";

import { useToast } from "@/components/ui/toast";

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
  const toast = useToast();

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
    if (ok) toast("Copied");
    else toast("Copying was refused: press Ctrl+C to copy", "error");
  }

  return (
    <button type="button" className="btn btn-small" onClick={() => void copy()} aria-describedby={describedBy}>
      {label}
    </button>
  );
}
