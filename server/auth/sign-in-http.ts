import type { Store } from "@/clickhouse/client";
import { passwordPage, safeCallbackUrl } from "@/components/auth/callback-url";
import { crossSiteRefusal } from "./same-origin";
import { serializeCookie, issueSessionCookie } from "./session-cookie";
import { signInWithPassword } from "./sign-in";
import { problemQuery } from "./sign-in-messages";

/**
 * The client address failures are counted under: the last X-Forwarded-For
 * entry, the one written by the nearest hop — the reverse proxy in front of
 * ChatLens, or Next.js itself (from the socket) when a browser connects
 * directly. Without a proxy that appends to the header, a client that sends
 * its own X-Forwarded-For chooses its address; the limit per email holds
 * whatever the address.
 */
export function clientAddress(req: Request): string {
  const hops = (req.headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  return hops.at(-1) ?? req.headers.get("x-real-ip") ?? "unknown";
}

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * POST /api/sign-in: the sign-in page's form. Posted by the browser itself
 * (no JavaScript yet, or none) it answers with a 303 redirect: to the page
 * asked for, or back to /signin with the problem; the password only ever
 * travels in the request body. Locations are paths: the browser resolves them
 * against the address it used, whatever host name the server sees (an
 * absolute URL naming another would be refused by CSP form-action 'self'). With `Accept: application/json` (the form's
 * script) it answers `{ redirect }` or `{ error }` with 400, 401 or 429.
 */
export async function signInResponse(store: Store, req: Request): Promise<Response> {
  const crossSite = crossSiteRefusal(req);
  if (crossSite) return crossSite;
  const json = (req.headers.get("accept") ?? "").includes("application/json");
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    form = new FormData();
  }
  const callbackUrl = safeCallbackUrl(field(form, "callbackUrl"));

  const result = await signInWithPassword(store, {
    email: field(form, "email"),
    password: field(form, "password"),
    clientAddress: clientAddress(req),
  });

  if (!result.ok) {
    const headers = new Headers();
    if (result.problem.kind === "throttled") headers.set("Retry-After", String(Math.ceil(result.problem.waitMs / 1000)));
    if (json) return Response.json({ error: result.message }, { status: result.status, headers });
    headers.set("Location", `/signin?${new URLSearchParams({ callbackUrl, ...problemQuery(result.problem) })}`);
    return new Response(null, { status: 303, headers });
  }

  const cookie = await issueSessionCookie(result.user);
  const headers = new Headers({ "Set-Cookie": serializeCookie(cookie), "Cache-Control": "no-store" });
  // An invitation's temporary password is replaced first; the page asked for comes after.
  const next = result.user.must_change_password ? passwordPage(callbackUrl) : callbackUrl;
  if (json) return Response.json({ redirect: next }, { headers });
  headers.set("Location", next);
  return new Response(null, { status: 303, headers });
}
