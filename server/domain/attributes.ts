import { z } from "zod";
import { toE164 } from "./phone";

export { ATTRIBUTE_TYPES, attributeTypeSchema, MAX_ATTRIBUTES, type AttributeType } from "./attribute-types";

export interface AttributeDef {
  name: string;
  type: string;
  options: string[];
}

const TRUE = new Set(["true", "yes", "y", "1"]);
const FALSE = new Set(["false", "no", "n", "0"]);
// Built once: a schema per call cost more than the rest of a CSV row's checks.
const EMAIL = z.email();

/**
 * Checks a value against its attribute's type and returns it in the one form
 * stored (numbers plain, dates YYYY-MM-DD, booleans true/false, phones E.164),
 * or a reason a person can act on.
 */
export function normaliseAttributeValue(
  def: AttributeDef,
  raw: string | number | boolean | null,
): { ok: true; value: string } | { ok: false; reason: string; rule: string } {
  if (raw === null || raw === "") return { ok: true, value: "" };
  const text = String(raw).trim();
  // `rule` is the reason without the value, to count rejections by.
  const fail = (what: string) => ({ ok: false as const, reason: `${def.name} must be ${what}, got "${text.slice(0, 60)}"`, rule: `${def.name} must be ${what}` });
  switch (def.type) {
    case "number": {
      const n = Number(text.replace(/,/g, ""));
      return Number.isFinite(n) ? { ok: true, value: String(n) } : fail("a number");
    }
    case "date": {
      const d = /^\d{4}-\d{2}-\d{2}/.test(text) ? new Date(text.slice(0, 10) + "T00:00:00Z") : new Date(NaN);
      return Number.isNaN(d.getTime()) ? fail("a date like 2026-11-23") : { ok: true, value: d.toISOString().slice(0, 10) };
    }
    case "boolean": {
      const t = text.toLowerCase();
      if (TRUE.has(t)) return { ok: true, value: "true" };
      if (FALSE.has(t)) return { ok: true, value: "false" };
      return fail("true or false");
    }
    case "email":
      return EMAIL.safeParse(text).success ? { ok: true, value: text.toLowerCase() } : fail("an email address");
    case "phone": {
      const e164 = toE164(text);
      return e164 ? { ok: true, value: e164 } : fail("a phone number with its country code");
    }
    case "list": {
      const match = def.options.find((o) => o.toLowerCase() === text.toLowerCase());
      return match ? { ok: true, value: match } : fail(`one of ${def.options.join(", ")}`);
    }
    default:
      return { ok: true, value: text.slice(0, 1000) };
  }
}
