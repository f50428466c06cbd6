"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { TRPCClientError } from "@trpc/client";
import { useEffect } from "react";
import { useForm, type FieldValues, type Path, type UseFormProps, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";

/**
 * A form checked by a server schema (server/schemas/*), so a rule is written
 * once: the browser refuses what the server would, with the server's words,
 * before any request. Errors show after the first submit and then as the
 * person corrects the field.
 */
export function useSchemaForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, "resolver"> = {},
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  return useForm<z.input<S>, unknown, z.output<S>>({ mode: "onSubmit", reValidateMode: "onChange", ...options, resolver: zodResolver(schema) });
}

/** The server's refusal by field (tRPC's flattened zod error, server/trpc/init.ts, or a "field: sentence" message), or null when it names no field. */
export function serverFieldErrors(error: unknown): Record<string, string> | null {
  if (!(error instanceof TRPCClientError)) return null;
  type ZodData = { zodError?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> } | null };
  const zod = (error.data as ZodData | undefined)?.zodError;
  // A refusal past the schema names its field the way the server's readable errors do: "name: a segment named … already exists".
  const named = !zod ? /^([a-zA-Z]\w*): (.+)$/s.exec(error.message) : null;
  if (named) return { [named[1]]: named[2] };
  if (!zod || zod.formErrors?.length) return null;
  const byField = Object.entries(zod.fieldErrors ?? {}).flatMap(([name, messages]) => (messages?.length ? [[name, messages[0]] as const] : []));
  return byField.length ? Object.fromEntries(byField) : null;
}

/**
 * Puts the server's refusal on the fields it names, once per failed request.
 * Returns whether every message found a field of this form; when not, the
 * form shows the error as a whole too.
 */
export function useServerFieldErrors<T extends FieldValues>(form: UseFormReturn<T, unknown, unknown>, error: unknown, fields: readonly Path<T>[]): boolean {
  const byField = serverFieldErrors(error);
  const onFields = byField !== null && Object.keys(byField).every((name) => fields.some((f) => f === name));
  useEffect(() => {
    if (!byField) return;
    for (const [name, message] of Object.entries(byField)) {
      const field = fields.find((f) => f === name);
      if (field) form.setError(field, { type: "server", message }, { shouldFocus: true });
    }
    // Once per error object: a new request's failure is a new object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error]);
  return onFields;
}
