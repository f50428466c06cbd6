"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import type { AppRouter } from "@/server/routers/_app";
import { formatNumber } from "@/components/ui/format";
import { TagForm } from "./tag-form";
import styles from "../manage.module.css";
import catalogue from "../catalogue.module.css";
import { EmptyState } from "@/components/ui/query-state";
import { ClientTable } from "@/components/ui/table/client-table";
import { actionsColumn, DetailToggle } from "@/components/ui/table/actions-column";
import { createDataColumnHelper, type DataColumns } from "@/components/ui/table/features";
import { refreshQueries } from "@/components/refresh-queries";

type CatalogueTag = inferRouterOutputs<AppRouter>["tags"]["list"]["tags"][number];

/** Categories A→Z with uncategorised tags last, then tags by name. */
function byCategory(a: CatalogueTag, b: CatalogueTag) {
  if (!a.category !== !b.category) return a.category ? -1 : 1;
  return a.category.localeCompare(b.category) || a.label.localeCompare(b.label);
}

function useInvalidateTags(workspaceId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => refreshQueries(queryClient, { queryKey: trpc.tags.list.queryKey({ workspaceId }) });
}

function TagName({ tag }: { tag: CatalogueTag }) {
  return (
    <>
      {tag.label}
      {tag.label !== tag.tag ? (
        <span className={catalogue.key} title="Events, imports and the API name the tag by this key; it never changes.">
          key: {tag.tag}
        </span>
      ) : null}
    </>
  );
}

export function TagsTable({
  workspaceId,
  tags,
  categories,
  canEdit,
}: {
  workspaceId: string;
  tags: CatalogueTag[];
  categories: string[];
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  if (tags.length === 0) {
    return (
      <EmptyState title="No tags yet">
        {canEdit ? "Create one above: agents will pick from these on a chat profile." : "An admin or marketer can create them."}
      </EmptyState>
    );
  }
  const columns = tagColumns(workspaceId, canEdit, editing, setEditing);
  return (
    <ClientTable
      caption="Tags of this workspace, by category"
      columns={columns}
      data={[...tags].sort(byCategory)}
      getRowId={(tag) => tag.tag}
      pageSize={50}
      noun="tags"
      renderDetail={(tag) =>
        editing === tag.tag ? <EditTag workspaceId={workspaceId} tag={tag} categories={categories} onClose={() => setEditing(null)} /> : null
      }
    />
  );
}

const column = createDataColumnHelper<CatalogueTag>();

/** The catalogue's columns; an archived tag has no first-message rule to show and can only come back. */
function tagColumns(
  workspaceId: string,
  canEdit: boolean,
  editing: string | null,
  setEditing: (tag: string | null) => void,
  archived = false,
): DataColumns<CatalogueTag> {
  const columns: DataColumns<CatalogueTag> = [
    column.accessor("label", { header: "Tag", meta: { rowHeader: true }, cell: ({ row }) => <TagName tag={row.original} /> }),
    column.accessor("category", {
      header: "Category",
      cell: ({ row }) => (row.original.category ? <span className={catalogue.pill}>{row.original.category}</span> : <span className={styles.muted}>—</span>),
    }),
    ...(archived ? [] : [firstMessageColumn]),
    column.accessor("contacts", { header: "Contacts", meta: { align: "end" }, sortDescFirst: true }),
  ];
  if (!canEdit) return columns;
  return [
    ...columns,
    actionsColumn((row) => (
      <div className={catalogue.rowActions}>
        {archived ? null : (
          <DetailToggle label={`Edit tag ${row.label}`} open={editing === row.tag} onToggle={() => setEditing(editing === row.tag ? null : row.tag)}>
            Edit
          </DetailToggle>
        )}
        <ArchiveButton workspaceId={workspaceId} tag={row} />
      </div>
    )),
  ];
}

const firstMessageColumn = column.accessor("firstMessageText", {
  header: "First message",
  enableSorting: false,
  cell: ({ row }) =>
    row.original.firstMessageText ? (
      <span className={catalogue.firstMessage}>
        <span className={catalogue.badgeFirst}>First-message tag</span>
        <q className={catalogue.quote} title={row.original.firstMessageText}>
          {row.original.firstMessageText}
        </q>
      </span>
    ) : (
      <span className={styles.muted}>—</span>
    ),
});

function EditTag({
  workspaceId,
  tag,
  categories,
  onClose,
}: {
  workspaceId: string;
  tag: CatalogueTag;
  categories: string[];
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateTags(workspaceId);
  const update = useMutation(
    trpc.tags.update.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        onClose();
      },
    }),
  );
  return (
    <TagForm
      ariaLabel={`Edit tag ${tag.label}`}
      initial={{ name: tag.label, category: tag.category, firstMessageText: tag.firstMessageText }}
      categories={categories}
      submitLabel="Save tag"
      pendingLabel="Saving…"
      pending={update.isPending}
      error={update.error}
      errorTitle="The tag was not saved."
      onSubmit={(values) => update.mutate({ workspaceId, tag: tag.tag, ...values })}
      onCancel={onClose}
    />
  );
}

function ArchiveButton({ workspaceId, tag }: { workspaceId: string; tag: CatalogueTag }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateTags(workspaceId);
  const archive = useMutation(trpc.tags.setArchived.mutationOptions({ onSuccess: () => invalidate() }));
  const verb = tag.archived ? "Unarchive" : "Archive";
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        aria-label={`${verb} tag ${tag.label}`}
        disabled={archive.isPending}
        onClick={() => archive.mutate({ workspaceId, tag: tag.tag, archived: !tag.archived })}
      >
        {archive.isPending ? `${verb.replace(/e$/, "")}ing…` : verb}
      </button>
      {archive.isError ? (
        <span role="alert" className={styles.fieldError}>
          {describeError(archive.error)}
        </span>
      ) : null}
    </>
  );
}

export function ArchivedTagsTable({ workspaceId, tags, canEdit }: { workspaceId: string; tags: CatalogueTag[]; canEdit: boolean }) {
  return (
    <ClientTable
      caption="Archived tags"
      columns={tagColumns(workspaceId, canEdit, null, () => {}, true)}
      data={[...tags].sort(byCategory)}
      getRowId={(tag) => tag.tag}
      pageSize={50}
      noun="tags"
    />
  );
}

/** Tags that arrived with events (API, imports) without a catalogue entry: shown so they can be adopted. */
export function UncataloguedTags({
  workspaceId,
  tags,
  canEdit,
}: {
  workspaceId: string;
  tags: Array<{ tag: string; contacts: number }>;
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateTags(workspaceId);
  const adopt = useMutation(trpc.tags.create.mutationOptions({ onSuccess: () => invalidate() }));
  return (
    <section aria-labelledby="uncatalogued-title" className={styles.stack} style={{ gap: 8 }}>
      <h3 className={catalogue.sectionTitle} id="uncatalogued-title">
        On contacts, not in the catalogue ({tags.length})
      </h3>
      <p className={styles.hint}>Tags that came in through the API, an import or the webhook. Add one to manage it here.</p>
      <ul className={catalogue.pills} style={{ margin: 0, padding: 0, listStyle: "none", gap: 8 }}>
        {tags.map((t) => (
          <li key={t.tag} className={styles.actions} style={{ gap: 6 }}>
            <span className={catalogue.pill}>
              {t.tag} · {formatNumber(t.contacts)}
            </span>
            {canEdit ? (
              <button
                type="button"
                className="btn btn-small"
                aria-label={`Add ${t.tag} to the catalogue`}
                disabled={adopt.isPending}
                onClick={() => adopt.mutate({ workspaceId, name: t.tag })}
              >
                Add
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {adopt.isError ? (
        <div role="alert" className="alert">
          <strong>The tag was not added.</strong>
          {describeError(adopt.error)}
        </div>
      ) : null}
    </section>
  );
}
