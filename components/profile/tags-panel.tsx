"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { CharLimit, overLimit } from "@/components/forms/char-limit";
import { useId, useState } from "react";
import { z } from "zod";
import { FieldError, fieldAria } from "@/components/forms/field-error";
import { useSchemaForm } from "@/components/forms/schema-form";
import { tagNameSchema } from "@/server/domain/catalogue";
import { describeError } from "@/components/trpc-error";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { BROADCAST_TAG_PREFIX } from "@/clickhouse/vocabulary/broadcast-tag";
import { useTRPC } from "@/components/trpc";
import { formatWhen } from "@/components/ui/format";
import { actorLabel, actorRole, ORIGIN_LABEL } from "./format";
import type { ProfileOverview } from "./profile-view";
import { useRefreshProfile } from "./use-refresh-profile";
import edit from "./profile-edit.module.css";
import { Panel } from "@/components/ui/panel";
import styles from "./profile.module.css";

type Tag = ProfileOverview["tags"][number];

export function TagsPanel({ workspaceId, contact, tags, canAct }: { workspaceId: string; contact: string; tags: Tag[]; canAct: boolean }) {
  // One broadcast tag per campaign received: folded away, so the tags rules and people set stay in view.
  const broadcasts = tags.filter((t) => t.kind !== "manual" && t.tag.startsWith(BROADCAST_TAG_PREFIX));
  const automated = tags.filter((t) => t.kind !== "manual" && !t.tag.startsWith(BROADCAST_TAG_PREFIX));
  const manual = tags.filter((t) => t.kind === "manual");
  return (
    <Panel id="tags" title="Tags" description={<>Automated tags come from rules; manual ones from people.</>}>
      <div className={edit.tagGroups}>
        <TagGroup title="Automated" testId="tags-automated" tags={automated} empty="No automated tags." />
        <TagGroup
          title="Manual"
          testId="tags-manual"
          tags={manual}
          empty="No manual tags yet."
          remove={canAct ? { workspaceId, contact } : undefined}
        />
        {broadcasts.length > 0 ? (
          <details data-testid="tags-broadcast">
            <summary className={edit.groupTitle}>
              Broadcast tags ({broadcasts.length}), one per campaign received
            </summary>
            <TagGroup title="" testId="tags-broadcast-list" tags={broadcasts} empty="" />
          </details>
        ) : null}
      </div>
      {canAct ? <AddTagForm workspaceId={workspaceId} contact={contact} /> : null}
    </Panel>
  );
}

function TagGroup({
  title,
  testId,
  tags,
  empty,
  remove,
}: {
  title: string;
  testId: string;
  tags: Tag[];
  empty: string;
  remove?: { workspaceId: string; contact: string };
}) {
  const zone = useWorkspaceZone();
  return (
    <div data-testid={testId}>
      {title ? <h3 className={edit.groupTitle}>{title}</h3> : null}
      {tags.length === 0 ? (
        <p className={`${styles.muted} ${styles.small}`}>{empty}</p>
      ) : (
        <ul className={edit.tags}>
          {tags.map((t) => (
            <li key={t.tag} className={edit.tag} data-kind={t.kind}>
              <span className={edit.tagName}>
                {t.label}
                {remove ? <RemoveTagButton {...remove} tag={t.tag} label={t.label} /> : null}
              </span>
              <span className={edit.tagMeta}>
                {t.kind === "manual" ? "" : `${ORIGIN_LABEL[t.origin] ?? t.origin} · `}
                {actorLabel(t.addedBy)}
                {(t.addedBy.kind === "agent" || t.addedBy.kind === "member") && t.addedBy.name ? ` (${actorRole(t.addedBy)})` : ""} · {formatWhen(t.addedAt, zone)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function RemoveTagButton({ workspaceId, contact, tag, label }: { workspaceId: string; contact: string; tag: string; label: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshProfile();
  const remove = useMutation(trpc.profile.removeTag.mutationOptions({ onSuccess: () => refresh() }));
  return (
    <>
      <button
        type="button"
        className={edit.removeTag}
        aria-label={`Remove tag ${label}`}
        title={`Remove tag ${label}`}
        disabled={remove.isPending}
        onClick={() => remove.mutate({ workspaceId, contact, tag })}
      >
        <svg width="12" height="12" viewBox="0 0 24 24" fill="none" aria-hidden="true">
          <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
        </svg>
      </button>
      {remove.isError ? (
        <span role="alert" className={edit.fieldError}>
          {describeError(remove.error)}
        </span>
      ) : null}
    </>
  );
}

/** The name a manual tag takes: the catalogue's rule, which the server applies to it too (checkAddTag). */
const addTagFormSchema = z.object({ tag: tagNameSchema });

function AddTagForm({ workspaceId, contact }: { workspaceId: string; contact: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshProfile();
  const options = useQuery(trpc.profile.tagOptions.queryOptions({ workspaceId }));
  const form = useSchemaForm(addTagFormSchema, { defaultValues: { tag: "" } });
  const problem = form.formState.errors.tag;
  const tag = form.watch("tag");
  const [added, setAdded] = useState<string | null>(null);
  const ids = { input: useId(), list: useId(), hint: useId(), error: useId() };
  const add = useMutation(
    trpc.profile.addTag.mutationOptions({
      onSuccess: (result) => {
        setAdded(result.created ? `Created “${result.label}” in the catalogue and added it.` : `Added “${result.label}”.`);
        form.reset({ tag: "" });
        void refresh();
      },
      // A one-field form: whatever the server refuses is about that field.
      onError: (err) => form.setError("tag", { type: "server", message: describeError(err) }),
    }),
  );
  const trimmed = tag.trim();
  const typed = trimmed.toLowerCase().replace(/\s+/g, " ");
  const inCatalogue = options.data?.some((o) => o.label.toLowerCase() === typed || o.tag.toLowerCase() === typed) ?? true;

  const submit = form.handleSubmit(({ tag: name }) => add.mutate({ workspaceId, contact, tag: name, create: !inCatalogue }));

  return (
    <form className={edit.form} onSubmit={submit} aria-label="Add a manual tag" noValidate>
      <div className={edit.formRow}>
        <div className={edit.field}>
          <label htmlFor={ids.input}>Add a manual tag</label>
          <input
            id={ids.input}
            className={edit.input}
            list={ids.list}
            {...form.register("tag", { onChange: () => setAdded(null) })}
            autoComplete="off"
            placeholder="Pick from the catalogue or type a new one"
            {...fieldAria(problem, ids.error, ids.hint)}
            aria-invalid={problem || overLimit(tag, 60) ? true : undefined}
          />
          <CharLimit value={tag} max={60} />
          <datalist id={ids.list}>
            {options.data?.map((o) => (
              <option key={o.tag} value={o.label}>
                {o.category || undefined}
              </option>
            ))}
          </datalist>
        </div>
        <button type="submit" className="btn btn-primary btn-small" disabled={add.isPending}>
          {add.isPending ? "Adding…" : trimmed && !inCatalogue ? "Create and add" : "Add tag"}
        </button>
      </div>
      <FieldError id={ids.error} error={problem} className={edit.fieldError} />
      {added ? (
        <span role="status" className={edit.done}>
          {added}
        </span>
      ) : null}
      <span id={ids.hint} className={edit.hint}>
        {trimmed && !inCatalogue
          ? `“${trimmed}” is not in the catalogue yet: it will be created there for everyone, then added.`
          : "Written to the journey under your name, and counted in segments at once."}
      </span>
    </form>
  );
}
