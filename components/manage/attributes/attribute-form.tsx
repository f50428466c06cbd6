"use client";

import { useId, useState, type FormEvent } from "react";
import { describeError } from "@/components/trpc-error";
import { keyFromLabel } from "@/server/domain/attribute-key";
import { ATTRIBUTE_TYPE_LABELS, type AttributeTypeName } from "./attribute-types";
import styles from "../manage.module.css";
import catalogue from "../catalogue.module.css";

export interface AttributeFormValues {
  label: string;
  /** Only when creating: the key, or empty to derive it from the label. */
  name: string;
  type: AttributeTypeName;
  options: string[];
}

const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** One option per line (commas also separate them when pasted from a spreadsheet). */
function parseOptions(text: string): string[] {
  return text
    .split(/\r?\n|,/)
    .map((o) => o.trim())
    .filter(Boolean);
}

/**
 * Creating an attribute (name, key, type, options) or editing one (name and,
 * for a one-of-a-list attribute, its options: the key and type are fixed
 * because stored values are read by them).
 */
export function AttributeForm({
  mode,
  initial,
  pending,
  error,
  onSubmit,
  onCancel,
  disabledReason,
}: {
  mode: "create" | "edit";
  initial: AttributeFormValues;
  pending: boolean;
  error: unknown;
  onSubmit: (values: AttributeFormValues) => void;
  onCancel?: () => void;
  /** Why the form cannot be sent now (the limit is reached), shown instead of sending. */
  disabledReason?: string | null;
}) {
  const [label, setLabel] = useState(initial.label);
  const [key, setKey] = useState(initial.name);
  const [type, setType] = useState<AttributeTypeName>(initial.type);
  const [optionsText, setOptionsText] = useState(initial.options.join("\n"));
  const [problem, setProblem] = useState<{ field: "label" | "key" | "options"; message: string } | null>(null);
  const ids = { label: useId(), key: useId(), keyHint: useId(), type: useId(), options: useId(), optionsHint: useId(), error: useId() };
  const creating = mode === "create";
  const derivedKey = label.trim() ? keyFromLabel(label) : "";

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const options = parseOptions(optionsText);
    if (!label.trim()) return setProblem({ field: "label", message: "Give the attribute a name, like “Plan” or “Signup date”." });
    if (creating && key.trim() && !KEY_PATTERN.test(key.trim())) {
      return setProblem({ field: "key", message: "Use lower-case letters, digits and _, starting with a letter (like signup_date)." });
    }
    if (type === "list" && options.length === 0) return setProblem({ field: "options", message: "List at least one option, one per line." });
    const repeated = options.find((o, i) => options.findIndex((other) => other.toLowerCase() === o.toLowerCase()) !== i);
    if (repeated) return setProblem({ field: "options", message: `“${repeated}” is listed twice.` });
    setProblem(null);
    onSubmit({ label: label.trim(), name: key.trim(), type, options: type === "list" ? options : [] });
  }

  const describedBy = (field: "label" | "key" | "options", hint?: string) =>
    [problem?.field === field ? ids.error : "", hint ?? ""].filter(Boolean).join(" ") || undefined;

  return (
    <form className={styles.form} onSubmit={submit} aria-label={creating ? "Create an attribute" : `Edit attribute ${initial.label}`} noValidate>
      <div className={styles.formRow}>
        <div className={styles.field}>
          <label htmlFor={ids.label}>Attribute name</label>
          <input
            id={ids.label}
            className={styles.input}
            value={label}
            onChange={(e) => {
              setLabel(e.target.value);
              setProblem(null);
            }}
            maxLength={60}
            placeholder="e.g. Signup date"
            autoComplete="off"
            aria-invalid={problem?.field === "label" ? true : undefined}
            aria-describedby={describedBy("label")}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={ids.key}>Key</label>
          <input
            id={ids.key}
            className={`${styles.input} ${styles.mono}`}
            value={creating ? key : initial.name}
            onChange={(e) => {
              setKey(e.target.value);
              setProblem(null);
            }}
            readOnly={!creating}
            maxLength={40}
            placeholder={derivedKey || "e.g. signup_date"}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem?.field === "key" ? true : undefined}
            aria-describedby={describedBy("key", ids.keyHint)}
          />
        </div>
        <div className={styles.field} style={{ flex: "0 1 200px" }}>
          <label htmlFor={ids.type}>Type</label>
          <select
            id={ids.type}
            className={styles.select}
            value={type}
            onChange={(e) => setType(e.target.value as AttributeTypeName)}
            disabled={!creating}
          >
            {Object.entries(ATTRIBUTE_TYPE_LABELS).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </div>
      </div>
      <span id={ids.keyHint} className={styles.hint}>
        {creating
          ? `The API, CSV columns and the chatbot name the attribute by its key${derivedKey && !key ? ` (${derivedKey} unless you choose one)` : ""}. The key and the type cannot change later.`
          : "The key and the type cannot change: stored values are read by them. The name can."}
      </span>
      {type === "list" ? (
        <div className={styles.field} style={{ maxWidth: 440 }}>
          <label htmlFor={ids.options}>Options</label>
          <textarea
            id={ids.options}
            className={catalogue.textarea}
            value={optionsText}
            onChange={(e) => {
              setOptionsText(e.target.value);
              setProblem(null);
            }}
            rows={4}
            placeholder={"Free\nBasic\nPremium"}
            aria-invalid={problem?.field === "options" ? true : undefined}
            aria-describedby={describedBy("options", ids.optionsHint)}
          />
          <span id={ids.optionsHint} className={styles.hint}>
            One per line. {creating ? "" : "Contacts keep a value whose option you remove."}
          </span>
        </div>
      ) : null}
      {problem ? (
        <span id={ids.error} className={styles.fieldError}>
          {problem.message}
        </span>
      ) : null}
      {error ? (
        <div role="alert" className="alert">
          <strong>{creating ? "The attribute was not created." : "The attribute was not saved."}</strong>
          {describeError(error)}
        </div>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" className="btn btn-primary" disabled={pending || !!disabledReason}>
          {pending ? (creating ? "Creating…" : "Saving…") : creating ? "Create attribute" : "Save attribute"}
        </button>
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        ) : null}
        {disabledReason ? <span className={styles.hint}>{disabledReason}</span> : null}
      </div>
    </form>
  );
}
