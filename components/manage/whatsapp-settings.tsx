"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc";
import type { Role } from "@/server/auth/roles";
import { CopyButton } from "./copy-button";
import { ErrorState } from "@/components/ui/query-state";
import { OptOutKeywords } from "./opt-out-keywords";
import { SaveBar } from "./save-bar";
import { FieldError, fieldAria } from "@/components/forms/field-error";
import { useSchemaForm, useServerFieldErrors } from "@/components/forms/schema-form";
import { workspaceSettingsInput } from "@/server/schemas/settings";
import { useOrigin } from "./use-origin";
import { WebhookRejections } from "./webhook-rejections";
import styles from "./manage.module.css";

interface Settings {
  name: string;
  phoneNumberId: string;
}

export function WhatsAppSettings({
  workspaceId,
  canEdit,
  role,
  serverSecrets,
}: {
  workspaceId: string;
  canEdit: boolean;
  role: Role;
  serverSecrets: { verifyToken: boolean; appSecret: boolean };
}) {
  const trpc = useTRPC();
  const query = useQuery(trpc.settings.get.queryOptions({ workspaceId }));
  return (
    <div className={styles.stack}>
      <div className={styles.columns}>
        <section className={styles.panel} aria-labelledby="settings-title">
          <div className={styles.panelHeader}>
            <div>
              <h2 id="settings-title">Workspace and WhatsApp number</h2>
              <p>Webhook deliveries from Meta carry the phone number id; ChatLens files them under this workspace.</p>
            </div>
          </div>
          {query.isPending ? (
            <SettingsSkeleton />
          ) : query.isError ? (
            <ErrorState what="The settings" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
          ) : (
            <SettingsForm
              workspaceId={workspaceId}
              saved={query.data}
              canEdit={canEdit}
              role={role}
            />
          )}
        </section>
        <WebhookHelp serverSecrets={serverSecrets} />
      </div>
      <OptOutKeywords workspaceId={workspaceId} canEdit={canEdit} />
      <WebhookRejections workspaceId={workspaceId} />
    </div>
  );
}

function SettingsForm({
  workspaceId,
  saved,
  canEdit,
  role,
}: {
  workspaceId: string;
  saved: Settings;
  canEdit: boolean;
  role: Role;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const form = useSchemaForm(workspaceSettingsInput, { defaultValues: { name: saved.name, phoneNumberId: saved.phoneNumberId } });
  const errors = form.formState.errors;
  const [name, phoneNumberId] = form.watch(["name", "phoneNumberId"]);
  const [justSaved, setJustSaved] = useState(false);
  const ids = { name: useId(), nameError: useId(), phone: useId(), phoneHint: useId(), phoneError: useId(), readOnly: useId() };
  const update = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: (data) => {
        setJustSaved(true);
        queryClient.setQueryData(trpc.settings.get.queryKey({ workspaceId }), data);
        // The workspace switcher in the sidebar is rendered on the server: show the new name there too.
        router.refresh();
      },
    }),
  );
  const dirty = name.trim() !== saved.name || phoneNumberId.trim() !== saved.phoneNumberId;

  const onFields = useServerFieldErrors(form, update.error, ["name", "phoneNumberId"]);
  const submit = form.handleSubmit((values) => {
    setJustSaved(false);
    update.mutate({ workspaceId, ...values });
  });

  return (
    <form className={styles.form} onSubmit={submit} aria-describedby={canEdit ? undefined : ids.readOnly}>
      {!canEdit ? (
        <p id={ids.readOnly} className={styles.note}>
          Only admins change these settings. Your role here is {role}; ask an admin of this workspace to change them.
        </p>
      ) : null}
      <div className={styles.field}>
        <label htmlFor={ids.name}>Workspace name</label>
        <input
          id={ids.name}
          className={styles.input}
          {...form.register("name", { onChange: () => setJustSaved(false) })}
          readOnly={!canEdit}
          maxLength={100}
          autoComplete="organization"
          {...fieldAria(errors.name, ids.nameError)}
        />
        <FieldError id={ids.nameError} error={errors.name} className={styles.fieldError} />
      </div>
      <div className={styles.field}>
        <label htmlFor={ids.phone}>WhatsApp phone number id</label>
        <input
          id={ids.phone}
          className={`${styles.input} ${styles.mono}`}
          {...form.register("phoneNumberId", { onChange: () => setJustSaved(false) })}
          readOnly={!canEdit}
          inputMode="numeric"
          maxLength={30}
          autoComplete="off"
          spellCheck={false}
          placeholder={canEdit ? "e.g. 106540352242922" : "Not set"}
          {...fieldAria(errors.phoneNumberId, ids.phoneError, ids.phoneHint)}
        />
        <FieldError id={ids.phoneError} error={errors.phoneNumberId} className={styles.fieldError} />
        <span id={ids.phoneHint} className={styles.hint}>
          In Meta’s WhatsApp Manager → API Setup, the “Phone number ID” (digits only). Leave it empty to stop receiving
          deliveries here.
        </span>
      </div>
      <SaveBar
        mutation={update}
        failedTitle="The settings were not saved."
        canEdit={canEdit}
        disabled={!dirty}
        saveLabel="Save settings"
        savedText={justSaved && !dirty ? "Saved." : ""}
        errorOnFields={onFields}
      />
    </form>
  );
}

function WebhookHelp({ serverSecrets }: { serverSecrets: { verifyToken: boolean; appSecret: boolean } }) {
  const origin = useOrigin();
  const url = `${origin ?? ""}/api/webhooks/whatsapp`;
  const urlRef = useRef<HTMLInputElement>(null);
  const urlLabel = useId();
  return (
    <section className={styles.panel} aria-labelledby="webhook-title">
      <div className={styles.panelHeader}>
        <div>
          <h2 id="webhook-title">Connect the WhatsApp webhook</h2>
          <p>In the Meta App Dashboard, under WhatsApp → Configuration.</p>
        </div>
      </div>
      <div className={styles.help}>
        <ol>
          <li>
            <span id={urlLabel}>Set the callback URL to:</span>
            <div className={styles.copyRow} style={{ marginTop: 6 }}>
              <input
                ref={urlRef}
                className={`${styles.input} ${styles.mono}`}
                value={origin ? url : ""}
                placeholder="…/api/webhooks/whatsapp"
                readOnly
                aria-labelledby={urlLabel}
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton text={url} label="Copy URL" describedBy={urlLabel} fallbackInput={urlRef} />
            </div>
          </li>
          <li>
            Set the verify token to the value of <code>WHATSAPP_VERIFY_TOKEN</code> on the ChatLens server.
            <EnvStatus set={serverSecrets.verifyToken} />
          </li>
          <li>
            ChatLens checks every delivery’s <code>X-Hub-Signature-256</code> with your app secret, set on the server as{" "}
            <code>WHATSAPP_APP_SECRET</code>. Deliveries with a wrong signature are refused and nothing is stored.
            <EnvStatus set={serverSecrets.appSecret} />
          </li>
          <li>
            Subscribe to the <code>messages</code> webhook field: it brings inbound messages and the sent, delivered and
            read ticks of your campaigns.
          </li>
          <li>Save the phone number id on the left, so deliveries for that number land in this workspace.</li>
        </ol>
        <p>Both values are server settings, not stored in ChatLens: whoever runs the server sets them and restarts it.</p>
      </div>
    </section>
  );
}

function EnvStatus({ set }: { set: boolean }) {
  return (
    <span className={styles.envStatus} data-set={set}>
      {set ? "✓ Set on this server" : "Not set on this server yet"}
    </span>
  );
}

function SettingsSkeleton() {
  return (
    <div className={styles.form} aria-busy="true">
      <p role="status" className="visually-hidden">
        Loading the settings…
      </p>
      {[0, 1].map((i) => (
        <div key={i} className={styles.field} aria-hidden="true">
          <span className={styles.skeleton} style={{ width: 160, height: 12 }} />
          <span className={styles.skeleton} style={{ width: "100%", height: 36, marginTop: 4 }} />
        </div>
      ))}
      <span className={styles.skeleton} style={{ width: 120, height: 36 }} aria-hidden="true" />
    </div>
  );
}
