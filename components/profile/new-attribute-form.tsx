"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import { ValueInput } from "./attributes-panel";
import { useRefreshProfile } from "./use-refresh-profile";
import edit from "./profile-edit.module.css";
import styles from "./profile.module.css";

// The types of server/domain/attributes.ts, repeated so the browser bundle does not carry the server's validators.
const ATTRIBUTE_TYPES = ["text", "number", "date", "boolean", "email", "phone", "list"] as const;
type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/**
 * Defines a new attribute on the spot and sets this contact's value, in one
 * step. Closed behind a link: most edits are to attributes that exist.
 */
export function NewAttributeForm({ workspaceId, contact, full }: { workspaceId: string; contact: string; full: boolean }) {
  const trpc = useTRPC();
  const refresh = useRefreshProfile();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [type, setType] = useState<AttributeType>("text");
  const [options, setOptions] = useState("");
  const [value, setValue] = useState("");
  const ids = { name: useId(), type: useId(), options: useId(), value: useId(), error: useId() };
  const create = useMutation(
    trpc.profile.setAttribute.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        setName("");
        setOptions("");
        setValue("");
        void refresh();
      },
    }),
  );

  if (full) {
    return <p className={`${edit.hint} ${edit.form}`}>This workspace has all 20 attributes it can have; to add another, remove one in Manage → Attributes.</p>;
  }
  if (!open) {
    return (
      <p className={edit.form}>
        <button type="button" className={edit.linkButton} onClick={() => setOpen(true)}>
          + New attribute
        </button>
      </p>
    );
  }
  const optionList = options.split(",").map((o) => o.trim()).filter(Boolean);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({
      workspaceId,
      contact,
      attribute: name.trim(),
      value: value.trim() === "" ? null : value,
      define: { type, options: type === "list" ? optionList : [] },
    });
  }

  return (
    <form className={edit.form} onSubmit={submit} aria-label="New attribute" noValidate>
      <div className={edit.formRow}>
        <div className={edit.field}>
          <label htmlFor={ids.name}>New attribute</label>
          <input id={ids.name} className={edit.input} value={name} maxLength={40} placeholder="e.g. shoe_size" autoComplete="off" onChange={(e) => setName(e.target.value)} />
        </div>
        <div className={edit.field} style={{ flex: "0 1 120px" }}>
          <label htmlFor={ids.type}>Type</label>
          <select id={ids.type} className={edit.input} value={type} onChange={(e) => setType(e.target.value as AttributeType)}>
            {ATTRIBUTE_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
      </div>
      {type === "list" ? (
        <div className={edit.field}>
          <label htmlFor={ids.options}>Options, separated by commas</label>
          <input id={ids.options} className={edit.input} value={options} placeholder="Free, Basic, Premium" onChange={(e) => setOptions(e.target.value)} />
        </div>
      ) : null}
      <div className={edit.formRow}>
        <div className={edit.field}>
          <label htmlFor={ids.value}>Value for this contact</label>
          <ValueInput id={ids.value} type={type} options={optionList} value={value} onChange={setValue} invalid={create.isError} label="Value for this contact" />
        </div>
        <button type="submit" className="btn btn-primary btn-small" disabled={create.isPending}>
          {create.isPending ? "Saving…" : "Define and set"}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {create.isError ? (
        <span id={ids.error} role="alert" className={edit.fieldError}>
          {describeError(create.error)}
        </span>
      ) : null}
      <span className={edit.hint}>The attribute is added to the workspace for every contact; lower-case letters, digits and underscores.</span>
    </form>
  );
}
