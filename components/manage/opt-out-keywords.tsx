"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { formatDateTime } from "@/components/ui/format";
import { ErrorState, Skeleton } from "@/components/ui/query-state";
import { SaveBar } from "./save-bar";
import styles from "./manage.module.css";

/** One keyword per line; blank lines do not count. */
const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);

/**
 * Manage → WhatsApp: the replies that opt a contact out of marketing, and
 * back in. Admins edit them; everyone sees them. A change applies to messages
 * that arrive from then on (README, "Opt-outs").
 */
export function OptOutKeywords({ workspaceId, canEdit }: { workspaceId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.optOuts.keywords.queryOptions({ workspaceId }));
  return (
    <section className={styles.panel} aria-labelledby="opt-out-title" data-testid="opt-out-keywords">
      <div className={styles.panelHeader}>
        <div>
          <h2 id="opt-out-title">Opt-out keywords</h2>
          <p>
            A reply that is exactly one of these words (any case, spacing or Unicode form) opts the contact out of marketing, or back
            in. WhatsApp’s error 131050 opts out too. Changes apply to messages that arrive from now on.
          </p>
        </div>
      </div>
      {query.isPending ? (
        <div className={styles.form} aria-busy="true">
          <Skeleton height={120} />
        </div>
      ) : query.isError ? (
        <ErrorState what="The keywords" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : (
        <KeywordsForm workspaceId={workspaceId} saved={query.data} canEdit={canEdit} />
      )}
    </section>
  );
}

function KeywordsForm({
  workspaceId,
  saved,
  canEdit,
}: {
  workspaceId: string;
  saved: { optOut: string[]; optIn: string[]; custom: boolean; updatedAt: string | null };
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const zone = useWorkspaceZone();
  const [optOut, setOptOut] = useState(saved.optOut.join("\n"));
  const [optIn, setOptIn] = useState(saved.optIn.join("\n"));
  const [justSaved, setJustSaved] = useState(false);
  const ids = { optOut: useId(), optIn: useId(), optOutHint: useId(), optInHint: useId() };
  // The lists as saved (duplicates dropped, or the defaults back), then "Saved." until the next edit.
  const onSuccess = (data: typeof saved) => {
    setOptOut(data.optOut.join("\n"));
    setOptIn(data.optIn.join("\n"));
    setJustSaved(true);
    queryClient.setQueryData(trpc.optOuts.keywords.queryKey({ workspaceId }), data);
  };
  const save = useMutation(trpc.optOuts.setKeywords.mutationOptions({ onSuccess }));
  const reset = useMutation(trpc.optOuts.resetKeywords.mutationOptions({ onSuccess }));
  const dirty = lines(optOut).join("\n") !== saved.optOut.join("\n") || lines(optIn).join("\n") !== saved.optIn.join("\n");
  const noOptOut = lines(optOut).length === 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setJustSaved(false);
    save.mutate({ workspaceId, optOut: lines(optOut), optIn: lines(optIn) });
  }

  const edit = (set: (v: string) => void) => (e: { target: { value: string } }) => {
    set(e.target.value);
    setJustSaved(false);
  };
  return (
    <form className={styles.form} onSubmit={submit}>
      <div className={styles.columns}>
        <div className={styles.field}>
          <label htmlFor={ids.optOut}>Opt out</label>
          <textarea
            id={ids.optOut}
            className={`${styles.input} ${styles.mono}`}
            style={{ height: 180, padding: 8 }}
            value={optOut}
            onChange={edit(setOptOut)}
            readOnly={!canEdit}
            aria-invalid={noOptOut ? true : undefined}
            aria-describedby={ids.optOutHint}
            spellCheck={false}
          />
          <span id={ids.optOutHint} className={noOptOut ? styles.fieldError : styles.hint}>
            {noOptOut ? "Keep at least one: WhatsApp requires a way to stop marketing." : `One per line · ${lines(optOut).length} keywords`}
          </span>
        </div>
        <div className={styles.field}>
          <label htmlFor={ids.optIn}>Opt back in</label>
          <textarea
            id={ids.optIn}
            className={`${styles.input} ${styles.mono}`}
            style={{ height: 180, padding: 8 }}
            value={optIn}
            onChange={edit(setOptIn)}
            readOnly={!canEdit}
            aria-describedby={ids.optInHint}
            spellCheck={false}
          />
          <span id={ids.optInHint} className={styles.hint}>
            One per line · {lines(optIn).length} keywords
          </span>
        </div>
      </div>
      <p className={styles.hint}>
        {saved.custom
          ? `This workspace’s own keywords${saved.updatedAt ? `, saved ${formatDateTime(saved.updatedAt, zone)}` : ""}.`
          : "ChatLens’s defaults: English, Hindi and Spanish."}
        {canEdit && saved.custom ? (
          <>
            {" "}
            <button type="button" className="btn btn-small" onClick={() => reset.mutate({ workspaceId })} disabled={reset.isPending}>
              Restore the defaults
            </button>
          </>
        ) : null}
      </p>
      <SaveBar
        mutation={{ isPending: save.isPending || reset.isPending, isError: save.isError || reset.isError, error: save.error ?? reset.error }}
        failedTitle="The keywords were not saved."
        canEdit={canEdit}
        disabled={!dirty || noOptOut}
        saveLabel="Save keywords"
        savedText={justSaved && !dirty ? "Saved." : ""}
      />
    </form>
  );
}
