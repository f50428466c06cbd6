import type { Store } from "@/clickhouse/client";
import { formatTable } from "./stats";

const SYSTEM = { report: "bench:storage", tenant: "exempt: the bench measures the whole store on disk" } as const;

/** Bytes on disk per table and per stored event, everything included. */
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
  const events = Number(tables.find((t) => t.table === "events")?.rows ?? 0);
  const bytes = tables.reduce((n, t) => n + Number(t.bytes), 0);
  const mib = (b: number) => Number((b / 2 ** 20).toFixed(1));
  console.log(
    formatTable(
      ["table", "MiB", "rows", "bytes/event"],
      [
        ...tables.filter((t) => Number(t.bytes) >= 2 ** 20).map((t) => [t.table, mib(Number(t.bytes)), Number(t.rows), Number((Number(t.bytes) / Math.max(1, events)).toFixed(1))]),
        ["all tables", mib(bytes), events, Number((bytes / Math.max(1, events)).toFixed(1))],
      ],
    ),
  );
  return { events, bytes };
}
