"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { Fragment, useState, type FormEvent } from "react";
import { formatNumber } from "@/components/manage/format";
import { LoadError } from "@/components/manage/load-error";
import { RelativeTime } from "@/components/manage/relative-time";
import { PageHeader } from "@/components/shell/page-header";
import shell from "@/components/shell/shell.module.css";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import type { AppRouter } from "@/server/routers/_app";
import { SizeChange } from "./size-change";
import { UploadList } from "./upload-list";
import styles from "./segments.module.css";

type Listed = inferRouterOutputs<AppRouter>["segments"]["list"][number];

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
            <Link href={`${base}/new`} className="btn btn-primary">
              New segment
            </Link>
          </div>
        }
      />
      {canEdit && uploading ? <UploadList workspaceId={workspaceId} onClose={() => setUploading(false)} /> : null}
      {list.isError ? (
        <LoadError what="The saved segments" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
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
              Counting the saved segments…
            </p>
          ) : list.data.length === 0 ? (
            <div className={styles.empty}>
              <p className={styles.emptyTitle}>No saved segments yet</p>
              <p>
                <Link href={`${base}/new`}>Build a segment</Link>, then save it to find it here.
              </p>
            </div>
          ) : (
            <div className={styles.tableWrap}>
              <table className={styles.table}>
                <caption className="visually-hidden">Saved segments, most recently changed first</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col" className={styles.num}>
                      Audience
                    </th>
                    <th scope="col" className={styles.num}>
                      Change
                    </th>
                    <th scope="col">Changed by</th>
                    <th scope="col">Changed</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.map((s) => (
                    <SegmentRow key={s.segmentId} workspaceId={workspaceId} segment={s} href={`${base}/${encodeURIComponent(s.segmentId)}`} canEdit={canEdit} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

function SegmentRow({ workspaceId, segment: s, href, canEdit }: { workspaceId: string; segment: Listed; href: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"view" | "rename" | "delete">("view");
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.segments.pathKey() });
    setMode("view");
  };
  const duplicate = useMutation(trpc.segments.duplicate.mutationOptions({ onSuccess: refresh }));
  const freeze = useMutation(trpc.segments.freeze.mutationOptions({ onSuccess: refresh }));
  const rename = useMutation(trpc.segments.rename.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.segments.delete.mutationOptions({ onSuccess: refresh }));
  const error = duplicate.error ?? freeze.error ?? rename.error ?? remove.error;

  function submitRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    rename.mutate({ workspaceId, segmentId: s.segmentId, name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") });
  }

  const share = s.size && s.size.total ? (100 * s.size.matching) / s.size.total : 0;
  return (
    <Fragment>
      <tr data-segment-id={s.segmentId}>
        <th scope="row">
          <Link href={href} className={styles.segmentName}>
            {s.name}
          </Link>
          {s.kind === "static" ? <span className={styles.staticBadge}>Static list</span> : null}
          {s.description ? <span className={styles.hint}>{s.description}</span> : null}
        </th>
        <td className={styles.num}>
          {s.size ? (
            <>
              {formatNumber(s.size.matching)} <span className={styles.muted}>· {share.toFixed(share >= 10 || share === 0 ? 0 : 1)}%</span>
            </>
          ) : (
            <span className={styles.problem} title={s.problem ?? undefined}>
              Needs a fix
            </span>
          )}
        </td>
        <td className={styles.num}>
          <SizeChange change={s.sizeChange} />
        </td>
        <td>{s.updatedBy}</td>
        <td className={styles.nowrap}>
          <RelativeTime value={s.updatedAt} />
        </td>
        <td>
          <div className={styles.rowActions}>
            <Link href={href} className="btn btn-small">
              Open
            </Link>
            {canEdit ? (
              <>
                <button type="button" className="btn btn-small" disabled={duplicate.isPending} onClick={() => duplicate.mutate({ workspaceId, segmentId: s.segmentId })}>
                  Duplicate
                </button>
                {s.kind === "dynamic" ? (
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={freeze.isPending}
                    title="Keep today's contacts as a fixed list"
                    onClick={() => freeze.mutate({ workspaceId, segmentId: s.segmentId })}
                  >
                    {freeze.isPending ? "Freezing…" : "Freeze"}
                  </button>
                ) : null}
                <button type="button" className="btn btn-small" aria-expanded={mode === "rename"} onClick={() => setMode(mode === "rename" ? "view" : "rename")}>
                  Rename
                </button>
                <button type="button" className="btn btn-small" aria-expanded={mode === "delete"} aria-label={`Delete ${s.name}`} onClick={() => setMode(mode === "delete" ? "view" : "delete")}>
                  Delete
                </button>
              </>
            ) : null}
          </div>
        </td>
      </tr>
      {mode !== "view" || error ? (
        <tr className={mode === "delete" ? styles.confirmRow : undefined}>
          <td colSpan={6}>
            {mode === "rename" ? (
              <form className={styles.inlineForm} onSubmit={submitRename} aria-label={`Rename ${s.name}`}>
                <input className={styles.input} name="name" defaultValue={s.name} aria-label="New name" required maxLength={120} autoFocus />
                <input className={styles.input} name="description" defaultValue={s.description} aria-label="Description" maxLength={1000} placeholder="Description" />
                <button type="submit" className="btn btn-primary btn-small" disabled={rename.isPending}>
                  {rename.isPending ? "Saving…" : "Save"}
                </button>
                <button type="button" className="btn btn-small" onClick={() => setMode("view")}>
                  Cancel
                </button>
              </form>
            ) : mode === "delete" ? (
              <div className={styles.inlineForm} role="group" aria-label={`Delete ${s.name}`}>
                <p>
                  <strong>Delete “{s.name}”?</strong> Its history is kept, but it leaves this list.
                </p>
                <button type="button" className={`btn btn-small ${styles.btnDanger}`} disabled={remove.isPending} onClick={() => remove.mutate({ workspaceId, segmentId: s.segmentId })}>
                  {remove.isPending ? "Deleting…" : "Delete segment"}
                </button>
                <button type="button" className="btn btn-small" onClick={() => setMode("view")}>
                  Cancel
                </button>
              </div>
            ) : null}
            {error ? (
              <p role="alert" className={styles.problem}>
                {describeError(error)}
              </p>
            ) : null}
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
