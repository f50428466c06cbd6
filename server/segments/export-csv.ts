import type { Store } from "@/clickhouse/client";
import { compileSegment } from "@/clickhouse/queries/segments/compile";
import { exportPage } from "@/clickhouse/queries/segments/export";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";

/** Rows per read: big enough that a million contacts is ~50 reads, small enough to stay a few MB. */
export const EXPORT_PAGE_ROWS = 20_000;

/** One CSV field: quoted when it must be, and never read as a formula by a spreadsheet. */
export function csvField(value: string, opts: { phone?: boolean } = {}): string {
  // A leading =, +, - or @ makes Excel run the cell; phones keep their + (E.164) as they are digits only.
  const safe = !opts.phone && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The audience as a CSV stream: phone (E.164), name, the chosen attributes,
 * tags. Pull-based, so a slow download slows the reads instead of filling
 * memory; each pull reads one page (keyset on the phone) from ClickHouse.
 */
export function segmentCsvStream(
  store: Store,
  workspaceId: string,
  tree: FilterTree,
  opts: { attributes: string[]; attributeTypes: ReadonlyMap<string, string>; now: Date; pageRows?: number },
): ReadableStream<Uint8Array> {
  const compiled = compileSegment(tree, opts.now, opts.attributeTypes);
  const encoder = new TextEncoder();
  const pageRows = opts.pageRows ?? EXPORT_PAGE_ROWS;
  let after = "";
  let headerSent = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(["phone", "name", ...opts.attributes, "tags"].map((h) => csvField(h)).join(",") + "\r\n"));
        return;
      }
      if (done) return;
      try {
        const rows = await exportPage(store, workspaceId, compiled, { after, limit: pageRows, attributes: opts.attributes });
        if (rows.length) {
          after = rows[rows.length - 1].contact;
          const text = rows
            .map((r) =>
              [csvField(r.contact, { phone: true }), csvField(r.name), ...opts.attributes.map((a) => csvField(r.attributes[a] ?? "")), csvField(r.tags.join("; "))].join(","),
            )
            .join("\r\n");
          controller.enqueue(encoder.encode(text + "\r\n"));
        }
        if (rows.length < pageRows) {
          done = true;
          controller.close();
        }
      } catch (err) {
        console.error("segment export failed:", err);
        controller.error(err);
      }
    },
  });
}
