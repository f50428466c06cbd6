import { parseError } from "@clickhouse/client";
import type { Store } from "@/clickhouse/client";

/** What ClickHouse says when a parameter does not parse: the text that must never reach a caller. */
export const ENGINE_TEXT =
  "Code: 41. DB::Exception: Cannot parse DateTime: value 0 cannot be parsed as DateTime64(3) for query parameter 'p0'. (CANNOT_PARSE_DATETIME)";

/**
 * The real store, except that a statement or insert `fails` picks rejects with
 * the engine's own error (as the client parses it). Everything else runs on
 * the real store: this forces one failure, it does not stand in for ClickHouse.
 */
export function storeFailingWhen(real: Store, fails: (what: { sql: string; params: Record<string, unknown> }) => boolean): Store {
  const engineError = () => Promise.reject(parseError(ENGINE_TEXT));
  return {
    ...real,
    query: (sql, params = {}, options) => (fails({ sql, params }) ? engineError() : real.query(sql, params, options)),
    command: (sql, params = {}, options) => (fails({ sql, params }) ? engineError() : real.command(sql, params, options)),
    insert: (table, rows, options) => (fails({ sql: `INSERT INTO ${table}`, params: {} }) ? engineError() : real.insert(table, rows, options)),
    insertTabSeparated: (table, columns, body, options) =>
      fails({ sql: `INSERT INTO ${table}`, params: {} }) ? engineError() : real.insertTabSeparated(table, columns, body, options),
  };
}

/** Fails every statement whose parameters mention `marker` (a tag, a phone, a workspace id). */
export function storeFailingOn(real: Store, marker: string): Store {
  return storeFailingWhen(real, ({ params }) => JSON.stringify(params).includes(marker));
}

/**
 * The real store, where `failNext(report)` makes the next statement or insert
 * of that report fail, as a process stopping right there would leave it: not run.
 */
export function failingNext(real: Store) {
  let failing: string | null = null;
  const fails = (report: string | undefined) => {
    if (failing === null || report !== failing) return false;
    failing = null;
    return true;
  };
  const stopped = () => Promise.reject(new Error("the store went away"));
  const store: Store = {
    ...real,
    command: (sql, params, options) => (fails(options?.report) ? stopped() : real.command(sql, params, options)),
    insert: (table, rows, options) => (fails(options?.report) ? stopped() : real.insert(table, rows, options)),
  };
  return { store, failNext: (report: string) => void (failing = report) };
}
