import { TOO_DEEP, tooDeepGroups, type FilterTree } from "@/clickhouse/vocabulary/filter-tree";

/**
 * A tree in a link: base64url of its JSON (UTF-8), so a segment can be shared
 * by URL and survives a reload. Works the same in the browser and on the
 * server. Reading checks only that it is a tree no deeper than a segment may
 * nest (everything that reads it recurses); the page and the router check the rest.
 */
export function encodeTree(tree: FilterTree): string {
  const bytes = new TextEncoder().encode(JSON.stringify(tree));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** The tree of a link, or what is wrong with the link. */
export function readTreeLink(text: string): { ok: true; tree: FilterTree } | { ok: false; message: string } {
  const notALink = { ok: false as const, message: "The tree parameter is not a filter link." };
  if (!text) return notALink;
  let value: unknown;
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    // JSON.parse does not recurse, so any depth is safe to read; what reads it next does.
    value = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return notALink;
  }
  if (!value || typeof value !== "object" || (value as { kind?: unknown }).kind !== "group") return notALink;
  const tooDeep = tooDeepGroups(value, 1);
  if (tooDeep.length) return { ok: false, message: `The filter in the link cannot be used: condition ${tooDeep[0]}: ${TOO_DEEP}.` };
  return { ok: true, tree: value as FilterTree };
}

/** The tree of a link, or null when the text is not one (or nests deeper than a segment may). */
export function decodeTree(text: string): FilterTree | null {
  const link = readTreeLink(text);
  return link.ok ? link.tree : null;
}
