"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * The app's origin as the browser sees it (the address people paste into Meta
 * or their scripts), or null while rendering on the server.
 */
export function useOrigin(): string | null {
  return useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => null,
  );
}
