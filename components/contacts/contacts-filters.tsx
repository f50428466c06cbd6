"use client";

import { useEffect, useRef, useState } from "react";
import { formatNumber } from "@/components/ui/format";
import { Select } from "@/components/ui/select";
import { statusLabel } from "./columns";
import { hasFilters, STATUS_FILTERS, type ContactsTableState, type ContactStatusFilter } from "./url-state";
import styles from "./contacts.module.css";

interface FilterOption {
  value: string;
  label: string;
  contacts: number;
}

/** Typing pauses this long before the list is asked again. */
const SEARCH_DEBOUNCE_MS = 300;

export function ContactsFilters({
  state,
  sources,
  tags,
  onSearch,
  onFilter,
  onClear,
}: {
  state: ContactsTableState;
  /** Undefined while the options load. */
  sources: FilterOption[] | undefined;
  tags: FilterOption[] | undefined;
  onSearch: (q: string) => void;
  onFilter: (change: Partial<Pick<ContactsTableState, "status" | "source" | "tag">>) => void;
  onClear: () => void;
}) {
  return (
    <div className={styles.filters}>
      <div className={styles.filterRow}>
        <SearchBox value={state.q} onSearch={onSearch} />
        <Select label="Source" hideLabel value={state.source ?? ""} onChange={(e) => onFilter({ source: e.target.value || undefined })} data-active={state.source ? true : undefined}>
          <option value="">All sources</option>
          {withCurrent(sources, state.source).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
              {o.contacts >= 0 ? ` (${formatNumber(o.contacts)})` : ""}
            </option>
          ))}
        </Select>
        <Select label="Tag" hideLabel value={state.tag ?? ""} onChange={(e) => onFilter({ tag: e.target.value || undefined })} data-active={state.tag ? true : undefined}>
          <option value="">All tags</option>
          {withCurrent(tags, state.tag).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
              {o.contacts >= 0 ? ` (${formatNumber(o.contacts)})` : ""}
            </option>
          ))}
        </Select>
        {hasFilters(state) ? (
          <button type="button" className={styles.clear} onClick={onClear}>
            Clear filters
          </button>
        ) : null}
      </div>
      <div role="group" aria-label="Status" className={styles.segmented}>
        <button type="button" aria-pressed={!state.status} onClick={() => onFilter({ status: undefined })}>
          All statuses
        </button>
        {STATUS_FILTERS.map((s: ContactStatusFilter) => (
          <button key={s} type="button" aria-pressed={state.status === s} onClick={() => onFilter({ status: s })} data-status={s}>
            <span className={styles.dot} aria-hidden="true" />
            {statusLabel(s)}
          </button>
        ))}
      </div>
    </div>
  );
}

/** A value from a shared link stays selectable even before (or without) the options that list it. */
function withCurrent(options: FilterOption[] | undefined, current: string | undefined): FilterOption[] {
  const list = options ?? [];
  return current && !list.some((o) => o.value === current) ? [{ value: current, label: current, contacts: -1 }, ...list] : list;
}

function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [draft, setDraft] = useState(value);
  const sent = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The URL changed under us (Back, Clear filters, a shared link): show what it says.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setDraft(value);
    }
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  function send(next: string) {
    clearTimeout(timer.current);
    if (next.trim() === sent.current.trim()) return;
    sent.current = next.trim();
    onSearch(next.trim());
  }

  return (
    <form
      role="search"
      className={styles.search}
      onSubmit={(e) => {
        e.preventDefault();
        send(draft);
      }}
    >
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="m10.5 10.5 3 3" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <input
        type="search"
        aria-label="Search contacts"
        placeholder="Search phone, name or attribute value"
        maxLength={100}
        value={draft}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => send(next), SEARCH_DEBOUNCE_MS);
        }}
      />
    </form>
  );
}
