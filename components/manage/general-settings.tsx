"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useMemo, useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc";
import { formatZoneClock } from "@/components/ui/format";
import { currentZoneName, zoneOffsetLabel } from "@/clickhouse/vocabulary/time-zones";
import type { Role } from "@/server/auth/roles";
import { ErrorState } from "@/components/ui/query-state";
import { SaveBar } from "./save-bar";
import styles from "./manage.module.css";

/**
 * Manage → General: the workspace's time zone. Every report cuts its days
 * and hours in it and every page shows times in it, so a business in India
 * sees its own midnight, not UTC's.
 */
export function GeneralSettings({ workspaceId, canEdit, role }: { workspaceId: string; canEdit: boolean; role: Role }) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.get.queryOptions({ workspaceId }));
  // The server's list is the one it checks against; it never changes while the app runs.
  const zones = useQuery(trpc.settings.timeZones.queryOptions({ workspaceId }, { staleTime: Infinity }));
  return (
    <section className={styles.panel} aria-labelledby="time-zone-title">
      <div className={styles.panelHeader}>
        <div>
          <h2 id="time-zone-title">The workspace’s time zone</h2>
          <p>
            The days and hours of every report (messages per day, “last 30 days”, the best hours to send, weeks of the
            unresolved-query report, segment rules on dates) and every time a page shows are in this zone.
          </p>
        </div>
      </div>
      {settings.isPending || zones.isPending ? (
        <p role="status" className={styles.note}>
          Loading the time zone…
        </p>
      ) : settings.isError || zones.isError ? (
        <ErrorState
          what="The time zone"
          error={settings.error ?? zones.error}
          onRetry={() => void Promise.all([settings.refetch(), zones.refetch()])}
          retrying={settings.isFetching || zones.isFetching}
        />
      ) : (
        <TimeZoneForm workspaceId={workspaceId} saved={settings.data.timeZone} zones={zones.data} canEdit={canEdit} role={role} />
      )}
    </section>
  );
}

/** "Asia/Kolkata (UTC+05:30)": what the list and the note show. */
function describeZone(zone: string): string {
  const offset = zoneOffsetLabel(zone);
  return offset && offset !== zone ? `${zone} (${offset})` : zone;
}

function TimeZoneForm({
  workspaceId,
  saved,
  zones,
  canEdit,
  role,
}: {
  workspaceId: string;
  saved: string;
  zones: string[];
  canEdit: boolean;
  role: Role;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [zone, setZone] = useState(saved);
  const [problem, setProblem] = useState<string | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = { input: useId(), list: useId(), hint: useId(), error: useId(), readOnly: useId() };
  const known = useMemo(() => new Set(zones), [zones]);
  // This browser's zone, offered as a shortcut when it is not the workspace's already.
  const [browserZone] = useState(() => currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone));
  const update = useMutation(
    trpc.settings.setTimeZone.mutationOptions({
      onSuccess: (data) => {
        setJustSaved(true);
        queryClient.setQueryData(trpc.settings.get.queryKey({ workspaceId }), data);
        // Every report was cut in the old zone: read them again. The layout passes the zone to the pages.
        void queryClient.invalidateQueries();
        router.refresh();
      },
    }),
  );
  const typed = zone.trim();
  const dirty = typed !== saved;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!known.has(typed)) {
      setProblem(`Pick a zone from the list: an IANA name like Asia/Kolkata or America/Sao_Paulo, or UTC.`);
      inputRef.current?.focus();
      return;
    }
    setProblem(null);
    setJustSaved(false);
    update.mutate({ workspaceId, timeZone: typed });
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-describedby={canEdit ? undefined : ids.readOnly}>
      {!canEdit ? (
        <p id={ids.readOnly} className={styles.note}>
          Only admins change the time zone. Your role here is {role}; ask an admin of this workspace to change it.
        </p>
      ) : null}
      <div className={styles.field}>
        <label htmlFor={ids.input}>Time zone</label>
        <input
          id={ids.input}
          ref={inputRef}
          className={styles.input}
          value={zone}
          onChange={(e) => {
            setZone(e.target.value);
            setProblem(null);
            setJustSaved(false);
          }}
          readOnly={!canEdit}
          list={canEdit ? ids.list : undefined}
          autoComplete="off"
          spellCheck={false}
          required
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${ids.error} ${ids.hint}` : ids.hint}
        />
        {canEdit ? (
          <datalist id={ids.list}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {zoneOffsetLabel(z) ?? ""}
              </option>
            ))}
          </datalist>
        ) : null}
        {problem ? (
          <span id={ids.error} className={styles.fieldError}>
            {problem}
          </span>
        ) : null}
        <span id={ids.hint} className={styles.hint}>
          {known.has(typed) ? `Now ${describeZone(typed)}: ${formatZoneClock(typed)}.` : "Type a city or region, like Kolkata or Sao_Paulo, and pick it from the list."}
        </span>
      </div>
      {canEdit && browserZone !== typed && known.has(browserZone) ? (
        <div>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setZone(browserZone);
              setProblem(null);
              setJustSaved(false);
            }}
          >
            Use this browser’s zone, {describeZone(browserZone)}
          </button>
        </div>
      ) : null}
      <SaveBar
        mutation={update}
        failedTitle="The time zone was not saved."
        canEdit={canEdit}
        disabled={!dirty}
        saveLabel="Save time zone"
        savedText={justSaved && !dirty ? "Saved. Reports now count days in this zone." : ""}
      />
    </form>
  );
}
