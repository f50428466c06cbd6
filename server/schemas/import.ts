import { z } from "zod";
import { isCountryCode } from "../domain/phone";
import { CSV_DELIMITERS } from "../ingestion/csv-dialect";

/**
 * A CSV import's options (POST /api/w/<workspace>/import, the CLI) and Manage →
 * Import's column matching, which becomes those options: the browser refuses
 * what the import would, with the same words, before the file is sent.
 */

/** Which CSV column holds what. Column names are the header's. */
export const importMappingSchema = z.object({
  phone: z.string().min(1, "choose the column that holds the phone number"),
  name: z.string().optional(),
  source: z.string().optional(),
  tags: z.array(z.string()).default([]),
  /** column → attribute name */
  attributes: z.record(z.string(), z.string()).default({}),
});
export type ImportMapping = z.infer<typeof importMappingSchema>;

/** Country for phones written without a country code. */
const importCountry = z.string().refine(isCountryCode, { message: "country must be a two-letter country code such as IN" });
/** Source label of rows without a source column value. */
const importSourceLabel = z
  .string()
  .trim()
  .min(1, "give the import a source label, like “expo-2026”")
  .max(100, "a source label has at most 100 characters");

export const importOptionsSchema = z.object({
  /** Left out: columns are matched by name (phone, name, source, tags, and attribute names). */
  mapping: importMappingSchema.optional(),
  country: importCountry.default("IN"),
  sourceLabel: importSourceLabel.default("import"),
  /** Shown in the journey, e.g. the file name. */
  fileLabel: z.string().max(200).default(""),
  /** The separator of the file's values; left out, it is detected from the header line (csv-dialect.ts). */
  delimiter: z.enum(CSV_DELIMITERS, { error: "the separator must be a comma, a semicolon, a tab or a bar (, ; \\t |)" }).optional(),
});
export type ImportOptions = z.input<typeof importOptionsSchema>;

/** What a CSV column is used as: the value of its "Use as" select. */
export const columnUse = z.union([z.enum(["ignore", "phone", "name", "source", "tags"]), z.templateLiteral(["attribute:", z.string().min(1)])]);
export type ColumnUse = z.infer<typeof columnUse>;

export const attributeOfUse = (use: ColumnUse) => (use.startsWith("attribute:") ? use.slice("attribute:".length) : null);

const quoted = (names: string[]) => names.map((n) => `“${n}”`).join(", ");

/**
 * Manage → Import's matching of a file's columns: the header, each column's
 * use, the default country and the source label. Its rules are the ones a
 * mapping cannot break by its shape (one `phone`, one `name`, one column per
 * attribute, columns named by their header), told on the column they are
 * about (`uses.<i>`) or, for the missing phone column, on all of them
 * (`uses`). It becomes the import's options (toImportOptions).
 */
export const importColumnsForm = z
  .object({ header: z.array(z.string()), uses: z.array(columnUse), country: importCountry, sourceLabel: importSourceLabel })
  .superRefine(({ header, uses }, ctx) => {
    const columnsUsedAs = (use: ColumnUse) => header.flatMap((h, i) => (uses[i] === use ? [i] : []));
    const phones = columnsUsedAs("phone");
    if (phones.length === 0) ctx.addIssue({ code: "custom", path: ["uses"], message: "choose the column that holds the phone numbers: set its “Use as” to Phone" });
    const once = (columns: number[], what: string) => {
      if (columns.length < 2) return;
      for (const i of columns) {
        const others = quoted(columns.filter((j) => j !== i).map((j) => header[j]));
        ctx.addIssue({ code: "custom", path: ["uses", i], message: `only one column can be the ${what}; ${others} is too` });
      }
    };
    once(phones, "phone number");
    once(columnsUsedAs("name"), "name");
    once(columnsUsedAs("source"), "source");
    const byAttribute = new Map<string, number[]>();
    uses.forEach((use, i) => {
      const attribute = attributeOfUse(use);
      if (attribute) byAttribute.set(attribute, [...(byAttribute.get(attribute) ?? []), i]);
    });
    for (const [attribute, columns] of byAttribute) once(columns, `attribute “${attribute}”`);
    header.forEach((h, i) => {
      if (uses[i] === "ignore") return;
      if (h === "") ctx.addIssue({ code: "custom", path: ["uses", i], message: "this column has no name in the header row: name it in the file to use it, or set it to Ignore" });
      else if (header.indexOf(h) !== i) ctx.addIssue({ code: "custom", path: ["uses", i], message: `two columns are called “${h}”: rename one in the file to use it, or set both to Ignore` });
    });
  });
export type ImportColumns = z.output<typeof importColumnsForm>;

/** The import's options from a matching the form accepted. */
export function toImportOptions({ header, uses, country, sourceLabel }: ImportColumns): { mapping: ImportMapping; country: string; sourceLabel: string } {
  const mapping: ImportMapping = { phone: "", tags: [], attributes: {} };
  header.forEach((column, i) => {
    const use = uses[i];
    const attribute = attributeOfUse(use);
    if (attribute) mapping.attributes[column] = attribute;
    else if (use === "phone") mapping.phone = column;
    else if (use === "name") mapping.name = column;
    else if (use === "source") mapping.source = column;
    else if (use === "tags") mapping.tags.push(column);
  });
  return { mapping, country, sourceLabel: sourceLabel.trim() };
}
