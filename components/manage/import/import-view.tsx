"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc";
import { ErrorState } from "@/components/ui/query-state";
import type { CsvDelimiter } from "@/server/ingestion/csv-dialect";
import { PreviewError, readPreview, type CsvPreview } from "./csv-preview";
import { FilePicker } from "./file-picker";
import { ImportProgress } from "./import-progress";
import { ImportReport } from "./import-report";
import { PreviewTable } from "./preview-table";
import { SeparatorSelect } from "./separator-select";
import { guessUses } from "./mapping";
import { MappingForm, type MatchedOptions } from "./mapping-form";
import { useImport } from "./use-import";
import manage from "../manage.module.css";
import styles from "./import.module.css";
import { refreshQueries } from "@/components/refresh-queries";

type Picked = { file: File; preview: CsvPreview | null; error: string | null };

export function ImportView({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const attributes = useQuery(trpc.attributes.list.queryOptions({ workspaceId }));
  const [picked, setPicked] = useState<Picked | null>(null);
  const { state, start, reset } = useImport(workspaceId);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const pickSeq = useRef(0);

  const preview = picked?.preview ?? null;
  const guessed = preview && attributes.data ? guessUses(preview.header, attributes.data) : null;
  const busy = state.status === "running";
  const showForm = state.status === "idle" || state.status === "failed";

  /** Reads the start of the file, with the separator chosen or (null) the one detected; another separator means other columns. */
  async function choose(file: File, delimiter: CsvDelimiter | null = null) {
    const seq = ++pickSeq.current;
    reset();
    setPicked((current) => ({ file, preview: current?.file === file ? current.preview : null, error: null }));
    try {
      const read = await readPreview(file, delimiter ?? undefined);
      if (seq === pickSeq.current) setPicked({ file, preview: read, error: null });
    } catch (err) {
      if (seq !== pickSeq.current) return;
      setPicked({ file, preview: null, error: err instanceof PreviewError ? err.message : "The file could not be read. Pick it again." });
    }
  }

  function run(matched: MatchedOptions) {
    if (!picked || !preview) return;
    void start(picked.file, {
      ...matched,
      fileLabel: picked.file.name.slice(0, 200),
      // The separator the preview was read with, so the import reads the columns the person matched.
      delimiter: preview.delimiter,
    });
  }

  // Move the reader to the result as the import starts: the form above is put away.
  useEffect(() => {
    if (state.status === "running" && state.progress === null) resultHeading.current?.focus();
  }, [state]);

  // New contacts change the overview's figures.
  useEffect(() => {
    if (state.status === "done") void refreshQueries(queryClient, { queryKey: trpc.overview.pathKey() });
  }, [state.status, queryClient, trpc]);

  return (
    <div className={manage.stack}>
      <section className={manage.panel} aria-labelledby="pick-title">
        <div className={manage.panelHeader}>
          <div>
            <h2 id="pick-title">1. Pick a CSV file</h2>
            <p>Contacts are matched by phone number: new numbers are added, known ones get the file’s name, tags and attributes.</p>
          </div>
        </div>
        <FilePicker file={picked?.file ?? null} onFile={(f) => void choose(f)} disabled={busy} />
        {picked?.error ? (
          <div role="alert" className="alert" style={{ marginTop: 16 }}>
            <strong>This file cannot be imported.</strong>
            {picked.error}
          </div>
        ) : null}
      </section>

      {picked && preview && showForm ? (
        <>
          <section className={manage.panel} aria-labelledby="preview-title">
            <div className={manage.panelHeader}>
              <div>
                <h2 id="preview-title">2. Check the first rows</h2>
                <p>As ChatLens reads them: if the columns look wrong, choose their separator, or fix the file and pick it again.</p>
              </div>
            </div>
            <SeparatorSelect
              delimiter={preview.delimiter}
              detected={preview.detected}
              disabled={busy}
              onChange={(delimiter) => void choose(picked.file, delimiter)}
            />
            <PreviewTable fileName={picked.file.name} preview={preview} />
          </section>

          <section className={manage.panel} aria-labelledby="mapping-title">
            <div className={manage.panelHeader}>
              <div>
                <h2 id="mapping-title">3. Match the columns</h2>
                <p>Prefilled from the column names. Exactly one column must be the phone number.</p>
              </div>
            </div>
            {attributes.isPending ? (
              <MappingSkeleton />
            ) : attributes.isError ? (
              <ErrorState
                what="The workspace’s attributes"
                error={attributes.error}
                onRetry={() => void attributes.refetch()}
                retrying={attributes.isFetching}
              />
            ) : guessed ? (
              // Keyed by the preview: another file or separator is another set of columns, matched afresh.
              <MappingForm
                key={`${picked.file.name}/${picked.file.lastModified}/${preview.delimiter}`}
                header={preview.header}
                rows={preview.rows}
                initialUses={guessed}
                attributes={attributes.data}
                fileProblem={preview.totalRows === 0 ? "The file has a header but no rows under it." : null}
                serverFields={state.status === "failed" ? state.fields : undefined}
                disabled={busy}
                onSubmit={run}
              />
            ) : null}
          </section>
        </>
      ) : null}

      {state.status !== "idle" ? (
        <section className={manage.panel} aria-labelledby="result-title" aria-busy={busy || undefined}>
          <div className={manage.panelHeader}>
            <div>
              <h2 id="result-title" ref={resultHeading} tabIndex={-1} className={styles.focusHeading}>
                {state.status === "running" ? "4. Importing" : state.status === "done" ? "Import report" : "The import stopped"}
              </h2>
            </div>
            {state.status === "done" ? (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  reset();
                  setPicked(null);
                }}
              >
                Import another file
              </button>
            ) : null}
          </div>
          <div className={manage.stack}>
            <ImportProgress
              file={state.file}
              progress={state.status === "done" ? null : state.progress}
              finished={state.status === "done"}
            />
            {state.status === "failed" ? (
              <div role="alert" className="alert">
                <strong>The import stopped.</strong>
                {state.message}
              </div>
            ) : null}
            {state.status === "done" ? <ImportReport fileName={state.file.name} report={state.report} /> : null}
          </div>
        </section>
      ) : null}
    </div>
  );
}

function MappingSkeleton() {
  return (
    <div aria-busy="true" className={manage.stack}>
      <p role="status" className="visually-hidden">
        Loading the workspace’s attributes…
      </p>
      {[0, 1, 2, 3].map((i) => (
        <span key={i} className={manage.skeleton} style={{ width: "100%", height: 36 }} aria-hidden="true" />
      ))}
    </div>
  );
}
