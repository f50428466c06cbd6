import type { Store } from "@/clickhouse/client";
import { DERIVED_EVENT_ID_SQL } from "@/clickhouse/vocabulary/derived-events";
import { fmt, formatTable } from "./stats";

const SYSTEM = { report: "bench:storage", tenant: "exempt: the bench measures the whole store on disk" } as const;

/**
 * Bytes on disk per table and per received event, everything included. The
 * log also holds rows the store derives (derived-events.ts: a broadcast tag per
 * campaign message, first-message tags, opt-outs), a tenth of the large demo's
 * rows; dividing by them too would make the store look smaller the more it
 * derives, so they are counted apart.
 */
export async function storageReport(store: Store): Promise<{ events: number; bytes: number }> {
  const tables = await store.query<{ table: string; bytes: string; rows: string }>(
    `SELECT table, sum(bytes_on_disk) AS bytes, sum(rows) AS rows
     FROM system.parts
     WHERE active AND database = currentDatabase()
     GROUP BY table
     ORDER BY bytes DESC`,
    {},
    SYSTEM,
  );
  const [log] = await store.query<{ rows: string; derived: string }>(
    `SELECT count() AS rows, countIf(${DERIVED_EVENT_ID_SQL}) AS derived FROM events`,
    {},
    SYSTEM,
  );
  const events = Number(log.rows) - Number(log.derived);
  const bytes = tables.reduce((n, t) => n + Number(t.bytes), 0);
  const mib = (b: number) => Number((b / 2 ** 20).toFixed(1));
  console.log(
    formatTable(
      ["table", "MiB", "rows", "bytes per received event"],
      [
        ...tables.filter((t) => Number(t.bytes) >= 2 ** 20).map((t) => [t.table, mib(Number(t.bytes)), Number(t.rows), Number((Number(t.bytes) / Math.max(1, events)).toFixed(1))]),
        ["all tables", mib(bytes), events, Number((bytes / Math.max(1, events)).toFixed(1))],
      ],
    ),
  );
  console.log(
    `[bench] per received event: ${fmt(events)} received events; the log's ${fmt(Number(log.rows))} rows also hold ${fmt(Number(log.derived))} ` +
      `the store derived (${(bytes / Math.max(1, Number(log.rows))).toFixed(1)} bytes per log row)`,
  );
  return { events, bytes };
}
