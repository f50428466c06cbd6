import type { Store } from "@/clickhouse/client";
import { compileSegment, type SegmentClock } from "@/clickhouse/queries/segments/compile";
import { exportPage, type ExportRow } from "@/clickhouse/queries/segments/export";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { logInternalError } from "../internal-error";

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
 * tags. The first page is read before the stream is returned, so a store that
 * fails is an error the route can answer with a status, not a 200 whose body
 * stops after the header. Later pages are pulled, so a slow download slows the
 * reads instead of filling memory; each pull reads one page (keyset on the
 * phone). A later page that fails ends the stream with an error, which the
 * browser shows as a failed download rather than a short file.
 */
export async function segmentCsvStream(
  store: Store,
  workspaceId: string,
  tree: FilterTree,
  opts: {
    attributes: string[];
    attributeTypes: ReadonlyMap<string, string>;
    /** Now and the workspace's zone, for relative and day conditions. */
    clock: SegmentClock;
    pageRows?: number;
    /** What the tags column says for a tag ("Broadcast · Summer sale" for a broadcast tag); the tag itself by default. */
    tagLabel?: (tag: string) => string;
    /** Contacts opted out of marketing are left out unless this is true. */
    includeOptedOut?: boolean;
  },
): Promise<ReadableStream<Uint8Array>> {
  const compiled = compileSegment(tree, opts.clock, opts.attributeTypes);
  const encoder = new TextEncoder();
  const pageRows = opts.pageRows ?? EXPORT_PAGE_ROWS;
  const readPage = (after: string) => exportPage(store, workspaceId, compiled, { after, limit: pageRows, attributes: opts.attributes, includeOptedOut: opts.includeOptedOut ?? false });
  const tagLabel = opts.tagLabel ?? ((tag: string) => tag);
  const toCsv = (rows: ExportRow[]) =>
    rows
      .map((r) => [csvField(r.contact, { phone: true }), csvField(r.name), ...opts.attributes.map((a) => csvField(r.attributes[a] ?? "")), csvField(r.tags.map(tagLabel).join("; "))].join(",") + "\r\n")
      .join("");

  const first = await readPage("");
  const header = ["phone", "name", ...opts.attributes, "tags"].map((h) => csvField(h)).join(",") + "\r\n";
  let pending: string | null = header + toCsv(first);
  // The next page is read while this one is encoded and sent (one page ahead, a few MB): the
  // store and the download overlap instead of taking turns. A failure waits for its pull.
  const ahead = (after: string) => {
    const page = readPage(after);
    page.catch(() => {});
    return page;
  };
  let next = first.length ? ahead(first[first.length - 1].contact) : null;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pending !== null) {
        controller.enqueue(encoder.encode(pending));
        pending = null;
        if (next === null) controller.close();
        return;
      }
      let rows: ExportRow[];
      try {
        rows = await next!;
      } catch (err) {
        logInternalError(`segment export of workspace ${workspaceId}`, err);
        controller.error(new Error("The export stopped: the store failed to read the next page."));
        return;
      }
      // Only an empty page ends the file: a page may come short when contacts leave the audience while it is read.
      if (rows.length === 0) return controller.close();
      next = ahead(rows[rows.length - 1].contact);
      controller.enqueue(encoder.encode(toCsv(rows)));
    },
  });
}
