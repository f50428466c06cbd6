"use client";

import { useEffect, type RefObject } from "react";

/** What a person does to move on their own: from then on the page is theirs to scroll. */
const OWN_MOVES = ["wheel", "touchmove", "keydown", "pointerdown"] as const;

/**
 * Brings `ref` to the top of the screen with the keyboard on it when it
 * opens, and keeps it there while the page above it is still settling (a
 * panel that finishes loading grows and would push it back off-screen, which
 * makes a click seem to do nothing), until the person scrolls, clicks or
 * types themselves.
 */
export function useKeepInView(ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    let theirs = false;
    const release = () => {
      theirs = true;
    };
    const bring = () => {
      if (!theirs) el.scrollIntoView?.({ block: "start" });
    };
    bring();
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(bring);
    observer?.observe(document.body);
    for (const e of OWN_MOVES) window.addEventListener(e, release, { passive: true, capture: true });
    return () => {
      observer?.disconnect();
      for (const e of OWN_MOVES) window.removeEventListener(e, release, { capture: true });
    };
  }, [ref]);
}
