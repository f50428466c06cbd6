/**
 * Where to go after signing in. Only same-site paths are honoured: an absolute
 * URL (next-auth sends those) keeps its path, anything else becomes "/", so a
 * crafted link cannot bounce a freshly signed-in user to another site.
 */
export function safeCallbackUrl(raw: string | string[] | null | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return "/";
  try {
    const url = new URL(value, "http://chatlens.invalid");
    const path = `${url.pathname}${url.search}${url.hash}`;
    if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/signin")) return "/";
    return path;
  } catch {
    return "/";
  }
}

/** The page that replaces a password (required for a temporary one), then goes on to `callbackUrl`. */
export function passwordPage(callbackUrl: string): string {
  return `/account/password?${new URLSearchParams({ callbackUrl })}`;
}
