/**
 * Cookies go with every request the browser makes to ChatLens, whichever page
 * makes it: a form on another site posting to /api/w/<ws>/import, or a
 * "simple" fetch with text/plain that needs no preflight, would act as the
 * signed-in person. A request that changes something and carries the session
 * cookie must therefore come from ChatLens's own pages.
 */

export const CROSS_SITE_MESSAGE =
  "This request came from another site, so ChatLens refused it: changes are made from ChatLens's own pages. " +
  "Scripts and integrations use an API key (Authorization: Bearer …) with the /api/v1 endpoints.";

/** Methods that change nothing (by HTTP's rules, and ChatLens's: tRPC queries are GETs, mutations POSTs). */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origins ChatLens answers on: the one the request was addressed to, and NEXTAUTH_URL's (behind a proxy they may differ). */
function ownOrigins(req: Request): Set<string> {
  const origins = new Set([new URL(req.url).origin]);
  const host = req.headers.get("host");
  if (host) {
    const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || new URL(req.url).protocol.replace(":", "");
    origins.add(`${proto}://${host}`);
  }
  try {
    if (process.env.NEXTAUTH_URL) origins.add(new URL(process.env.NEXTAUTH_URL).origin);
  } catch {
    // a malformed NEXTAUTH_URL names no origin
  }
  return origins;
}

/**
 * Whether a request that changes something was sent by a page of another
 * origin. `Sec-Fetch-Site` (set by the browser, not by page scripts) decides
 * when present; else `Origin`, which browsers send with every POST. A request
 * with neither comes from no web page (curl, a server), which carries no
 * visitor's cookie on its own, and passes.
 */
export function isCrossSiteChange(req: Request): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return false;
  const site = req.headers.get("sec-fetch-site");
  // "same-site" is a sibling subdomain, which may be someone else's: refused as well. "none" is the person's own doing (typed, bookmarked).
  if (site) return site !== "same-origin" && site !== "none";
  const origin = req.headers.get("origin");
  if (!origin) return false;
  return !ownOrigins(req).has(origin);
}

/** The 403 a route handler answers a cross-site change with, or null to go on. */
export function crossSiteRefusal(req: Request): Response | null {
  return isCrossSiteChange(req) ? Response.json({ error: CROSS_SITE_MESSAGE }, { status: 403 }) : null;
}
