"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc";
import type { Role } from "@/server/auth/roles";
import { ErrorState } from "@/components/ui/query-state";
import { TagForm } from "./tag-form";
import { TableSkeleton } from "@/components/ui/table/table-skeleton";
import { ArchivedTagsTable, TagsTable, UncataloguedTags } from "./tags-table";
import styles from "../manage.module.css";
import catalogue from "../catalogue.module.css";
import { refreshQueries } from "@/components/refresh-queries";

const EMPTY = { name: "", category: "", firstMessageText: "" };

export function TagsView({ workspaceId, canEdit, role }: { workspaceId: string; canEdit: boolean; role: Role }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.tags.list.queryOptions({ workspaceId }));
  const active = list.data?.tags.filter((t) => !t.archived) ?? [];
  const archived = list.data?.tags.filter((t) => t.archived) ?? [];

  return (
    <div className={styles.stack}>
      {canEdit ? <CreateTag workspaceId={workspaceId} categories={list.data?.categories ?? []} /> : null}
      <section className={styles.panel} aria-labelledby="tags-title">
        <div className={styles.panelHeader}>
          <div>
            <h2 id="tags-title">Tag catalogue</h2>
            <p>
              The tags agents pick from on a chat profile and marketers build segments with. Contacts counts how many carry
              each tag now.
            </p>
          </div>
        </div>
        <div className={styles.stack}>
          {!canEdit ? (
            <p className={styles.note}>
              Admins and marketers change the catalogue. Your role here is {role}, so you can read it but not change it.
            </p>
          ) : null}
          {list.isPending ? (
            <TableSkeleton label="Loading the tags…" columns={["Tag", "Category", "First message", "Contacts"]} />
          ) : list.isError ? (
            <ErrorState what="The tags" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
          ) : (
            <>
              <TagsTable workspaceId={workspaceId} tags={active} categories={list.data.categories} canEdit={canEdit} />
              {archived.length ? (
                <>
                  <h3 className={catalogue.sectionTitle} id="archived-tags-title">
                    Archived tags ({archived.length})
                  </h3>
                  <p className={styles.hint}>
                    Still on the contacts that had them and in their history, but agents cannot add them and first messages
                    no longer get them.
                  </p>
                  <ArchivedTagsTable workspaceId={workspaceId} tags={archived} canEdit={canEdit} />
                </>
              ) : null}
              {list.data.uncatalogued.length ? (
                <UncataloguedTags workspaceId={workspaceId} tags={list.data.uncatalogued} canEdit={canEdit} />
              ) : null}
            </>
          )}
        </div>
      </section>
    </div>
  );
}

function CreateTag({ workspaceId, categories }: { workspaceId: string; categories: string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // A new key remounts the form, emptying it after a tag is created.
  const [formKey, setFormKey] = useState(0);
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation(
    trpc.tags.create.mutationOptions({
      onSuccess: async ({ tag }) => {
        setCreated(tag);
        setFormKey((k) => k + 1);
        await refreshQueries(queryClient, { queryKey: trpc.tags.list.queryKey({ workspaceId }) });
      },
    }),
  );
  return (
    <section className={styles.panel} aria-labelledby="create-tag-title">
      <div className={styles.panelHeader}>
        <div>
          <h2 id="create-tag-title">Create a tag</h2>
          <p>Group tags in categories. A first-message tag is given automatically to new chats that open with its text.</p>
        </div>
      </div>
      <TagForm
        key={formKey}
        ariaLabel="Create a tag"
        initial={EMPTY}
        categories={categories}
        submitLabel="Create tag"
        pendingLabel="Creating…"
        pending={create.isPending}
        error={create.error}
        errorTitle="The tag was not created."
        onSubmit={(values) => {
          setCreated(null);
          create.mutate({ workspaceId, ...values });
        }}
      />
      <p role="status" className={styles.saved} style={{ marginTop: 10 }}>
        {created ? `Created “${created}”.` : ""}
      </p>
    </section>
  );
}
