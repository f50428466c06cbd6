"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useId, useState } from "react";
import { FieldError, fieldAria } from "@/components/forms/field-error";
import { useSchemaForm, useServerFieldErrors } from "@/components/forms/schema-form";
import { formatNumber } from "@/components/ui/format";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import { QueryState } from "@/components/ui/query-state";
import { Panel, SmallEmpty } from "@/components/ui/panel";
import { DateTime } from "@/components/workspace-zone";
import type { AppRouter } from "@/server/routers/_app";
import { destinationConnectForm } from "@/server/schemas/destinations";
import { Select } from "@/components/ui/select";
import { ClientTable } from "@/components/ui/table/client-table";
import { createDataColumnHelper } from "@/components/ui/table/features";
import styles from "./segments.module.css";
import sync from "./sync.module.css";
import { refreshQueries } from "@/components/refresh-queries";

type Listed = inferRouterOutputs<AppRouter>["destinations"]["list"];
type Destination = Listed["destinations"][number];
type Delivery = Destination["deliveries"][number];

const SCHEDULES = [
  { value: "manual", label: "Only when I press Sync now" },
  { value: "hourly", label: "Every hour" },
  { value: "daily", label: "Every day" },
] as const;
type Schedule = (typeof SCHEDULES)[number]["value"];
const scheduleLabel = (s: Schedule) => SCHEDULES.find((x) => x.value === s)?.label ?? s;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Destinations of a saved segment: where its joins and leaves go, each with
 * its state and its delivery log. Admins and marketers connect, sync, resume
 * and remove; everyone else reads.
 */
export function DestinationsPanel({ workspaceId, segmentId }: { workspaceId: string; segmentId: string }) {
  const trpc = useTRPC();
  // While a sync or a retry is on its way, the log is read again now and then.
  const list = useQuery({
    ...trpc.destinations.list.queryOptions({ workspaceId, segmentId }),
    refetchInterval: (q) => (q.state.data?.destinations.some((d) => d.syncing || (d.state === "active" && d.nextSyncAt !== null && d.failedAttempts > 0)) ? 5_000 : false),
  });
  const [connecting, setConnecting] = useState(false);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const canManage = list.data?.canManage ?? false;

  return (
    <Panel
      id="destinations"
      title="Destinations"
      description="Keep another tool's audience in step: each sync sends who joined and who left since the last one, as signed NDJSON."
      actions={
        canManage && !connecting ? (
          <button type="button" className="btn btn-small" onClick={() => setConnecting(true)}>
            Connect a destination
          </button>
        ) : null
      }
    >
      {secret ? <SecretShownOnce name={secret.name} secret={secret.secret} onDone={() => setSecret(null)} /> : null}
      {connecting ? (
        <ConnectForm
          workspaceId={workspaceId}
          segmentId={segmentId}
          onCancel={() => setConnecting(false)}
          onCreated={(name, value) => {
            setConnecting(false);
            setSecret({ name, secret: value });
          }}
        />
      ) : null}
      <QueryState query={list} what="destinations" skeletonHeight={80}>
        {(data) =>
          data.destinations.length === 0 ? (
            <SmallEmpty>
              No destination yet.{" "}
              {data.canManage ? "Connect your CRM or ad platform's endpoint: the first sync sends the whole audience, the next ones only the changes." : "Admins and marketers can connect one."}
            </SmallEmpty>
          ) : (
            <div className={sync.destinations}>
              {data.destinations.map((d) => (
                <DestinationCard key={d.destinationId} workspaceId={workspaceId} destination={d} canManage={data.canManage} />
              ))}
            </div>
          )
        }
      </QueryState>
    </Panel>
  );
}

function ConnectForm({
  workspaceId,
  segmentId,
  onCancel,
  onCreated,
}: {
  workspaceId: string;
  segmentId: string;
  onCancel: () => void;
  onCreated: (name: string, secret: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.destinations.create.mutationOptions({
      onSuccess: async (result, input) => {
        await refreshQueries(queryClient, { queryKey: trpc.destinations.list.queryKey({ workspaceId, segmentId }) });
        onCreated(input.name, result.secret);
      },
    }),
  );
  const form = useSchemaForm(destinationConnectForm, { defaultValues: { name: "", url: "", schedule: "daily" } });
  const errors = form.formState.errors;
  const ids = { name: useId(), nameError: useId(), url: useId(), urlError: useId() };
  // The server's refusal of a field lands on that field; anything else shows as the form's error below.
  const onField = useServerFieldErrors(form, create.error, ["name", "url", "schedule"]);
  const submit = form.handleSubmit((values) => create.mutate({ workspaceId, segmentId, ...values }));
  return (
    <form className={sync.connectForm} onSubmit={submit} aria-label="Connect a destination" noValidate>
      <div className={styles.field}>
        <label htmlFor={ids.name}>Destination name</label>
        <input id={ids.name} className={styles.input} {...form.register("name")} placeholder="CRM audience" autoComplete="off" autoFocus {...fieldAria(errors.name, ids.nameError)} />
        <FieldError id={ids.nameError} error={errors.name} className={styles.problem} />
      </div>
      <div className={styles.field}>
        <label htmlFor={ids.url}>Endpoint (https://)</label>
        <input
          id={ids.url}
          className={styles.input}
          {...form.register("url")}
          type="url"
          placeholder="https://crm.example.com/chatlens/audience"
          autoComplete="off"
          {...fieldAria(errors.url, ids.urlError)}
        />
        <FieldError id={ids.urlError} error={errors.url} className={styles.problem} />
      </div>
      <Select label="When it syncs" {...form.register("schedule")}>
        {SCHEDULES.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </Select>
      <div className={styles.actions}>
        <button type="submit" className="btn btn-primary btn-small" disabled={create.isPending}>
          {create.isPending ? "Connecting…" : "Connect"}
        </button>
        <button type="button" className="btn btn-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {create.error && !onField ? (
        <p role="alert" className={`${styles.problem} ${sync.connectProblem}`}>
          {describeError(create.error)}
        </p>
      ) : null}
    </form>
  );
}

/** The signing secret, the one time it is ever shown. */
function SecretShownOnce({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className={`alert ${sync.secretBox}`}>
      <div>
        <strong>“{name}” is connected. Copy its signing secret now: it is not shown again.</strong>
        <p className={styles.hint}>
          Each request carries <code>X-ChatLens-Timestamp</code> and <code>X-ChatLens-Signature: sha256=…</code>, the HMAC-SHA256 of{" "}
          <code>timestamp.body</code> with this secret. Refuse a request whose signature differs or whose timestamp is more than 5 minutes off.
        </p>
        <code className={sync.secret} data-testid="destination-secret">
          {secret}
        </code>
      </div>
      <div className={styles.actions}>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? "Copied" : "Copy"}
        </button>
        <button type="button" className="btn btn-small" onClick={onDone}>
          I saved it
        </button>
      </div>
    </div>
  );
}

function DestinationCard({ workspaceId, destination: d, canManage }: { workspaceId: string; destination: Destination; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => refreshQueries(queryClient, { queryKey: trpc.destinations.list.pathKey() });
  const syncNow = useMutation(trpc.destinations.syncNow.mutationOptions({ onSettled: refresh }));
  const resume = useMutation(trpc.destinations.resume.mutationOptions({ onSettled: refresh }));
  const update = useMutation(trpc.destinations.update.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(trpc.destinations.remove.mutationOptions({ onSettled: refresh }));
  const [confirming, setConfirming] = useState(false);
  const error = syncNow.error ?? resume.error ?? update.error ?? remove.error;
  const busy = syncNow.isPending || d.syncing;

  return (
    <article className={sync.destination} aria-labelledby={`destination-${d.destinationId}`} data-destination-id={d.destinationId}>
      <header className={sync.destinationHeader}>
        <div>
          <h3 id={`destination-${d.destinationId}`} className={sync.destinationName}>
            {d.name} {d.state === "paused" ? <span className={sync.pausedBadge}>Paused</span> : null}
          </h3>
          <p className={styles.hint}>
            <span className={sync.url}>{d.url}</span> · {scheduleLabel(d.schedule)}
            {d.lastSyncedAt ? (
              <>
                {" "}
                · last synced <DateTime value={iso(d.lastSyncedAt)} />
              </>
            ) : (
              " · never synced"
            )}
            {d.state === "active" && d.nextSyncAt ? (
              <>
                {" "}
                · {d.failedAttempts > 0 ? "retry" : "next"} <DateTime value={iso(d.nextSyncAt)} />
              </>
            ) : null}
          </p>
        </div>
        {canManage ? (
          <div className={styles.actions}>
            {d.state === "paused" ? (
              <button type="button" className="btn btn-small btn-primary" disabled={resume.isPending} onClick={() => resume.mutate({ workspaceId, destinationId: d.destinationId })}>
                {resume.isPending ? "Resuming…" : "Resume"}
              </button>
            ) : (
              <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => syncNow.mutate({ workspaceId, destinationId: d.destinationId })}>
                {busy ? "Syncing…" : "Sync now"}
              </button>
            )}
            <Select
              label={`When ${d.name} syncs`}
              hideLabel
              value={d.schedule}
              disabled={update.isPending}
              onChange={(e) => update.mutate({ workspaceId, destinationId: d.destinationId, name: d.name, schedule: e.target.value as Schedule })}
            >
              {SCHEDULES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </Select>
            {confirming ? (
              <>
                <button type="button" className={`btn btn-small ${styles.btnDanger}`} disabled={remove.isPending} onClick={() => remove.mutate({ workspaceId, destinationId: d.destinationId })}>
                  {remove.isPending ? "Removing…" : "Remove for good"}
                </button>
                <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
                  Keep
                </button>
              </>
            ) : (
              <button type="button" className="btn btn-small" aria-label={`Remove ${d.name}`} onClick={() => setConfirming(true)}>
                Remove
              </button>
            )}
          </div>
        ) : null}
      </header>
      {d.state === "paused" ? (
        <p role="status" className={sync.pausedReason}>
          <strong>Paused:</strong> {d.pausedReason} {canManage ? "Fix the receiver, then Resume: the sync starts where it stopped." : null}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className={styles.problem}>
          {describeError(error)}
        </p>
      ) : null}
      <DeliveryLog deliveries={d.deliveries} name={d.name} />
    </article>
  );
}

const OUTCOME = { delivered: "Delivered", failed: "Failed", paused: "Paused" } as const;
const TRIGGER = { manual: "Sync now", schedule: "Scheduled", retry: "Retry" } as const;

const helper = createDataColumnHelper<Delivery>();
const dash = <span className={styles.muted}>—</span>;

/** Time, what it carried, the receiver's answer, the result and why, the next try. */
const DELIVERY_COLUMNS = helper.columns([
  helper.accessor("startedAt", {
    id: "time",
    header: "Time",
    sortDescFirst: true,
    cell: ({ getValue }) => <DateTime value={iso(getValue())} className={sync.nowrap} />,
  }),
  helper.accessor("trigger", {
    header: "Trigger",
    enableSorting: false,
    cell: ({ row }) => (
      <span className={sync.nowrap}>
        {TRIGGER[row.original.trigger]}
        {row.original.attempt > 1 ? <span className={styles.muted}> · try {formatNumber(row.original.attempt)}</span> : null}
      </span>
    ),
  }),
  helper.accessor("joins", { header: "Joins", sortDescFirst: true, meta: { align: "end" } }),
  helper.accessor("leaves", { header: "Leaves", sortDescFirst: true, meta: { align: "end" } }),
  helper.accessor("statusCode", { header: "Answer", enableSorting: false, meta: { align: "end", label: "The receiver’s HTTP answer" }, cell: ({ getValue }) => getValue() || dash }),
  helper.accessor("outcome", {
    header: "Result",
    enableSorting: false,
    cell: ({ getValue }) => <span className={getValue() === "delivered" ? sync.outcomeOk : sync.outcomeBad}>{OUTCOME[getValue()]}</span>,
  }),
  helper.accessor("message", { header: "Details", enableSorting: false, meta: { truncate: true }, cell: ({ getValue }) => getValue() || dash }),
  helper.accessor("nextTryAt", {
    header: "Next try",
    enableSorting: false,
    cell: ({ getValue }) => {
      const next = getValue();
      return next ? <DateTime value={iso(next)} className={sync.nowrap} /> : dash;
    },
  }),
]);

/** Every attempt, newest first (a click on Time turns it round). */
function DeliveryLog({ deliveries, name }: { deliveries: Delivery[]; name: string }) {
  if (deliveries.length === 0) return <SmallEmpty>No sync yet: the log fills in with the first one.</SmallEmpty>;
  return (
    <ClientTable
      caption={`Deliveries to ${name}, newest first`}
      columns={DELIVERY_COLUMNS}
      data={deliveries}
      getRowId={(x) => `${x.syncId}:${x.attempt}:${x.startedAt}`}
      initialSort={[{ id: "time", desc: true }]}
    />
  );
}
