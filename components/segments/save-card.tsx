"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CharLimit, overLimit } from "@/components/forms/char-limit";
import type { inferRouterOutputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import type { AppRouter } from "@/server/routers/_app";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { builderHref } from "./use-segment-tree";
import styles from "./segments.module.css";

type Saved = inferRouterOutputs<AppRouter>["segments"]["get"];

/** Save a new segment, or a new version of this one (or a copy, with "Save as new"). */
export function SaveCard({ workspaceId, saved, tree, dirty, canEdit }: { workspaceId: string; saved?: Saved; tree: FilterTree | null; dirty: boolean; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState(saved?.name ?? "");
  const [description, setDescription] = useState(saved?.description ?? "");
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation(
    trpc.segments.save.mutationOptions({
      onSuccess: async ({ segmentId }, input) => {
        await queryClient.invalidateQueries({ queryKey: trpc.segments.pathKey() });
        setDone(input.segmentId ? "Saved." : null);
        if (!input.segmentId && tree) router.push(builderHref(workspaceId, tree, segmentId));
      },
    }),
  );

  if (!canEdit) {
    return (
      <section className={styles.card}>
        <h2 className={styles.cardTitle}>Save</h2>
        <p className={styles.muted}>Only admins and marketers can save segments. Share the link in the address bar instead.</p>
      </section>
    );
  }

  const changed = dirty || name.trim() !== saved?.name || description.trim() !== (saved?.description ?? "");
  function submit(event: FormEvent<HTMLFormElement>, asNew = false) {
    event.preventDefault();
    if (!tree) return;
    setDone(null);
    save.mutate({ workspaceId, segmentId: asNew ? undefined : saved?.segmentId, name: asNew && saved && name.trim() === saved.name ? `${name.trim()} (copy)` : name, description, tree });
  }

  return (
    <section className={styles.card} aria-labelledby="save-title">
      <h2 id="save-title" className={styles.cardTitle}>
        {saved ? "Segment" : "Save as a segment"}
      </h2>
      <form className={styles.form} onSubmit={(e) => submit(e)}>
        <label className={styles.field}>
          <span>Name</span>
          <input className={styles.input} value={name} required aria-invalid={overLimit(name, 120) || undefined} onChange={(e) => setName(e.target.value)} placeholder="Warm leads in Mumbai" />
          <CharLimit value={name} max={120} />
        </label>
        <label className={styles.field}>
          <span>Description</span>
          <textarea
            className={styles.textarea}
            value={description}
            rows={2}
            aria-invalid={overLimit(description, 1000) || undefined}
            onChange={(e) => setDescription(e.target.value)}
            placeholder="Optional: what this audience is for"
          />
          <CharLimit value={description} max={1000} />
        </label>
        <div className={styles.actions}>
          <button type="submit" className="btn btn-primary btn-small" disabled={!tree || !name.trim() || overLimit(name, 120) || overLimit(description, 1000) || save.isPending || (saved && !changed)}>
            {save.isPending ? "Saving…" : saved ? "Save changes" : "Save segment"}
          </button>
          {saved ? (
            <button type="button" className="btn btn-small" disabled={!tree || save.isPending} onClick={(e) => submit(e as unknown as FormEvent<HTMLFormElement>, true)}>
              Save as new
            </button>
          ) : null}
          {done ? <span className={styles.saved} role="status">{done}</span> : null}
        </div>
        {!tree ? <p className={styles.hint}>Finish the highlighted rules first.</p> : null}
        {save.isError ? (
          <p role="alert" className={styles.problem}>
            {describeError(save.error)}
          </p>
        ) : null}
      </form>
    </section>
  );
}
