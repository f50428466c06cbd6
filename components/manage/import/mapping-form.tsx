"use client";

import { useEffect, useId } from "react";
import type { FieldError as RhfFieldError } from "react-hook-form";
import { FieldError, fieldAria } from "@/components/forms/field-error";
import { useSchemaForm } from "@/components/forms/schema-form";
import { Select } from "@/components/ui/select";
import { importColumnsForm, toImportOptions, type ColumnUse } from "@/server/schemas/import";
import { COUNTRIES } from "./countries";
import type { AttributeDefinition } from "./mapping";
import manage from "../manage.module.css";
import styles from "./import.module.css";

export type MatchedOptions = ReturnType<typeof toImportOptions>;

/**
 * Step 3: what every column is, the default country for local numbers, and
 * the source label; then Import. The import's own schema checks it
 * (server/schemas/import.ts): a problem shows on its column or field when
 * Import is pressed, and clears as the person fixes it. A refusal from the
 * server lands on the field it names.
 */
export function MappingForm({
  header,
  rows,
  initialUses,
  attributes,
  fileProblem,
  serverFields,
  disabled,
  onSubmit,
}: {
  header: string[];
  rows: string[][];
  /** The guess from the header and the workspace's attributes. */
  initialUses: ColumnUse[];
  attributes: AttributeDefinition[];
  /** What stops the import that is about the file rather than the form (no rows under the header). */
  fileProblem: string | null;
  /** The server's refusal by option ("sourceLabel", "mapping.phone"), from the last try. */
  serverFields: Record<string, string> | undefined;
  disabled: boolean;
  onSubmit: (options: MatchedOptions) => void;
}) {
  const form = useSchemaForm(importColumnsForm, { defaultValues: { header, uses: initialUses, country: "IN", sourceLabel: "import" } });
  const errors = form.formState.errors;
  const uses = form.watch("uses");
  const ids = { country: useId(), countryHint: useId(), countryError: useId(), source: useId(), sourceHint: useId(), sourceError: useId(), uses: useId(), file: useId() };
  const columnErrorId = (i: number) => `${ids.uses}-${i}`;

  // The server's words on the fields they are about; a mapping refusal is about the columns.
  useEffect(() => {
    for (const [path, message] of Object.entries(serverFields ?? {})) {
      const field = path === "country" || path === "sourceLabel" ? path : path.startsWith("mapping") ? "uses" : null;
      if (field) form.setError(field, { type: "server", message }, { shouldFocus: field !== "uses" });
    }
    // Once per refusal: a new try's refusal is a new object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverFields]);

  const submit = form.handleSubmit((values) => {
    if (!fileProblem) onSubmit(toImportOptions(values));
  });
  // The schema's refusal of the columns as a whole sits on uses.root (the columns are registered one by one); the server's on uses.
  const usesError: RhfFieldError | undefined = errors.uses?.root ?? (errors.uses?.message ? { type: "server", message: errors.uses.message } : undefined);

  return (
    <form onSubmit={submit} className={styles.mappingForm} noValidate aria-label="Match the columns">
      <fieldset className={manage.fieldset} disabled={disabled}>
        <div className={manage.tableWrap}>
          <table className={manage.table} aria-describedby={usesError ? ids.uses : undefined}>
            <caption className="visually-hidden">Columns of the file and what each is used as</caption>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Sample values</th>
                <th scope="col">Use as</th>
              </tr>
            </thead>
            <tbody>
              {header.map((column, i) => {
                const error = errors.uses?.[i];
                return (
                  <tr key={i} data-use={uses[i]}>
                    <th scope="row">{column || <span className={manage.muted}>(column {i + 1}, no name)</span>}</th>
                    <td className={styles.samples}>{samples(rows, i) || <span className={manage.muted}>empty in the first rows</span>}</td>
                    <td>
                      <Select
                        label={`Use column “${column || `column ${i + 1}`}” as`}
                        hideLabel
                        className={styles.useSelect}
                        // One column's change can settle another's problem (two phones): the columns are checked together.
                        {...form.register(`uses.${i}`, { deps: "uses" })}
                        {...fieldAria(error ?? usesError, error ? columnErrorId(i) : ids.uses)}
                      >
                        <option value="ignore">Ignore</option>
                        <option value="phone">Phone</option>
                        <option value="name">Name</option>
                        <option value="source">Source</option>
                        <option value="tags">Tags</option>
                        {attributes.length ? (
                          <optgroup label="Attributes">
                            {attributes.map((a) => (
                              <option key={a.name} value={`attribute:${a.name}`}>
                                Attribute: {a.name} ({a.type})
                              </option>
                            ))}
                          </optgroup>
                        ) : null}
                      </Select>
                      <FieldError id={columnErrorId(i)} error={error} className={manage.fieldError} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <FieldError id={ids.uses} error={usesError} className={`${manage.fieldError} ${styles.columnsError}`} />
        <p className={manage.hint}>
          Tags: one or more per cell, separated by commas, semicolons or bars. An attribute value of the wrong type (a bad
          email, a date not like 2026-11-23) rejects its row; the report lists it. Attributes are defined in Manage →
          Attributes.
        </p>

        <div className={styles.settings}>
          <div className={manage.field}>
            <Select label="Default country" {...form.register("country")} {...fieldAria(errors.country, ids.countryError, ids.countryHint)}>
              {COUNTRIES.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({c.code}, {c.dial})
                </option>
              ))}
            </Select>
            <FieldError id={ids.countryError} error={errors.country} className={manage.fieldError} />
            <span id={ids.countryHint} className={manage.hint}>
              For numbers written without a country code, like 098123 45678.
            </span>
          </div>
          <div className={manage.field}>
            <label htmlFor={ids.source}>Source label</label>
            <input id={ids.source} className={manage.input} {...form.register("sourceLabel")} autoComplete="off" {...fieldAria(errors.sourceLabel, ids.sourceError, ids.sourceHint)} />
            <FieldError id={ids.sourceError} error={errors.sourceLabel} className={manage.fieldError} />
            <span id={ids.sourceHint} className={manage.hint}>
              The contacts’ source, like “expo-2026”, for rows without a Source column value. Segments can filter on it.
            </span>
          </div>
        </div>

        {fileProblem && form.formState.isSubmitted ? (
          <div id={ids.file} role="alert" className="alert">
            <strong>This file cannot be imported.</strong>
            {fileProblem}
          </div>
        ) : null}

        <div className={manage.actions}>
          <button type="submit" className="btn btn-primary">
            Import contacts
          </button>
          <span className={manage.hint}>Importing the same file twice changes nothing the first import stored.</span>
        </div>
      </fieldset>
    </form>
  );
}

/** The first few distinct non-empty values of a column, for recognising it. */
function samples(rows: string[][], column: number): string {
  const seen = new Set<string>();
  for (const row of rows) {
    const value = row[column];
    if (value) seen.add(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    if (seen.size === 3) break;
  }
  return [...seen].join(" · ");
}
