import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";

/**
 * A tree in a link: base64url of its JSON (UTF-8), so a segment can be shared
 * by URL and survives a reload. Works the same in the browser and on the
 * server. Reading does not validate: the page and the router do that.
 */
export function encodeTree(tree: FilterTree): string {
  const bytes = new TextEncoder().encode(JSON.stringify(tree));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** The tree of a link, or null when the text is not one. */
export function decodeTree(text: string): FilterTree | null {
  if (!text) return null;
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const value = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    return value && typeof value === "object" && (value as { kind?: unknown }).kind === "group" ? (value as FilterTree) : null;
  } catch {
    return null;
  }
}
