"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { Fragment, useState } from "react";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import type { AppRouter } from "@/server/routers/_app";
import { formatNumber } from "@/components/ui/format";
import { AttributeForm } from "./attribute-form";
import { attributeTypeLabel, type AttributeTypeName } from "./attribute-types";
import styles from "../manage.module.css";
import { ManageTableHead } from "../table-head";
import catalogue from "../catalogue.module.css";
import { EmptyState } from "@/components/ui/query-state";

type Attribute = inferRouterOutputs<AppRouter>["attributes"]["catalogue"]["attributes"][number];

const COLUMNS = ["Attribute", "Type", "Options", "Contacts"] as const;
const SHOWN_OPTIONS = 6;

function useInvalidateAttributes() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // `list` feeds the import mapping, `catalogue` this page: both change.
  return () => queryClient.invalidateQueries({ queryKey: trpc.attributes.pathKey() });
}

export function AttributesTable({
  workspaceId,
  attributes,
  canEdit,
  roomToUnarchive,
  archivedList = false,
}: {
  workspaceId: string;
  attributes: Attribute[];
  canEdit: boolean;
  roomToUnarchive: boolean;
  archivedList?: boolean;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  if (attributes.length === 0) {
    return (
      <EmptyState title="No attributes yet">
        {canEdit ? "Create one above, like Plan, City or Signup date." : "An admin or marketer can create them."}
      </EmptyState>
    );
  }
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} aria-labelledby={archivedList ? "archived-attributes-title" : undefined}>
        {archivedList ? null : <caption className="visually-hidden">Attributes of this workspace</caption>}
        <ManageTableHead columns={COLUMNS} numeric="Contacts" actions={canEdit} />
        <tbody>
          {attributes.map((a) => (
            <Fragment key={a.name}>
              <tr data-attribute={a.name} data-revoked={a.archived ? true : undefined}>
                <th scope="row">
                  {a.label}
                  <span className={catalogue.key}>{a.name}</span>
                </th>
                <td className={styles.nowrap}>{attributeTypeLabel(a.type)}</td>
                <td>
                  {a.options.length ? (
                    <span className={catalogue.pills}>
                      {a.options.slice(0, SHOWN_OPTIONS).map((o) => (
                        <span key={o} className={catalogue.pill}>
                          {o}
                        </span>
                      ))}
                      {a.options.length > SHOWN_OPTIONS ? (
                        <span className={catalogue.pill} title={a.options.slice(SHOWN_OPTIONS).join(", ")}>
                          +{a.options.length - SHOWN_OPTIONS} more
                        </span>
                      ) : null}
                    </span>
                  ) : (
                    <span className={styles.muted}>—</span>
                  )}
                </td>
                <td className={styles.num}>{formatNumber(a.contacts)}</td>
                {canEdit ? (
                  <td className={styles.nowrap}>
                    <div className={catalogue.rowActions}>
                      {a.archived ? null : (
                        <button
                          type="button"
                          className="btn btn-small"
                          aria-label={`Edit attribute ${a.label}`}
                          aria-expanded={editing === a.name}
                          onClick={() => setEditing(editing === a.name ? null : a.name)}
                        >
                          Edit
                        </button>
                      )}
                      <ArchiveButton workspaceId={workspaceId} attribute={a} blocked={a.archived && !roomToUnarchive} />
                    </div>
                  </td>
                ) : null}
              </tr>
              {editing === a.name ? (
                <tr className={catalogue.editRow}>
                  <td colSpan={COLUMNS.length + 1}>
                    <EditAttribute workspaceId={workspaceId} attribute={a} onClose={() => setEditing(null)} />
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

function EditAttribute({ workspaceId, attribute, onClose }: { workspaceId: string; attribute: Attribute; onClose: () => void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateAttributes();
  const update = useMutation(
    trpc.attributes.update.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        onClose();
      },
    }),
  );
  return (
    <AttributeForm
      mode="edit"
      initial={{ label: attribute.label, name: attribute.name, type: attribute.type as AttributeTypeName, options: attribute.options }}
      pending={update.isPending}
      error={update.error}
      onCancel={onClose}
      onSubmit={({ label, options }) =>
        update.mutate({ workspaceId, name: attribute.name, label, ...(attribute.type === "list" ? { options } : {}) })
      }
    />
  );
}

function ArchiveButton({ workspaceId, attribute, blocked }: { workspaceId: string; attribute: Attribute; blocked: boolean }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateAttributes();
  const archive = useMutation(trpc.attributes.setArchived.mutationOptions({ onSuccess: () => invalidate() }));
  const verb = attribute.archived ? "Unarchive" : "Archive";
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        aria-label={`${verb} attribute ${attribute.label}`}
        disabled={archive.isPending || blocked}
        title={blocked ? "All places are in use: archive another attribute first." : undefined}
        onClick={() => archive.mutate({ workspaceId, name: attribute.name, archived: !attribute.archived })}
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
