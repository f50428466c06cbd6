"use client";

import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { IntentLink } from "@/components/ui/intent-link";
import { useState } from "react";
import { formatNumber, formatPercentSmall } from "@/components/ui/format";
import { EmptyState, ErrorState } from "@/components/ui/query-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { actionsColumn, DetailToggle } from "@/components/ui/table/actions-column";
import { ClientTable } from "@/components/ui/table/client-table";
import { createDataColumnHelper, type DataColumns } from "@/components/ui/table/features";
import { PageHeader } from "@/components/shell/page-header";
import shell from "@/components/shell/shell.module.css";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import type { AppRouter } from "@/server/routers/_app";
import { RenameForm } from "./rename-form";
import { SizeChange } from "./size-change";
import { UploadList } from "./upload-list";
import styles from "./segments.module.css";
import { refreshQueries } from "@/components/refresh-queries";

type Outputs = inferRouterOutputs<AppRouter>["segments"];
/** A saved segment, and its size as far as it is counted yet. */
type Listed = Outputs["list"][number] & { sizing: { data?: Outputs["size"]; isPending: boolean; error: unknown } };

/** Saved segments: their size now, who changed them last; open, duplicate, rename, delete. */
export function SegmentList({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.segments.list.queryOptions({ workspaceId }));
  const role = useQuery(trpc.workspaces.current.queryOptions({ workspaceId }));
  const canEdit = role.data?.role === "admin" || role.data?.role === "marketer";
  const [uploading, setUploading] = useState(false);
  const base = `/w/${encodeURIComponent(workspaceId)}/segments`;

  return (
    <div className={shell.page}>
      <PageHeader
        title="Segments"
        description="Audiences built from tags, attributes, source and behaviour, counted live."
        actions={
          <div className={styles.actions}>
            {canEdit ? (
              <button type="button" className="btn" aria-expanded={uploading} onClick={() => setUploading(!uploading)}>
                Upload a phone list
              </button>
            ) : null}
            <IntentLink href={`${base}/new`} className="btn btn-primary">
              New segment
            </IntentLink>
          </div>
        }
      />
      {canEdit && uploading ? <UploadList workspaceId={workspaceId} onClose={() => setUploading(false)} /> : null}
      {list.isError ? (
        <ErrorState what="The saved segments" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : (
        <section className={styles.panel} aria-labelledby="saved-title">
          <div className={styles.panelHeader}>
            <div>
              <h2 id="saved-title">Saved segments</h2>
              <p>Sizes are counted now, from the latest data.</p>
            </div>
          </div>
          {list.isPending ? (
            <p className={styles.muted} aria-busy="true">
              Loading the saved segments…
            </p>
          ) : list.data.length === 0 ? (
            <EmptyState title="No saved segments yet">
              <IntentLink href={`${base}/new`}>Build a segment</IntentLink>, then save it to find it here.
            </EmptyState>
          ) : (
            <SegmentsTable workspaceId={workspaceId} segments={list.data} base={base} canEdit={canEdit} />
          )}
        </section>
      )}
    </div>
  );
}

type Mode = { segmentId: string; mode: "rename" | "delete" } | null;
const column = createDataColumnHelper<Listed>();

/** The saved segments, one row each; rename and delete open under their row. */
function SegmentsTable({ workspaceId, segments: saved, base, canEdit }: { workspaceId: string; segments: Outputs["list"]; base: string; canEdit: boolean }) {
  const trpc = useTRPC();
  // Each segment is counted on its own; its row fills in when its count comes.
  const sizes = useQueries({ queries: saved.map((s) => trpc.segments.size.queryOptions({ workspaceId, segmentId: s.segmentId })) });
  const segments: Listed[] = saved.map((s, i) => ({ ...s, sizing: sizes[i] }));
  const [open, setOpen] = useState<Mode>(null);
  const actions = useSegmentActions(workspaceId, () => setOpen(null));
  const href = (s: Listed) => `${base}/${encodeURIComponent(s.segmentId)}`;
  const columns: DataColumns<Listed> = [
    column.accessor("name", {
      header: "Name",
      meta: { rowHeader: true },
      cell: ({ row }) => (
        <>
          <IntentLink href={href(row.original)} className={styles.segmentName}>
            {row.original.name}
          </IntentLink>
          {row.original.kind === "static" ? <span className={styles.staticBadge}>Static list</span> : null}
          {row.original.description ? <span className={styles.hint}>{row.original.description}</span> : null}
        </>
      ),
    }),
    column.accessor((s) => s.sizing.data?.size?.matching ?? -1, {
      id: "audience",
      header: "Audience",
      meta: { align: "end" },
      sortDescFirst: true,
      cell: ({ row }) => <Audience sizing={row.original.sizing} />,
    }),
    column.accessor((s) => s.sizing.data?.sizeChange?.change ?? null, {
      id: "change",
      header: "Change",
      meta: { align: "end" },
      sortDescFirst: true,
      cell: ({ row }) => {
        const { data, isPending } = row.original.sizing;
        return isPending ? <span className={styles.muted}>…</span> : <SizeChange change={data?.sizeChange ?? null} />;
      },
    }),
    column.accessor("updatedBy", { header: "Changed by", meta: { truncate: true } }),
    column.accessor("updatedAt", { header: "Changed", cell: ({ row }) => <RelativeTime value={row.original.updatedAt} /> }),
    actionsColumn((s) => (
      <div className={styles.rowActions}>
        <IntentLink href={href(s)} className="btn btn-small">
          Open
        </IntentLink>
        {canEdit ? <EditActions workspaceId={workspaceId} segment={s} actions={actions} open={open} setOpen={setOpen} /> : null}
      </div>
    )),
  ];
  return (
    <ClientTable
      caption="Saved segments, most recently changed first"
      columns={columns}
      data={segments}
      getRowId={(s) => s.segmentId}
      pageSize={50}
      noun="segments"
      renderDetail={(s) => {
        const mode = open?.segmentId === s.segmentId ? open.mode : null;
        const error = actions.errorOf(s.segmentId);
        if (!mode && !error) return null;
        return <SegmentDetail workspaceId={workspaceId} segment={s} mode={mode} error={error} actions={actions} onCancel={() => setOpen(null)} />;
      }}
    />
  );
}

function Audience({ sizing: { data, isPending, error } }: { sizing: Listed["sizing"] }) {
  if (isPending) {
    return (
      <span className={styles.muted} aria-busy="true">
        Counting…
      </span>
    );
  }
  if (!data) {
    return (
      <span className={styles.problem} title={describeError(error)}>
        Not counted
      </span>
    );
  }
  if (!data.size) {
    return (
      <span className={styles.problem} title={data.problem ?? undefined}>
        Needs a fix
      </span>
    );
  }
  const share = data.size.total ? (100 * data.size.matching) / data.size.total : 0;
  return (
    <>
      {formatNumber(data.size.matching)} <span className={styles.muted}>· {formatPercentSmall(share)}</span>
    </>
  );
}

/** One set of mutations for the list; each remembers which segment it was for, so its error shows under that row. */
function useSegmentActions(workspaceId: string, onDone: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = async () => {
    await refreshQueries(queryClient, { queryKey: trpc.segments.pathKey() });
    onDone();
  };
  const duplicate = useMutation(trpc.segments.duplicate.mutationOptions({ onSuccess: refresh }));
  const freeze = useMutation(trpc.segments.freeze.mutationOptions({ onSuccess: refresh }));
  const rename = useMutation(trpc.segments.rename.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.segments.delete.mutationOptions({ onSuccess: refresh }));
  const all = [duplicate, freeze, rename, remove];
  return {
    duplicate,
    freeze,
    rename,
    remove,
    errorOf: (segmentId: string) => all.find((m) => m.isError && m.variables?.segmentId === segmentId)?.error ?? null,
    pendingFor: (m: { isPending: boolean; variables?: { segmentId: string } }, segmentId: string) => m.isPending && m.variables?.segmentId === segmentId,
  };
}

type SegmentActions = ReturnType<typeof useSegmentActions>;

function EditActions({
  workspaceId,
  segment: s,
  actions,
  open,
  setOpen,
}: {
  workspaceId: string;
  segment: Listed;
  actions: SegmentActions;
  open: Mode;
  setOpen: (mode: Mode) => void;
}) {
  const { duplicate, freeze, pendingFor } = actions;
  const toggle = (mode: "rename" | "delete") => setOpen(open?.segmentId === s.segmentId && open.mode === mode ? null : { segmentId: s.segmentId, mode });
  const isOpen = (mode: "rename" | "delete") => open?.segmentId === s.segmentId && open.mode === mode;
  return (
    <>
      <button type="button" className="btn btn-small" disabled={pendingFor(duplicate, s.segmentId)} onClick={() => duplicate.mutate({ workspaceId, segmentId: s.segmentId })}>
        Duplicate
      </button>
      {s.kind === "dynamic" ? (
        <button
          type="button"
          className="btn btn-small"
          disabled={pendingFor(freeze, s.segmentId)}
          title="Keep today's contacts as a fixed list"
          onClick={() => freeze.mutate({ workspaceId, segmentId: s.segmentId })}
        >
          {pendingFor(freeze, s.segmentId) ? "Freezing…" : "Freeze"}
        </button>
      ) : null}
      <DetailToggle label="Rename" open={isOpen("rename")} onToggle={() => toggle("rename")}>
        Rename
      </DetailToggle>
      <DetailToggle label={`Delete ${s.name}`} open={isOpen("delete")} onToggle={() => toggle("delete")}>
        Delete
      </DetailToggle>
    </>
  );
}

function SegmentDetail({
  workspaceId,
  segment: s,
  mode,
  error,
  actions,
  onCancel,
}: {
  workspaceId: string;
  segment: Listed;
  mode: "rename" | "delete" | null;
  error: unknown;
  actions: SegmentActions;
  onCancel: () => void;
}) {
  const { rename, remove, pendingFor } = actions;
  // The open Rename form shows its own refusal, on the field it names.
  const renameError = rename.isError && rename.variables?.segmentId === s.segmentId ? rename.error : null;
  const rowError = mode === "rename" && error === renameError ? null : error;
  return (
    <>
      {mode === "rename" ? (
        <RenameForm
          segment={s}
          pending={pendingFor(rename, s.segmentId)}
          error={renameError}
          onRename={(values) => rename.mutate({ workspaceId, segmentId: s.segmentId, ...values })}
          onCancel={onCancel}
        />
      ) : mode === "delete" ? (
        <div className={styles.inlineForm} role="group" aria-label={`Delete ${s.name}`}>
          <p>
            <strong>Delete “{s.name}”?</strong> Its history is kept, but it leaves this list.
          </p>
          <button type="button" className={`btn btn-small ${styles.btnDanger}`} disabled={pendingFor(remove, s.segmentId)} onClick={() => remove.mutate({ workspaceId, segmentId: s.segmentId })}>
            {pendingFor(remove, s.segmentId) ? "Deleting…" : "Delete segment"}
          </button>
          <button type="button" className="btn btn-small" onClick={onCancel}>
            Cancel
          </button>
        </div>
      ) : null}
      {rowError ? (
        <p role="alert" className={styles.problem}>
          {describeError(rowError)}
        </p>
      ) : null}
    </>
  );
}
