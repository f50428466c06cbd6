"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { nextTabIndex } from "./tab-keys";
import styles from "./tabs.module.css";

/** Moves focus among a bar's items with the arrow keys; Tab itself leaves the bar (roving tabindex). */
function useRovingFocus(count: number, onMove?: (index: number) => void) {
  const items = useRef<Array<HTMLElement | null>>([]);
  function onKeyDown(event: KeyboardEvent<HTMLElement>, index: number) {
    const next = nextTabIndex(event.key, index, count);
    if (next === null) return;
    event.preventDefault();
    items.current[next]?.focus();
    onMove?.(next);
  }
  const ref = (index: number) => (el: HTMLElement | null) => {
    items.current[index] = el;
  };
  return { ref, onKeyDown };
}

export interface TabItem<K extends string> {
  key: K;
  label: ReactNode;
}

/**
 * In-page tabs (WAI-ARIA tabs pattern): one tab stop, arrow keys, Home and End
 * move and select, the selected tab has aria-selected. The panel it controls
 * is `<TabPanel>` with the same `idPrefix`.
 */
export function Tabs<K extends string>({
  label,
  idPrefix,
  items,
  value,
  onChange,
}: {
  label: string;
  idPrefix: string;
  items: ReadonlyArray<TabItem<K>>;
  value: K;
  onChange: (key: K) => void;
}) {
  const roving = useRovingFocus(items.length, (i) => onChange(items[i].key));
  return (
    <div role="tablist" aria-label={label} className={styles.tabs}>
      {items.map((item, i) => {
        const selected = item.key === value;
        return (
          <button
            key={item.key}
            ref={roving.ref(i)}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${item.key}`}
            aria-selected={selected}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={selected ? 0 : -1}
            className={styles.tab}
            onClick={() => onChange(item.key)}
            onKeyDown={(e) => roving.onKeyDown(e, i)}
          >
            {item.label}
          </button>
        );
      })}
    </div>
  );
}

/** The content of the selected tab of `<Tabs idPrefix>`. */
export function TabPanel({ idPrefix, value, children }: { idPrefix: string; value: string; children: ReactNode }) {
  return (
    <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${value}`} tabIndex={0} className={styles.panel}>
      {children}
    </div>
  );
}

/**
 * Tabs that are pages (Manage): links, so each has its own URL and Back
 * works, marked aria-current; the arrow keys move between them like tabs.
 */
export function TabLinks({ label, items, current }: { label: string; items: ReadonlyArray<{ key: string; label: ReactNode; href: string }>; current: string | undefined }) {
  const roving = useRovingFocus(items.length);
  const active = Math.max(0, items.findIndex((item) => item.key === current));
  return (
    <nav aria-label={label} className={styles.tabs}>
      <ul>
        {items.map((item, i) => (
          <li key={item.key}>
            <IntentLink
              ref={roving.ref(i)}
              href={item.href}
              className={styles.tab}
              aria-current={item.key === current ? "page" : undefined}
              tabIndex={i === active ? 0 : -1}
              onKeyDown={(e) => roving.onKeyDown(e, i)}
            >
              {item.label}
            </IntentLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
