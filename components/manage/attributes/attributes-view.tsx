"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc";
import type { Role } from "@/server/auth/roles";
import { ErrorState } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/table/table-skeleton";
import { AttributeForm } from "./attribute-form";
import { AttributesTable } from "./attributes-table";
import styles from "../manage.module.css";
import catalogue from "../catalogue.module.css";
import { refreshQueries } from "@/components/refresh-queries";

const EMPTY = { label: "", name: "", type: "text" as const, options: [] };

export function AttributesView({ workspaceId, canEdit, role }: { workspaceId: string; canEdit: boolean; role: Role }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.attributes.catalogue.queryOptions({ workspaceId }));
  const active = query.data?.attributes.filter((a) => !a.archived) ?? [];
  const archived = query.data?.attributes.filter((a) => a.archived) ?? [];
  const limit = query.data?.limit ?? 20;
  const full = active.length >= limit;

  return (
    <div className={styles.stack}>
      {canEdit && query.data ? (
        <CreateAttribute
          workspaceId={workspaceId}
          limitReached={full ? `A workspace can have at most ${limit} attributes; archive one first.` : null}
        />
      ) : null}
      <section className={styles.panel} aria-labelledby="attributes-title">
        <div className={styles.panelHeader}>
          <div>
            <h2 id="attributes-title">Attributes</h2>
            <p>
              Typed facts about a contact, set by the chatbot, an agent, an import or the API. Contacts counts how many have a
              value now.
            </p>
          </div>
          {query.data ? (
            <div className={catalogue.meter} data-full={full ? true : undefined}>
              <span id="attribute-usage">
                {active.length} of {limit} in use
              </span>
              <progress value={active.length} max={limit} aria-labelledby="attribute-usage" />
            </div>
          ) : null}
        </div>
        <div className={styles.stack}>
          {!canEdit ? (
            <p className={styles.note}>
              Admins and marketers change the attributes. Your role here is {role}, so you can read them but not change them.
            </p>
          ) : null}
          {query.isPending ? (
            <TableSkeleton label="Loading the attributes…" columns={["Attribute", "Type", "Options", "Contacts"]} />
          ) : query.isError ? (
            <ErrorState what="The attributes" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
          ) : (
            <>
              <AttributesTable workspaceId={workspaceId} attributes={active} canEdit={canEdit} roomToUnarchive={!full} />
              {archived.length ? (
                <>
                  <h3 className={catalogue.sectionTitle} id="archived-attributes-title">
                    Archived attributes ({archived.length})
                  </h3>
                  <p className={styles.hint}>
                    Contacts keep their values, but imports and agents cannot set new ones. Archived attributes do not count
                    towards the limit of {limit}.
                  </p>
                  <AttributesTable
                    workspaceId={workspaceId}
                    attributes={archived}
                    canEdit={canEdit}
                    roomToUnarchive={!full}
                    archivedList
                  />
                </>
              ) : null}
            </>
          )}
        </div>
      </section>
    </div>
  );
}

function CreateAttribute({ workspaceId, limitReached }: { workspaceId: string; limitReached: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formKey, setFormKey] = useState(0);
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation(
    trpc.attributes.create.mutationOptions({
      onSuccess: async ({ name }) => {
        setCreated(name);
        setFormKey((k) => k + 1);
        await refreshQueries(queryClient, { queryKey: trpc.attributes.pathKey() });
      },
    }),
  );
  return (
    <section className={styles.panel} aria-labelledby="create-attribute-title">
      <div className={styles.panelHeader}>
        <div>
          <h2 id="create-attribute-title">Create an attribute</h2>
          <p>Values are checked against the type when they arrive, so a report never mixes “12” with “twelve”.</p>
        </div>
      </div>
      <AttributeForm
        key={formKey}
        mode="create"
        initial={EMPTY}
        pending={create.isPending}
        error={create.error}
        disabledReason={limitReached}
        onSubmit={({ label, name, type, options }) => {
          setCreated(null);
          create.mutate({ workspaceId, label, type, options, ...(name ? { name } : {}) });
        }}
      />
      <p role="status" className={styles.saved} style={{ marginTop: 10 }}>
        {created ? `Created the attribute ${created}.` : ""}
      </p>
    </section>
  );
}
