import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { CsvError } from "csv-parse";
import type { Store } from "@/clickhouse/client";
import { internalErrorMessage, logInternalError } from "../internal-error";
import { csvProblem } from "./csv-dialect";
import { importOptionsSchema } from "../schemas/import";
import { importContactsCsv, ImportMappingError, type ImportReport } from "./csv-import";

/**
 * Runs a CSV import from an HTTP request and answers with NDJSON: a
 * `{"type":"progress",…}` line per batch, then `{"type":"done","report":…}`
 * or `{"type":"error","message":…}`. The UI draws its progress bar from it;
 * the CLI prints it.
 */
export function importResponse(store: Store, workspaceId: string, req: Request): Response {
  const rawOptions = new URL(req.url).searchParams.get("options");
  let options;
  try {
    options = importOptionsSchema.parse(JSON.parse(rawOptions ?? "{}"));
  } catch (err) {
    const issues = err instanceof SyntaxError ? [] : ((err as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues ?? []);
    const message = err instanceof SyntaxError ? "options must be JSON" : issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    // By option too (the first word on each), so a form can put each on its field.
    const fields = Object.fromEntries(issues.map((i) => [i.path.join("."), i.message] as const).reverse());
    return Response.json({ error: `Bad import options: ${message}`, fields }, { status: 400 });
  }
  if (!req.body) return Response.json({ error: "Send the CSV file as the request body." }, { status: 400 });

  const input = Readable.fromWeb(req.body as unknown as WebReadableStream<Uint8Array>);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (obj: unknown) => controller.enqueue(encoder.encode(JSON.stringify(obj) + "\n"));
      try {
        // Progress lines carry counts only: a batch's line must not repeat the rejected rows or a wide header's columns.
        const progress = ({ rows, imported, updated, unchanged, rejectedCount, bytesRead }: ImportReport) =>
          send({ type: "progress", rows, imported, updated, unchanged, rejectedCount, bytesRead });
        const report = await importContactsCsv(store, workspaceId, input, options, progress);
        send({ type: "done", report });
      } catch (err) {
        if (err instanceof ImportMappingError) {
          send({ type: "error", message: err.message });
        } else if (err instanceof CsvError) {
          // The import reads past every parser error row by row (csv-import.ts); should one still stop it, it is told in words.
          send({ type: "error", message: `The file cannot be read as CSV: ${csvProblem(err.code)}. Rows before it were kept.` });
        } else {
          // The status line went out with the first byte, so the failure is told in the stream (server/internal-error.ts).
          const requestId = logInternalError(`CSV import of workspace ${workspaceId}`, err);
          send({ type: "error", message: `The import stopped because of a server error; rows before it were kept. ${internalErrorMessage(requestId)}`, requestId });
        }
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
}
