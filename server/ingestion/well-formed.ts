/**
 * A JavaScript string can hold half of a UTF-16 surrogate pair (JSON's
 * "\ud800" parses to one); UTF-8 cannot. Everything reaches the store as
 * UTF-8, where such a half becomes U+FFFD, so a value compared in memory as
 * "\ud800-x" is stored as "\ufffd-x", and a duplicate check comparing the two
 * never matches. Ingestion therefore works on the text as it will be stored.
 */

/** The event with every string as the store will keep it (the same object when nothing changes, as almost always). */
export function wellFormedEvent<T>(event: T): T {
  return wellFormed(event) as T;
}

function wellFormed(value: unknown): unknown {
  if (typeof value === "string") return value.isWellFormed() ? value : value.toWellFormed();
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const items = value.map(wellFormed);
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  let copy: Record<string, unknown> | null = null;
  for (const [key, field] of Object.entries(value)) {
    const fixed = wellFormed(field);
    if (fixed !== field) (copy ??= { ...value })[key] = fixed;
  }
  return copy ?? value;
}
