"use client";

import { Select } from "@/components/ui/select";
import { CSV_DELIMITERS, DELIMITER_NAMES, type CsvDelimiter } from "@/server/ingestion/csv-dialect";
import styles from "./import.module.css";

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

/**
 * Step 2's separator: detected from the header line, and the person's to
 * change when the preview shows the columns run together or split wrong.
 */
export function SeparatorSelect({
  delimiter,
  detected,
  disabled,
  onChange,
}: {
  delimiter: CsvDelimiter;
  detected: boolean;
  disabled: boolean;
  /** null: detect it again. */
  onChange: (delimiter: CsvDelimiter | null) => void;
}) {
  return (
    <Select
      className={styles.separator}
      label="Columns separated by"
      value={detected ? "detect" : delimiter}
      disabled={disabled}
      hint="If the columns below run together or split in the wrong places, choose the separator the file uses."
      onChange={(e) => onChange(e.target.value === "detect" ? null : (e.target.value as CsvDelimiter))}
    >
      <option value="detect">Detect ({detected ? `found ${DELIMITER_NAMES[delimiter].many}` : "from the first line"})</option>
      {CSV_DELIMITERS.map((d) => (
        <option key={d} value={d}>
          {capital(DELIMITER_NAMES[d].many)}
        </option>
      ))}
    </Select>
  );
}
