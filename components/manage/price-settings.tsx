"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { z } from "zod";
import { FieldError, fieldAria } from "@/components/forms/field-error";
import { useSchemaForm, useServerFieldErrors } from "@/components/forms/schema-form";
import { useTRPC } from "@/components/trpc";
import type { Role } from "@/server/auth/roles";
import { pricesInput } from "@/server/schemas/settings";
import { ErrorState } from "@/components/ui/query-state";
import { SaveBar } from "./save-bar";
import styles from "./manage.module.css";
import { refreshQueries } from "@/components/refresh-queries";

const CATEGORIES = [
  { key: "marketing", label: "Marketing", hint: "Offers, announcements, re-engagement" },
  { key: "utility", label: "Utility", hint: "Order, delivery and account updates" },
  { key: "authentication", label: "Authentication", hint: "One-time passcodes" },
  { key: "service", label: "Service", hint: "Replies inside the customer-service window (often free)" },
] as const;
type Category = (typeof CATEGORIES)[number]["key"];
type Prices = Record<Category, number | null>;

/** A typed price: empty is "not set"; a decimal comma reads as a point; the server's schema judges the number. */
const priceText = z.string().transform((text) => {
  const t = text.trim().replace(",", ".");
  return t === "" ? null : Number(t);
});

/** The form's texts, read as the numbers the server's pricesInput checks. */
const priceFormSchema = z
  .object({
    currency: z.string(),
    prices: z.object({ marketing: priceText, utility: priceText, authentication: priceText, service: priceText }),
  })
  .pipe(pricesInput);

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
  const form = useSchemaForm(priceFormSchema, {
    // Checked as the person types, like the counters of other forms: a wrong price is said at once.
    mode: "onChange",
    defaultValues: {
      currency: saved.currency,
      prices: Object.fromEntries(CATEGORIES.map((c) => [c.key, saved.prices[c.key] === null ? "" : String(saved.prices[c.key])])) as Record<Category, string>,
    },
  });
  const errors = form.formState.errors;
  const [justSaved, setJustSaved] = useState(false);
  const ids = { currency: useId(), readOnly: useId(), base: useId() };
  const update = useMutation(
    trpc.settings.setPrices.mutationOptions({
      onSuccess: (data) => {
        setJustSaved(true);
        queryClient.setQueryData(trpc.settings.prices.queryKey({ workspaceId }), data);
        // Campaign reports carry the cost: refresh them with the new prices.
        void refreshQueries(queryClient, { queryKey: trpc.campaigns.report.pathKey() });
      },
    }),
  );
  const onFields = useServerFieldErrors(form, update.error, ["currency"]);
  const submit = form.handleSubmit((values) => {
    setJustSaved(false);
    update.mutate({ workspaceId, ...values });
  });
  const clearSaved = { onChange: () => setJustSaved(false) };

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
          {...form.register("currency", clearSaved)}
          readOnly={!canEdit}
          maxLength={3}
          autoComplete="off"
          spellCheck={false}
          {...fieldAria(errors.currency, `${ids.currency}-error`)}
        />
        <FieldError id={`${ids.currency}-error`} error={errors.currency} className={styles.fieldError} />
      </div>
      {CATEGORIES.map((c) => (
        <div key={c.key} className={styles.field}>
          <label htmlFor={`${ids.base}-${c.key}`}>{c.label}</label>
          <input
            id={`${ids.base}-${c.key}`}
            className={`${styles.input} ${styles.mono}`}
            {...form.register(`prices.${c.key}`, clearSaved)}
            readOnly={!canEdit}
            inputMode="decimal"
            placeholder={canEdit ? "not set" : "Not set"}
            {...fieldAria(errors.prices?.[c.key], `${ids.base}-${c.key}-error`, `${ids.base}-${c.key}-hint`)}
          />
          <FieldError id={`${ids.base}-${c.key}-error`} error={errors.prices?.[c.key]} className={styles.fieldError} />
          <span id={`${ids.base}-${c.key}-hint`} className={styles.hint}>
            {c.hint}
          </span>
        </div>
      ))}
      <SaveBar
        mutation={update}
        failedTitle="The prices were not saved."
        canEdit={canEdit}
        disabled={Object.keys(errors).length > 0}
        saveLabel="Save prices"
        savedText={justSaved ? "Saved." : ""}
        errorOnFields={onFields}
      />
    </form>
  );
}
