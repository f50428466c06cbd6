"use client";

import { useId, useState, type FormEvent } from "react";
import { CharLimit, overLimit } from "@/components/forms/char-limit";
import { describeError } from "@/components/trpc-error";
import styles from "../manage.module.css";
import catalogue from "../catalogue.module.css";

export interface TagFormValues {
  name: string;
  category: string;
  firstMessageText: string;
}

/**
 * The fields of a tag, for creating one and for editing one in place. A tag is
 * a first-message tag when it has a pre-filled text; unticking the box clears it.
 */
export function TagForm({
  initial,
  categories,
  submitLabel,
  pendingLabel,
  pending,
  error,
  errorTitle,
  onSubmit,
  onCancel,
  ariaLabel,
}: {
  initial: TagFormValues;
  categories: string[];
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  errorTitle: string;
  onSubmit: (values: TagFormValues) => void;
  onCancel?: () => void;
  ariaLabel: string;
}) {
  const [name, setName] = useState(initial.name);
  const [category, setCategory] = useState(initial.category);
  const [isFirstMessage, setIsFirstMessage] = useState(initial.firstMessageText !== "");
  const [text, setText] = useState(initial.firstMessageText);
  const [problem, setProblem] = useState<{ field: "name" | "text"; message: string } | null>(null);
  const ids = { name: useId(), nameCount: useId(), category: useId(), categories: useId(), text: useId(), textHint: useId(), error: useId() };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) return setProblem({ field: "name", message: "Give the tag a name, like “Product A” or “VIP”." });
    if (overLimit(name.trim(), 60)) return setProblem({ field: "name", message: "A tag name has at most 60 characters; shorten it." });
    if (/[;,|]/.test(name)) return setProblem({ field: "name", message: "A tag name cannot contain ; , or | — CSV imports split tags on them." });
    if (isFirstMessage && !text.trim()) {
      return setProblem({ field: "text", message: "Paste the pre-filled message of your click-to-chat link or ad." });
    }
    if (overLimit(category.trim(), 40)) return setProblem({ field: "name", message: "A category has at most 40 characters; shorten it." });
    if (isFirstMessage && overLimit(text.trim(), 500)) return setProblem({ field: "text", message: "The pre-filled text has at most 500 characters." });
    setProblem(null);
    onSubmit({ name: name.trim(), category: category.trim(), firstMessageText: isFirstMessage ? text.trim() : "" });
  }

  const invalid = (field: "name" | "text") => (problem?.field === field ? true : undefined);
  return (
    <form className={styles.form} onSubmit={submit} aria-label={ariaLabel} noValidate>
      <div className={styles.formRow}>
        <div className={styles.field}>
          <label htmlFor={ids.name}>Tag name</label>
          <input
            id={ids.name}
            className={styles.input}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setProblem(null);
            }}
            placeholder="e.g. Product A"
            autoComplete="off"
            aria-invalid={invalid("name") ?? (overLimit(name, 60) || undefined)}
            aria-describedby={problem?.field === "name" ? `${ids.error} ${ids.nameCount}` : ids.nameCount}
          />
          <CharLimit id={ids.nameCount} value={name} max={60} />
        </div>
        <div className={styles.field}>
          <label htmlFor={ids.category}>Category</label>
          <input
            id={ids.category}
            className={styles.input}
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            placeholder="e.g. Interest, Lifecycle"
            list={ids.categories}
            autoComplete="off"
          />
          <CharLimit value={category} max={40} />
          <datalist id={ids.categories}>
            {categories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </div>
      </div>
      <label className={catalogue.check}>
        <input
          type="checkbox"
          checked={isFirstMessage}
          onChange={(e) => {
            setIsFirstMessage(e.target.checked);
            setProblem(null);
          }}
        />
        <span>
          <strong>First-message tag</strong>
          <span>New chats whose first message starts with the text below get this tag automatically.</span>
        </span>
      </label>
      {isFirstMessage ? (
        <div className={styles.field} style={{ maxWidth: 640 }}>
          <label htmlFor={ids.text}>Pre-filled message text</label>
          <textarea
            id={ids.text}
            className={catalogue.textarea}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setProblem(null);
            }}
            rows={2}
            placeholder="e.g. Hi, I want to know more about Product A"
            aria-invalid={invalid("text")}
            aria-describedby={problem?.field === "text" ? `${ids.error} ${ids.textHint}` : ids.textHint}
          />
          <CharLimit value={text} max={500} />
          <span id={ids.textHint} className={styles.hint}>
            The text of your click-to-chat link or ad button. Case and spacing do not matter, and the user may add words after
            it. Chats already started keep their first-message tag.
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
          <strong>{errorTitle}</strong>
          {describeError(error)}
        </div>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
