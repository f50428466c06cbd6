"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc";
import type { Role } from "@/server/auth/roles";
import { ErrorState } from "@/components/ui/query-state";
import { SaveBar } from "./save-bar";
import { browserZone, describeZone, TimeZoneField, useZoneSchema } from "@/components/forms/time-zone-field";
import { useSchemaForm, useServerFieldErrors } from "@/components/forms/schema-form";
import { timeZoneInput } from "@/server/schemas/settings";
import styles from "./manage.module.css";
import { refreshQueries } from "@/components/refresh-queries";

/**
 * Manage → General: the workspace's time zone. Every report cuts its days
 * and hours in it and every page shows times in it, so a business in India
 * sees its own midnight, not UTC's.
 */
export function GeneralSettings({ workspaceId, canEdit, role }: { workspaceId: string; canEdit: boolean; role: Role }) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.get.queryOptions({ workspaceId }));
  // The server's list is the one it checks against; it never changes while the app runs.
  const zones = useQuery(trpc.workspaces.timeZones.queryOptions(undefined, { staleTime: Infinity }));
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
  const known = useMemo(() => new Set(zones), [zones]);
  const zoneSchema = useZoneSchema(zones);
  const schema = useMemo(() => timeZoneInput.extend({ timeZone: zoneSchema }), [zoneSchema]);
  const form = useSchemaForm(schema, { defaultValues: { timeZone: saved } });
  const error = form.formState.errors.timeZone;
  const zone = form.watch("timeZone");
  const [justSaved, setJustSaved] = useState(false);
  const ids = { readOnly: useId() };
  // This browser's zone, offered as a shortcut when it is not the workspace's already.
  const [browser] = useState(browserZone);
  const update = useMutation(
    trpc.settings.setTimeZone.mutationOptions({
      onSuccess: (data) => {
        setJustSaved(true);
        queryClient.setQueryData(trpc.settings.get.queryKey({ workspaceId }), data);
        // Every report was cut in the old zone: read them again. The layout passes the zone to the pages.
        void refreshQueries(queryClient);
        router.refresh();
      },
    }),
  );
  const typed = zone.trim();
  const dirty = typed !== saved;

  const onField = useServerFieldErrors(form, update.error, ["timeZone"]);
  const submit = form.handleSubmit(({ timeZone }) => {
    setJustSaved(false);
    update.mutate({ workspaceId, timeZone });
  });

  return (
    <form className={styles.form} onSubmit={submit} aria-describedby={canEdit ? undefined : ids.readOnly}>
      {!canEdit ? (
        <p id={ids.readOnly} className={styles.note}>
          Only admins change the time zone. Your role here is {role}; ask an admin of this workspace to change it.
        </p>
      ) : null}
      <TimeZoneField
        registration={form.register("timeZone", { onChange: () => setJustSaved(false) })}
        zones={zones}
        typed={typed}
        error={error}
        readOnly={!canEdit}
        styles={styles}
      />
      {canEdit && browser !== typed && known.has(browser) ? (
        <div>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              form.setValue("timeZone", browser, { shouldValidate: form.formState.isSubmitted });
              setJustSaved(false);
            }}
          >
            Use this browser’s zone, {describeZone(browser)}
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
        errorOnFields={onField}
      />
    </form>
  );
}
