"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ImportReport } from "@/server/ingestion/csv-import";
import type { ImportOptions } from "@/server/schemas/import";

export type { ImportReport };

/** The running counts of a `{"type":"progress"}` line. */
export interface ImportProgress {
  rows: number;
  imported: number;
  updated: number;
  rejectedCount: number;
  bytesRead: number;
}

export type ImportState =
  | { status: "idle" }
  | { status: "running"; file: File; progress: ImportProgress | null }
  | { status: "done"; file: File; report: ImportReport }
  | { status: "failed"; file: File; message: string; progress: ImportProgress | null; fields?: Record<string, string> };

type Line =
  | ({ type: "progress" } & ImportProgress)
  | { type: "done"; report: ImportReport }
  | { type: "error"; message: string };

const LOST =
  "The connection to ChatLens closed before the import finished. Rows read before that were kept; importing the same file again is safe — rows already in change nothing.";

/**
 * Sends the file to `POST /api/w/<workspace>/import` as the raw body and reads the
 * NDJSON answer as it streams: progress lines, then a report or an error.
 */
export function useImport(workspaceId: string) {
  const [state, setState] = useState<ImportState>({ status: "idle" });
  const controller = useRef<AbortController | null>(null);
  // Leaving the page stops reading the answer (the server finishes the rows it has).
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (file: File, options: ImportOptions) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      let progress: ImportProgress | null = null;
      const fail = (message: string, fields?: Record<string, string>) => setState({ status: "failed", file, message, progress, fields });
      setState({ status: "running", file, progress });

      let response: Response;
      try {
        response = await fetch(
          `/api/w/${encodeURIComponent(workspaceId)}/import?options=${encodeURIComponent(JSON.stringify(options))}`,
          { method: "POST", body: file, headers: { "content-type": "text/csv" }, signal: abort.signal },
        );
      } catch (err) {
        if (abort.signal.aborted) return;
        return fail(`The file could not be sent: ${(err as Error).message}. Check your connection and try again.`);
      }
      if (!response.ok || !response.body) {
        const refused = await refusal(response);
        return fail(refused.message, refused.fields);
      }

      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = "";
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (value) buffered += value;
          const lines = buffered.split("\n");
          buffered = done ? "" : (lines.pop() ?? "");
          for (const text of lines) {
            if (!text.trim()) continue;
            const line = JSON.parse(text) as Line;
            if (line.type === "progress") {
              progress = {
                rows: line.rows,
                imported: line.imported,
                updated: line.updated,
                rejectedCount: line.rejectedCount,
                bytesRead: line.bytesRead,
              };
              setState({ status: "running", file, progress });
            } else if (line.type === "done") {
              return setState({ status: "done", file, report: line.report });
            } else if (line.type === "error") {
              return fail(line.message);
            }
          }
          if (done) break;
        }
      } catch (err) {
        if (abort.signal.aborted) return;
        return fail(err instanceof SyntaxError ? "ChatLens answered with something that is not an import report. Try again in a moment." : LOST);
      }
      fail(LOST);
    },
    [workspaceId],
  );

  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ status: "idle" });
  }, []);

  return { state, start, reset };
}

/** Why the server refused the import, from its `{ error, fields }` body when it sent one. */
async function refusal(response: Response): Promise<{ message: string; fields?: Record<string, string> }> {
  if (response.status === 401) return { message: "Your session has ended. Sign in again to continue." };
  let body: { error?: string; fields?: Record<string, string> } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // not JSON
  }
  if (body.error) return { message: body.error, fields: body.fields };
  if (response.status === 413) return { message: "The file is larger than this server accepts. Split it into smaller files." };
  return {
    message:
      response.status >= 500 ? "The import could not start because of a server error. Try again in a moment." : `The import was refused (HTTP ${response.status}).`,
  };
}
