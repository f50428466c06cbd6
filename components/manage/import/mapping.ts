import type { ColumnUse } from "@/server/schemas/import";

export type { ColumnUse };

export interface AttributeDefinition {
  name: string;
  type: string;
  options: string[];
}

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
