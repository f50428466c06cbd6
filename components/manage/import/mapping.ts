import type { ImportOptions } from "@/server/ingestion/csv-import";

/** What a CSV column is used as: the value of its "Use as" select. */
export type ColumnUse = "ignore" | "phone" | "name" | "source" | "tags" | `attribute:${string}`;

export interface AttributeDefinition {
  name: string;
  type: string;
  options: string[];
}

type Mapping = NonNullable<ImportOptions["mapping"]>;

const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

const PHONE_EXACT = new Set(["phone", "phonenumber", "phoneno", "mobile", "mobilenumber", "mobileno", "whatsapp", "whatsappnumber", "whatsappno", "msisdn"]);
const PHONE_FUZZY = /phone|mobile|whatsapp/;
const NAME = new Set(["name", "fullname", "contactname", "customername"]);
const TAGS = new Set(["tag", "tags", "label", "labels"]);

/**
 * The "Use as" of every column, guessed from its header: phone|mobile|whatsapp → Phone,
 * name → Name, source → Source, tags|labels → Tags, an attribute's name → that attribute.
 * A column whose name only contains "phone" (like "Phone number (work)") is the phone
 * when no column is called exactly that.
 */
export function guessUses(header: string[], attributes: AttributeDefinition[]): ColumnUse[] {
  const taken = new Set<ColumnUse>();
  const claim = (use: ColumnUse): ColumnUse => {
    if (use !== "tags" && taken.has(use)) return "ignore";
    taken.add(use);
    return use;
  };
  const uses = header.map((raw): ColumnUse => {
    const k = key(raw);
    if (!k) return "ignore";
    if (PHONE_EXACT.has(k)) return claim("phone");
    const attribute = attributes.find((a) => key(a.name) === k);
    if (attribute) return claim(`attribute:${attribute.name}`);
    if (NAME.has(k)) return claim("name");
    if (k === "source") return claim("source");
    if (TAGS.has(k)) return claim("tags");
    return "ignore";
  });
  if (!taken.has("phone")) {
    const fuzzy = header.findIndex((h, i) => uses[i] === "ignore" && PHONE_FUZZY.test(key(h)));
    if (fuzzy >= 0) uses[fuzzy] = "phone";
  }
  return uses;
}

export const attributeOf = (use: ColumnUse) => (use.startsWith("attribute:") ? use.slice("attribute:".length) : null);

/** What stops the import from running, in words a person can act on. Empty when it can run. */
export function mappingProblems(header: string[], uses: ColumnUse[]): string[] {
  const problems: string[] = [];
  const columnsUsedAs = (use: ColumnUse) => header.filter((_, i) => uses[i] === use);
  const list = (names: string[]) => names.map((n) => `“${n}”`).join(", ");

  const phones = columnsUsedAs("phone");
  if (phones.length === 0) problems.push("Choose the column that holds the phone numbers: set its “Use as” to Phone.");
  if (phones.length > 1) problems.push(`Only one column can be the phone number; ${phones.length} are set to Phone (${list(phones)}).`);
  for (const [use, label] of [["name", "Name"], ["source", "Source"]] as const) {
    const columns = columnsUsedAs(use);
    if (columns.length > 1) problems.push(`Only one column can be the ${label.toLowerCase()}; ${list(columns)} are all set to ${label}.`);
  }
  const byAttribute = new Map<string, string[]>();
  header.forEach((h, i) => {
    const attribute = attributeOf(uses[i]);
    if (attribute) byAttribute.set(attribute, [...(byAttribute.get(attribute) ?? []), h]);
  });
  for (const [attribute, columns] of byAttribute) {
    if (columns.length > 1) problems.push(`The attribute “${attribute}” is chosen for ${list(columns)}; keep it on one column.`);
  }
  header.forEach((h, i) => {
    if (uses[i] === "ignore") return;
    if (h === "") problems.push(`Column ${i + 1} has no name in the header row: name it in the file to use it, or set it to Ignore.`);
    else if (header.indexOf(h) !== i) problems.push(`Two columns are called “${h}”: rename one in the file to use it, or set both to Ignore.`);
  });
  return problems;
}

/** The `mapping` of the import options. Call only when mappingProblems() is empty. */
export function toMapping(header: string[], uses: ColumnUse[]): Mapping {
  const mapping: Mapping = { phone: "", tags: [], attributes: {} };
  header.forEach((column, i) => {
    const use = uses[i];
    const attribute = attributeOf(use);
    if (attribute) mapping.attributes![column] = attribute;
    else if (use === "phone") mapping.phone = column;
    else if (use === "name") mapping.name = column;
    else if (use === "source") mapping.source = column;
    else if (use === "tags") mapping.tags!.push(column);
  });
  return mapping;
}
