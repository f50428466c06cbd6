"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * A link that prefetches its page once a person shows they may follow it
 * (pointer over it, keyboard focus, a touch), not as soon as it is on screen.
 * The shell's links are on every page: prefetched on sight, each page load
 * asked the server to render seven other pages (twice, as the router's state
 * settled), and on two cores those renders ran beside the page's own
 * figures: at a million contacts the Overview's one request took 357 ms
 * instead of ~60, and the page was done after about a second.
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
