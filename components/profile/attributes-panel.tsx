"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { z } from "zod";
import { FieldError } from "@/components/forms/field-error";
import { useSchemaForm } from "@/components/forms/schema-form";
import { Select } from "@/components/ui/select";
import { attributeValueSchema } from "@/server/schemas/attribute-value";
import { describeError } from "@/components/trpc-error";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { useTRPC } from "@/components/trpc";
import { NewAttributeForm } from "./new-attribute-form";
import { formatWhen } from "@/components/ui/format";
import { actorLabel, actorRole } from "./format";
import type { ProfileOverview } from "./profile-view";
import { useRefreshProfile } from "./use-refresh-profile";
import edit from "./profile-edit.module.css";
import { Panel } from "@/components/ui/panel";
import styles from "./profile.module.css";

type Attribute = ProfileOverview["attributes"][number];

const MAX_ATTRIBUTES = 20;

export function AttributesPanel({
  workspaceId,
  contact,
  attributes,
  canAct,
}: {
  workspaceId: string;
  contact: string;
  attributes: Attribute[];
  canAct: boolean;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const zone = useWorkspaceZone();
  const definedCount = attributes.filter((a) => a.defined && !a.archived).length;
  return (
    <Panel id="attributes" title="Attributes" description={<>Every attribute of the workspace ({definedCount} of {MAX_ATTRIBUTES} in use), with who or what set each value.</>}>
      {attributes.length === 0 ? (
        <p className={styles.empty}>This workspace has no attributes yet. Admins and marketers define them in Manage → Attributes.</p>
      ) : (
        <dl className={edit.attributes}>
          {attributes.map((a) => (
            <div key={a.name} className={edit.attribute} data-testid={`attribute-${a.name}`}>
              <dt>
                {a.label}
                <span>
                  {a.name} · {a.defined ? a.type : "not defined in this workspace"}
                  {a.archived ? " · archived" : ""}
                </span>
              </dt>
              <dd>
                {a.value ? a.value : <span className={styles.muted}>Not set</span>}
                {a.setBy && a.setAt ? (
                  <span className={edit.setBy}>
                    {a.value ? "Set" : "Cleared"} by {actorLabel(a.setBy)}
                    {actorRole(a.setBy) && a.setBy.name ? ` (${actorRole(a.setBy)})` : ""} · {formatWhen(a.setAt, zone)}
                  </span>
                ) : null}
              </dd>
              {canAct && a.defined && !a.archived && editing !== a.name ? (
                <button type="button" className={edit.linkButton} onClick={() => setEditing(a.name)} aria-label={`Edit ${a.label}`}>
                  {a.value ? "Edit" : "Set"}
                </button>
              ) : (
                <span />
              )}
              {editing === a.name ? (
                <AttributeEditor workspaceId={workspaceId} contact={contact} attribute={a} onDone={() => setEditing(null)} />
              ) : null}
            </div>
          ))}
        </dl>
      )}
      {canAct ? <NewAttributeForm workspaceId={workspaceId} contact={contact} full={definedCount >= MAX_ATTRIBUTES} /> : null}
    </Panel>
  );
}

/** The input that fits a type, so a date is picked and a list value chosen rather than typed. */
export function ValueInput({
  id,
  type,
  options,
  value,
  onChange,
  invalid,
  describedBy,
  label,
}: {
  id: string;
  type: string;
  options: string[];
  value: string;
  onChange: (v: string) => void;
  invalid: boolean;
  describedBy?: string;
  label: string;
}) {
  const common = {
    id,
    className: edit.input,
    value,
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy,
    "aria-label": label,
  };
  if (type === "list" || type === "boolean") {
    const choices = type === "list" ? options : ["true", "false"];
    return (
      // aria-label names the box the same way as the other types, wherever a visible label also points at it.
      <Select id={id} value={value} aria-invalid={common["aria-invalid"]} aria-describedby={describedBy} aria-label={label} label={label} hideLabel onChange={(e) => onChange(e.target.value)}>
        <option value="">— not set —</option>
        {choices.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </Select>
    );
  }
  const inputType = type === "date" ? "date" : type === "email" ? "email" : type === "phone" ? "tel" : "text";
  return (
    <input
      {...common}
      type={inputType}
      inputMode={type === "number" ? "decimal" : undefined}
      autoComplete="off"
      maxLength={1000}
      placeholder={type === "phone" ? "+919812345678" : type === "number" ? "42" : undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function AttributeEditor({ workspaceId, contact, attribute, onDone }: { workspaceId: string; contact: string; attribute: Attribute; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshProfile();
  const schema = useMemo(() => z.object({ value: attributeValueSchema({ name: attribute.name, type: attribute.type, options: attribute.options }) }), [attribute]);
  const form = useSchemaForm(schema, { defaultValues: { value: attribute.value } });
  const value = form.watch("value");
  const ids = { input: useId(), error: useId() };
  const save = useMutation(
    trpc.profile.setAttribute.mutationOptions({
      onSuccess: () => {
        void refresh();
        onDone();
      },
    }),
  );

  // A one-field form: whatever the server refuses is about that field.
  const problem = form.formState.errors.value ?? (save.isError ? { type: "server", message: describeError(save.error) } : undefined);
  const submit = form.handleSubmit(({ value: v }) => save.mutate({ workspaceId, contact, attribute: attribute.name, value: v.trim() === "" ? null : v }));

  return (
    <form className={edit.editRow} onSubmit={submit} aria-label={`Set ${attribute.label}`} noValidate>
      <div className={edit.field}>
        <ValueInput
          id={ids.input}
          type={attribute.type}
          options={attribute.options}
          value={value}
          onChange={(v) => {
            form.setValue("value", v, { shouldValidate: form.formState.isSubmitted });
            save.reset();
          }}
          invalid={Boolean(problem)}
          describedBy={problem ? ids.error : undefined}
          label={`New value of ${attribute.label}`}
        />
        <FieldError id={ids.error} error={problem} className={edit.fieldError} />
      </div>
      <button type="submit" className="btn btn-primary btn-small" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save"}
      </button>
      <button type="button" className="btn btn-small" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
