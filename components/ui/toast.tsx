"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import styles from "./toast.module.css";

type Tone = "success" | "error";
interface Toast {
  id: number;
  message: string;
  tone: Tone;
}

/** How long a toast stays; an error stays until closed, since it may need reading twice. */
const SHOWN_MS = 4000;

const ToastContext = createContext<((message: string, tone?: Tone) => void) | null>(null);

/**
 * Short news of something done in the background — "Copied", "Saved", a
 * failed background action — in one polite live region at the corner of the
 * screen, so a screen reader hears it and nobody's layout jumps.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback((message: string, tone: Tone = "success") => {
    const id = nextId.current++;
    // The same news twice in a row is one toast, shown afresh.
    setToasts((all) => [...all.filter((t) => t.message !== message), { id, message, tone }]);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className={styles.region} role="status" aria-live="polite" aria-label="Notifications">
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} onClose={() => dismiss(t.id)} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onClose }: { toast: Toast; onClose: () => void }) {
  useEffect(() => {
    if (toast.tone === "error") return;
    const timer = setTimeout(onClose, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [toast, onClose]);
  return (
    <div className={styles.toast} data-tone={toast.tone}>
      <span>{toast.message}</span>
      <button type="button" className={styles.close} aria-label="Dismiss" onClick={onClose}>
        ×
      </button>
    </div>
  );
}

/** `toast("Copied")`, `toast("The tag was not archived: …", "error")`. Outside a provider it does nothing. */
export function useToast(): (message: string, tone?: Tone) => void {
  return useContext(ToastContext) ?? noop;
}

function noop() {}
