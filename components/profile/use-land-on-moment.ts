"use client";

import { useEffect, useRef } from "react";

/**
 * A link to a moment of a chat (?at=…, "Open chat" on Unresolved) lands on
 * the journey at that moment, not at the top of a 5,000 px profile: once the
 * journey the page opened with has loaded, its heading is scrolled to the top
 * (below the sticky section index). Later jumps, made on the journey itself,
 * leave the scroll alone; so does a profile opened without a moment.
 */
export function useLandOnMoment(at: string | undefined, loaded: boolean, headingId: string) {
  const openedAt = useRef(at);
  const landed = useRef(false);
  useEffect(() => {
    if (landed.current || !openedAt.current || !loaded) return;
    landed.current = true;
    document.getElementById(headingId)?.scrollIntoView({ block: "start" });
  }, [loaded, headingId]);
}
