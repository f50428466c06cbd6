"use client";

import type { FieldError as RhfFieldError } from "react-hook-form";
import { sentence } from "./sentence";

/**
 * A field's error next to the field, announced as it appears; the input
 * points at it with aria-describedby (fieldAria) and says aria-invalid.
 */
export function FieldError({ id, error, className }: { id: string; error: RhfFieldError | undefined; className?: string }) {
  if (!error?.message) return null;
  return (
    <span id={id} className={className} role="alert">
      {sentence(error.message)}
    </span>
  );
}

/** aria-invalid and aria-describedby for an input: its error first when it has one, then its hints. */
export function fieldAria(error: RhfFieldError | undefined, errorId: string, ...hintIds: Array<string | undefined>) {
  const ids = [error ? errorId : undefined, ...hintIds].filter(Boolean).join(" ");
  return { "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined } as const;
}
