"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * A piece of a page's state kept in its URL, so a link shares it and Back
 * returns to it (after "Open chat", say). Writes replace the history entry:
 * typing a search must not add one per keystroke. `fallback` is the value
 * when the URL has none, and is left out of the URL.
 */
export function useUrlParam(name: string, fallback: string): [string, (next: string) => void] {
  const searchParams = useSearchParams();
  const value = searchParams.get(name) ?? fallback;
  const set = useCallback(
    (next: string) => {
      const params = new URLSearchParams(window.location.search);
      if (next === fallback) params.delete(name);
      else params.set(name, next);
      const query = params.toString();
      // `null` state: Next syncs useSearchParams with a native replaceState only when the state is not its own.
      window.history.replaceState(null, "", `${window.location.pathname}${query ? `?${query}` : ""}`);
    },
    [name, fallback],
  );
  return [value, set];
}
