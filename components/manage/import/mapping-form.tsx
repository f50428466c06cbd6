"use client";

import { useId, type FormEvent } from "react";
import { COUNTRIES } from "./countries";
import type { AttributeDefinition, ColumnUse } from "./mapping";
import manage from "../manage.module.css";
import styles from "./import.module.css";

export interface ImportSettings {
  country: string;
  sourceLabel: string;
}

/** Step 3: what every column is, the default country for local numbers, and the source label; then Import. */
export function MappingForm({
  header,
  rows,
  uses,
  attributes,
  settings,
  problems,
  showProblems,
  disabled,
  onUseChange,
  onSettingsChange,
  onSubmit,
}: {
  header: string[];
  rows: string[][];
  uses: ColumnUse[];
  attributes: AttributeDefinition[];
  settings: ImportSettings;
  /** What stops the import; shown as an alert once the person has tried to run it. */
  problems: string[];
  showProblems: boolean;
  disabled: boolean;
  onUseChange: (column: number, use: ColumnUse) => void;
  onSettingsChange: (settings: ImportSettings) => void;
  onSubmit: () => void;
}) {
  const ids = { country: useId(), countryHint: useId(), source: useId(), sourceHint: useId(), problems: useId() };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form onSubmit={submit} className={styles.mappingForm} aria-describedby={showProblems && problems.length ? ids.problems : undefined}>
      <fieldset className={manage.fieldset} disabled={disabled}>
        <div className={manage.tableWrap}>
          <table className={manage.table}>
            <caption className="visually-hidden">Columns of the file and what each is used as</caption>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Sample values</th>
                <th scope="col">Use as</th>
              </tr>
            </thead>
            <tbody>
              {header.map((column, i) => (
                <tr key={i} data-use={uses[i]}>
                  <th scope="row">{column || <span className={manage.muted}>(column {i + 1}, no name)</span>}</th>
                  <td className={styles.samples}>{samples(rows, i) || <span className={manage.muted}>empty in the first rows</span>}</td>
                  <td>
                    <select
                      className={manage.select}
                      value={uses[i]}
                      aria-label={`Use column “${column || `column ${i + 1}`}” as`}
                      onChange={(e) => onUseChange(i, e.target.value as ColumnUse)}
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
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className={manage.hint}>
          Tags: one or more per cell, separated by commas, semicolons or bars. An attribute value of the wrong type (a bad
          email, a date not like 2026-11-23) rejects its row; the report lists it. Attributes are defined in Manage →
          Attributes.
        </p>

        <div className={styles.settings}>
          <div className={manage.field}>
            <label htmlFor={ids.country}>Default country</label>
            <select
              id={ids.country}
              className={manage.select}
              value={settings.country}
              onChange={(e) => onSettingsChange({ ...settings, country: e.target.value })}
              aria-describedby={ids.countryHint}
            >
              {COUNTRIES.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({c.code}, {c.dial})
                </option>
              ))}
            </select>
            <span id={ids.countryHint} className={manage.hint}>
              For numbers written without a country code, like 098123 45678.
            </span>
          </div>
          <div className={manage.field}>
            <label htmlFor={ids.source}>Source label</label>
            <input
              id={ids.source}
              className={manage.input}
              value={settings.sourceLabel}
              maxLength={100}
              required
              onChange={(e) => onSettingsChange({ ...settings, sourceLabel: e.target.value })}
              aria-describedby={ids.sourceHint}
            />
            <span id={ids.sourceHint} className={manage.hint}>
              The contacts’ source, like “expo-2026”, for rows without a Source column value. Segments can filter on it.
            </span>
          </div>
        </div>

        {showProblems && problems.length ? (
          <div id={ids.problems} role="alert" className="alert">
            <strong>Fix {problems.length === 1 ? "this" : "these"} before importing:</strong>
            <ul className={styles.problems}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
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
