import type { Store } from "@/clickhouse/client";

export interface StoreTimings {
  /** Milliseconds and calls per kind of statement. */
  byKind: Map<string, { ms: number; calls: number }>;
}

/** What a statement is, for the ingestion breakdown. */
function kindOf(sql: string, table?: string): string {
  if (table) return `insert ${table}`;
  if (/\bFROM\s+event_ids\b/i.test(sql)) return "dedupe (event_ids)";
  if (/\bFROM\s+outbound_messages\b/i.test(sql)) return "campaign lookup (outbound_messages)";
  if (/\bFROM\s+contact_state\b/i.test(sql)) return "first-message lookup (contact_state)";
  if (/\bFROM\s+tag_definitions\b/i.test(sql)) return "tag definitions";
  return "other";
}

/** Statements by the report they name (client.ts), for a path whose reports tell its steps apart. */
export const byReport = (sql: string, table?: string, report?: string) => report ?? kindOf(sql, table);

/** The same store, timing every call by kind (kindOf, or `kind`). */
export function timedStore(
  inner: Store,
  kind: (sql: string, table?: string, report?: string) => string = kindOf,
): { store: Store; timings: StoreTimings; reset: () => void } {
  const timings: StoreTimings = { byKind: new Map() };
  const add = (kind: string, ms: number) => {
    const t = timings.byKind.get(kind) ?? { ms: 0, calls: 0 };
    t.ms += ms;
    t.calls += 1;
    timings.byKind.set(kind, t);
  };
  const timed = async <T>(kind: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      add(kind, performance.now() - t);
    }
  };
  const store: Store = {
    ...inner,
    query: (sql, params, options) => timed(kind(sql, undefined, options?.report), () => inner.query(sql, params, options)),
    command: (sql, params, options) => timed(kind === kindOf ? "command" : kind(sql, undefined, options?.report), () => inner.command(sql, params, options)),
    insert: (table, rows, options) => timed(kind("", table, options?.report), () => inner.insert(table, rows, options)),
    insertTabSeparated: (table, columns, body, options) =>
      timed(kind("", table, options?.report), () => inner.insertTabSeparated(table, columns, body, options)),
  };
  return { store, timings, reset: () => timings.byKind.clear() };
}
