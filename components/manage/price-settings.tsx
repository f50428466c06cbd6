"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc";
import type { Role } from "@/server/auth/roles";
import { ErrorState } from "@/components/ui/query-state";
import { SaveBar } from "./save-bar";
import styles from "./manage.module.css";

const CATEGORIES = [
  { key: "marketing", label: "Marketing", hint: "Offers, announcements, re-engagement" },
  { key: "utility", label: "Utility", hint: "Order, delivery and account updates" },
  { key: "authentication", label: "Authentication", hint: "One-time passcodes" },
  { key: "service", label: "Service", hint: "Replies inside the customer-service window (often free)" },
] as const;
type Category = (typeof CATEGORIES)[number]["key"];
type Prices = Record<Category, number | null>;

/** A typed price: empty is "not set"; otherwise a non-negative number with at most 6 decimals (the server checks again). */
function parsePrice(text: string): { value: number | null; problem: string | null } {
  const t = text.trim().replace(",", ".");
  if (t === "") return { value: null, problem: null };
  if (!/^\d+(\.\d{1,6})?$/.test(t)) return { value: null, problem: "Use a number with at most 6 decimals, like 0.0107." };
  const value = Number(t);
  return value > 1000 ? { value: null, problem: "A price per message is at most 1000." } : { value, problem: null };
}

/**
 * Manage → Prices: what one message of each WhatsApp pricing category costs
 * this business (from Meta's rate card for its market), so the campaign page
 * can show the cost per delivered, read and replied recipient.
 */
export function PriceSettings({ workspaceId, canEdit, role }: { workspaceId: string; canEdit: boolean; role: Role }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.settings.prices.queryOptions({ workspaceId }));
  return (
    <section className={styles.panel} aria-labelledby="prices-title">
      <div className={styles.panelHeader}>
        <div>
          <h2 id="prices-title">Price per message</h2>
          <p>
            Meta charges per delivered template message by pricing category and market. Enter your rates; leave a category
            empty when it is free or unknown. Campaign pages count billable messages from the status webhooks and multiply.
          </p>
        </div>
      </div>
      {query.isPending ? (
        <p role="status" className={styles.note}>
          Loading the prices…
        </p>
      ) : query.isError ? (
        <ErrorState what="The prices" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : (
        <PriceForm workspaceId={workspaceId} saved={query.data} canEdit={canEdit} role={role} />
      )}
    </section>
  );
}

function PriceForm({
  workspaceId,
  saved,
  canEdit,
  role,
}: {
  workspaceId: string;
  saved: { currency: string; prices: Prices };
  canEdit: boolean;
  role: Role;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [currency, setCurrency] = useState(saved.currency);
  const [texts, setTexts] = useState<Record<Category, string>>(
    () => Object.fromEntries(CATEGORIES.map((c) => [c.key, saved.prices[c.key] === null ? "" : String(saved.prices[c.key])])) as Record<Category, string>,
  );
  const [justSaved, setJustSaved] = useState(false);
  const ids = { currency: useId(), readOnly: useId(), base: useId() };
  const update = useMutation(
    trpc.settings.setPrices.mutationOptions({
      onSuccess: (data) => {
        setJustSaved(true);
        queryClient.setQueryData(trpc.settings.prices.queryKey({ workspaceId }), data);
        // Campaign reports carry the cost: refresh them with the new prices.
        void queryClient.invalidateQueries({ queryKey: trpc.campaigns.report.pathKey() });
      },
    }),
  );
  const parsed = Object.fromEntries(CATEGORIES.map((c) => [c.key, parsePrice(texts[c.key])])) as Record<Category, ReturnType<typeof parsePrice>>;
  const currencyProblem = /^[A-Za-z]{3}$/.test(currency.trim()) ? null : "Use a three-letter ISO code, like USD, INR or BRL.";
  const invalid = Boolean(currencyProblem) || CATEGORIES.some((c) => parsed[c.key].problem);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (invalid) return;
    setJustSaved(false);
    const prices = Object.fromEntries(CATEGORIES.map((c) => [c.key, parsed[c.key].value])) as Prices;
    update.mutate({ workspaceId, currency: currency.trim().toUpperCase(), prices });
  }

  const change = (fn: () => void) => {
    fn();
    setJustSaved(false);
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-describedby={canEdit ? undefined : ids.readOnly}>
      {!canEdit ? (
        <p id={ids.readOnly} className={styles.note}>
          Only admins change the prices. Your role here is {role}; ask an admin of this workspace to change them.
        </p>
      ) : null}
      <div className={styles.field}>
        <label htmlFor={ids.currency}>Currency</label>
        <input
          id={ids.currency}
          className={`${styles.input} ${styles.mono}`}
          value={currency}
          onChange={(e) => change(() => setCurrency(e.target.value))}
          readOnly={!canEdit}
          maxLength={3}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={currencyProblem ? true : undefined}
        />
        {currencyProblem ? <span className={styles.fieldError}>{currencyProblem}</span> : null}
      </div>
      {CATEGORIES.map((c) => (
        <div key={c.key} className={styles.field}>
          <label htmlFor={`${ids.base}-${c.key}`}>{c.label}</label>
          <input
            id={`${ids.base}-${c.key}`}
            className={`${styles.input} ${styles.mono}`}
            value={texts[c.key]}
            onChange={(e) => change(() => setTexts((t) => ({ ...t, [c.key]: e.target.value })))}
            readOnly={!canEdit}
            inputMode="decimal"
            placeholder={canEdit ? "not set" : "Not set"}
            aria-invalid={parsed[c.key].problem ? true : undefined}
            aria-describedby={`${ids.base}-${c.key}-hint`}
          />
          {parsed[c.key].problem ? <span className={styles.fieldError}>{parsed[c.key].problem}</span> : null}
          <span id={`${ids.base}-${c.key}-hint`} className={styles.hint}>
            {c.hint}
          </span>
        </div>
      ))}
      <SaveBar
        mutation={update}
        failedTitle="The prices were not saved."
        canEdit={canEdit}
        disabled={invalid}
        saveLabel="Save prices"
        savedText={justSaved ? "Saved." : ""}
      />
    </form>
  );
}
