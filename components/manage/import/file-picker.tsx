"use client";

import { useEffect, useId, useRef, useState, type DragEvent } from "react";
import { formatBytes } from "@/components/ui/format";
import manage from "../manage.module.css";
import styles from "./import.module.css";

/** Step 1: a CSV file, from the file dialog or dropped on the zone. */
export function FilePicker({ file, onFile, disabled }: { file: File | null; onFile: (file: File) => void; disabled?: boolean }) {
  const inputId = useId();
  const hintId = useId();
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // A file chosen while the page was still loading, before this script could hear the choice, is used now.
  useEffect(() => {
    const early = input.current?.files?.[0];
    if (!early || !input.current) return;
    input.current.value = "";
    onFile(early);
    // Once, on the first render in the browser.
  }, []);

  // A file dropped beside the zone would otherwise make the browser leave the page to open it.
  useEffect(() => {
    const stop = (e: globalThis.DragEvent) => {
      if (e.dataTransfer?.types.includes("Files")) e.preventDefault();
    };
    window.addEventListener("dragover", stop);
    window.addEventListener("drop", stop);
    return () => {
      window.removeEventListener("dragover", stop);
      window.removeEventListener("drop", stop);
    };
  }, []);

  function over(e: DragEvent) {
    if (disabled || !e.dataTransfer.types.includes("Files")) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
    setDragging(true);
  }

  function drop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped && !disabled) onFile(dropped);
  }

  return (
    <div
      className={styles.dropzone}
      data-dragging={dragging || undefined}
      data-has-file={file ? true : undefined}
      onDragOver={over}
      onDragEnter={over}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={drop}
    >
      <svg width="28" height="28" viewBox="0 0 24 24" fill="none" aria-hidden="true" className={styles.dropIcon}>
        <path
          d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8l-5-5Zm0 0v5h5M12 17v-6m0 0-2.5 2.5M12 11l2.5 2.5"
          stroke="currentColor"
          strokeWidth="1.7"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {file ? (
        <p className={styles.fileName}>
          <strong>{file.name}</strong> <span className={manage.muted}>· {formatBytes(file.size)}</span>
        </p>
      ) : (
        <p className={styles.dropText}>{dragging ? "Drop the file to use it" : "Drag a CSV file here, or"}</p>
      )}
      <input
        ref={input}
        id={inputId}
        type="file"
        accept=".csv,text/csv"
        className={`visually-hidden ${styles.fileInput}`}
        disabled={disabled}
        aria-describedby={hintId}
        onChange={(e) => {
          const chosen = e.currentTarget.files?.[0];
          // Cleared, so choosing the same file again (after fixing it) is seen as a change.
          e.currentTarget.value = "";
          if (chosen) onFile(chosen);
        }}
      />
      <label htmlFor={inputId} className={`btn ${file ? "btn-small" : "btn-primary"}`} aria-disabled={disabled || undefined}>
        {file ? "Choose another file" : "Choose a CSV file"}
      </label>
      <p id={hintId} className={manage.hint}>
        CSV with a header row naming the columns, like <code>phone,name,email,tags</code>; commas, semicolons, tabs or
        bars between them. One row per contact; any size — the file is read as it uploads.
      </p>
    </div>
  );
}
