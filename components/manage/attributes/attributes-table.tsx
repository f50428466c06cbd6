"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import type { AppRouter } from "@/server/routers/_app";
import { AttributeForm } from "./attribute-form";
import { attributeTypeLabel, type AttributeTypeName } from "./attribute-types";
import styles from "../manage.module.css";
import catalogue from "../catalogue.module.css";
import { EmptyState } from "@/components/ui/query-state";
import { ClientTable } from "@/components/ui/table/client-table";
import { actionsColumn, DetailToggle } from "@/components/ui/table/actions-column";
import { createDataColumnHelper, type DataColumns } from "@/components/ui/table/features";
import { refreshQueries } from "@/components/refresh-queries";

type Attribute = inferRouterOutputs<AppRouter>["attributes"]["catalogue"]["attributes"][number];

const SHOWN_OPTIONS = 6;

function useInvalidateAttributes() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // `list` feeds the import mapping, `catalogue` this page: both change.
  return () => refreshQueries(queryClient, { queryKey: trpc.attributes.pathKey() });
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
    <ClientTable
      caption={archivedList ? "Archived attributes" : "Attributes of this workspace"}
      columns={attributeColumns(workspaceId, canEdit, roomToUnarchive, editing, setEditing)}
      data={attributes}
      getRowId={(a) => a.name}
      pageSize={50}
      noun="attributes"
      renderDetail={(a) => (editing === a.name ? <EditAttribute workspaceId={workspaceId} attribute={a} onClose={() => setEditing(null)} /> : null)}
    />
  );
}

const column = createDataColumnHelper<Attribute>();

function attributeColumns(
  workspaceId: string,
  canEdit: boolean,
  roomToUnarchive: boolean,
  editing: string | null,
  setEditing: (name: string | null) => void,
): DataColumns<Attribute> {
  const columns: DataColumns<Attribute> = [
    column.accessor("label", {
      header: "Attribute",
      meta: { rowHeader: true },
      cell: ({ row }) => (
        <>
          {row.original.label}
          <span className={catalogue.key}>{row.original.name}</span>
        </>
      ),
    }),
    column.accessor("type", { header: "Type", cell: ({ row }) => <span className={styles.nowrap}>{attributeTypeLabel(row.original.type)}</span> }),
    column.display({ id: "options", header: "Options", cell: ({ row }) => <Options options={row.original.options} /> }),
    column.accessor("contacts", { header: "Contacts", meta: { align: "end" }, sortDescFirst: true }),
  ];
  if (!canEdit) return columns;
  return [
    ...columns,
    actionsColumn((a) => (
      <div className={catalogue.rowActions}>
        {a.archived ? null : (
          <DetailToggle label={`Edit attribute ${a.label}`} open={editing === a.name} onToggle={() => setEditing(editing === a.name ? null : a.name)}>
            Edit
          </DetailToggle>
        )}
        <ArchiveButton workspaceId={workspaceId} attribute={a} blocked={a.archived && !roomToUnarchive} />
      </div>
    )),
  ];
}

function Options({ options }: { options: string[] }) {
  if (!options.length) return <span className={styles.muted}>—</span>;
  return (
    <span className={catalogue.pills}>
      {options.slice(0, SHOWN_OPTIONS).map((o) => (
        <span key={o} className={catalogue.pill}>
          {o}
        </span>
      ))}
      {options.length > SHOWN_OPTIONS ? (
        <span className={catalogue.pill} title={options.slice(SHOWN_OPTIONS).join(", ")}>
          +{options.length - SHOWN_OPTIONS} more
        </span>
      ) : null}
    </span>
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
