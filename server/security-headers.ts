/**
 * The headers every page and API answer carries (set in proxy.ts).
 *
 * Scripts: Next.js inlines small scripts into every page (the RSC payload,
 * `self.__next_f.push(…)`), so `script-src 'self'` alone would break the app.
 * Rather than allowing every inline script ('unsafe-inline', which would let
 * an injected <script> run too), each response gets a fresh nonce: Next reads
 * it from the request's Content-Security-Policy header and puts it on its own
 * scripts, and 'strict-dynamic' lets those load the app's chunks. Pages must
 * then be rendered per request, which every ChatLens page is (they read the
 * session). Styles keep 'unsafe-inline': React's `style={…}` attributes and the
 * charts' inline styles are not scripts, and a nonce cannot cover attributes.
 */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    // The development server evaluates modules with eval() for fast refresh; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // No other site may show ChatLens in a frame (and trick a click on a real button).
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64, for one response's CSP. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function applySecurityHeaders(headers: Headers, csp: string): void {
  headers.set("Content-Security-Policy", csp);
  // frame-ancestors' predecessor, for browsers that predate it.
  headers.set("X-Frame-Options", "DENY");
  // A CSV export or an NDJSON answer is never run as a script or shown as HTML.
  headers.set("X-Content-Type-Options", "nosniff");
  // Other sites see ChatLens's origin, never a path with a workspace, a phone number or a filter in it.
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
}
