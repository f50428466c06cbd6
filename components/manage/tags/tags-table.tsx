"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { Fragment, useState } from "react";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import type { AppRouter } from "@/server/routers/_app";
import { formatNumber } from "@/components/ui/format";
import { TagForm } from "./tag-form";
import styles from "../manage.module.css";
import { ManageTableHead } from "../table-head";
import catalogue from "../catalogue.module.css";
import { EmptyState } from "@/components/ui/query-state";

type CatalogueTag = inferRouterOutputs<AppRouter>["tags"]["list"]["tags"][number];

const COLUMNS = ["Tag", "Category", "First message", "Contacts"] as const;

/** Categories A→Z with uncategorised tags last, then tags by name. */
function byCategory(a: CatalogueTag, b: CatalogueTag) {
  if (!a.category !== !b.category) return a.category ? -1 : 1;
  return a.category.localeCompare(b.category) || a.label.localeCompare(b.label);
}

function useInvalidateTags(workspaceId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.tags.list.queryKey({ workspaceId }) });
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
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">Tags of this workspace, by category</caption>
        <ManageTableHead columns={COLUMNS} numeric="Contacts" actions={canEdit} />
        <tbody>
          {[...tags].sort(byCategory).map((tag) => (
            <Fragment key={tag.tag}>
              <tr data-tag={tag.tag}>
                <th scope="row">
                  <TagName tag={tag} />
                </th>
                <td>{tag.category ? <span className={catalogue.pill}>{tag.category}</span> : <span className={styles.muted}>—</span>}</td>
                <td>
                  {tag.firstMessageText ? (
                    <span className={catalogue.firstMessage}>
                      <span className={catalogue.badgeFirst}>First-message tag</span>
                      <q className={catalogue.quote} title={tag.firstMessageText}>
                        {tag.firstMessageText}
                      </q>
                    </span>
                  ) : (
                    <span className={styles.muted}>—</span>
                  )}
                </td>
                <td className={styles.num}>{formatNumber(tag.contacts)}</td>
                {canEdit ? (
                  <td className={styles.nowrap}>
                    <div className={catalogue.rowActions}>
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-label={`Edit tag ${tag.label}`}
                        aria-expanded={editing === tag.tag}
                        onClick={() => setEditing(editing === tag.tag ? null : tag.tag)}
                      >
                        Edit
                      </button>
                      <ArchiveButton workspaceId={workspaceId} tag={tag} />
                    </div>
                  </td>
                ) : null}
              </tr>
              {editing === tag.tag ? (
                <tr className={catalogue.editRow}>
                  <td colSpan={COLUMNS.length + 1}>
                    <EditTag workspaceId={workspaceId} tag={tag} categories={categories} onClose={() => setEditing(null)} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

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
    <div className={styles.tableWrap}>
      <table className={styles.table} aria-labelledby="archived-tags-title">
        <thead>
          <tr>
            <th scope="col">Tag</th>
            <th scope="col">Category</th>
            <th scope="col" className={styles.num}>
              Contacts
            </th>
            {canEdit ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {[...tags].sort(byCategory).map((tag) => (
            <tr key={tag.tag} data-revoked data-tag={tag.tag}>
              <th scope="row">
                <TagName tag={tag} />
              </th>
              <td>{tag.category || "—"}</td>
              <td className={styles.num}>{formatNumber(tag.contacts)}</td>
              {canEdit ? (
                <td className={styles.nowrap}>
                  <div className={catalogue.rowActions}>
                    <ArchiveButton workspaceId={workspaceId} tag={tag} />
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
