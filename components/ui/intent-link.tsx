"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * The app's link: it prefetches its page once a person shows they may follow
 * it (pointer over it, keyboard focus, a touch), not as soon as it is on
 * screen. Every page is rendered per request, so a prefetch on sight is a
 * server render with its store reads, beside the page's own figures: the
 * shell's seven links made each page load render seven other pages (twice,
 * as the router's state settled), and a profile's campaigns eight journeys;
 * at a million contacts the Overview's one request took 357 ms instead of
 * ~150, and the page was done after about a second. (Rows of long tables
 * link with `next/link` and no prefetch at all.)
 */
export function IntentLink({ onPointerEnter, onFocus, onTouchStart, ...props }: Omit<ComponentProps<typeof Link>, "prefetch">) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      // null: Next's own prefetch once intent is shown; false: none before.
      prefetch={intent ? null : false}
      onPointerEnter={(e) => {
        setIntent(true);
        onPointerEnter?.(e);
      }}
      onFocus={(e) => {
        setIntent(true);
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        setIntent(true);
        onTouchStart?.(e);
      }}
    />
  );
}
