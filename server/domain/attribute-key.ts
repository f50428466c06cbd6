// No imports: the attribute form derives the same key in the browser.

/** "Signup date" → "signup_date": the key of a new attribute when none is given. */
export function keyFromLabel(label: string): string {
  const key = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40)
    .replace(/_+$/, "");
  return /^[a-z]/.test(key) ? key : `attr_${key}`.slice(0, 40).replace(/_+$/, "");
}
