import type { AttributeType } from "@/server/domain/attributes";

/** The attribute types of server/domain/attributes.ts, as people call them. Kept free of server imports for the browser. */
export const ATTRIBUTE_TYPE_LABELS = {
  text: "Text",
  number: "Number",
  date: "Date",
  boolean: "Yes / no",
  email: "Email",
  phone: "Phone number",
  list: "One of a list",
} as const satisfies Record<AttributeType, string>;

export type AttributeTypeName = keyof typeof ATTRIBUTE_TYPE_LABELS;

export function attributeTypeLabel(type: string): string {
  return ATTRIBUTE_TYPE_LABELS[type as AttributeTypeName] ?? type;
}
