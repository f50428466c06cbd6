import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

/**
 * proxy.ts runs before every page and API route: it sends the security
 * headers and sends cookie-less visitors of a workspace to sign in.
 */

const SESSION = { cookie: "next-auth.session-token=x" };

function directives(csp: string | null): Map<string, string> {
  return new Map(
    (csp ?? "")
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0], d.slice(d.split(/\s+/)[0].length).trim()]),
  );
}

describe("security headers", () => {
  for (const path of ["/signin", "/w/demo/overview", "/api/w/demo/import", "/api/trpc/tags.list"]) {
    it(`${path} may not be framed, is not sniffed and leaks no path in Referer`, () => {
      const res = proxy(new NextRequest(`http://localhost${path}`, { headers: SESSION }));
      expect(res.status).toBe(200);
      const csp = directives(res.headers.get("content-security-policy"));
      expect(csp.get("frame-ancestors")).toBe("'none'");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    });
  }

  it("scripts run only from ChatLens or with this response's nonce, which differs per response", () => {
    const a = directives(proxy(new NextRequest("http://localhost/signin")).headers.get("content-security-policy"));
    const b = directives(proxy(new NextRequest("http://localhost/signin")).headers.get("content-security-policy"));
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/;
    expect(a.get("script-src")).toMatch(nonce);
    expect(a.get("script-src")).not.toContain("'unsafe-inline'");
    expect(nonce.exec(a.get("script-src")!)![1]).not.toBe(nonce.exec(b.get("script-src")!)![1]);
    expect(a.get("object-src")).toBe("'none'");
    expect(a.get("base-uri")).toBe("'self'");
    expect(a.get("form-action")).toBe("'self'");
  });

  it("a workspace page without a session cookie still redirects to sign in, with the headers", () => {
    const res = proxy(new NextRequest("http://localhost/w/demo/overview?range=7d"));
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("http://localhost/signin?callbackUrl=%2Fw%2Fdemo%2Foverview%3Frange%3D7d");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("a password in the address", () => {
  it("is dropped at once: /signin reloads without it (and without the email), keeping the way back", () => {
    const res = proxy(new NextRequest("http://localhost/signin?callbackUrl=%2Fw%2Fdemo%2Foverview&email=a%40b.test&password=hunter2-secret"));
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    expect(location).toBe("http://localhost/signin?callbackUrl=%2Fw%2Fdemo%2Foverview");
    expect(location).not.toContain("hunter2");
    // Not kept by a cache or shown to another site either.
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("is dropped from any page, whatever its case", () => {
    const res = proxy(new NextRequest("http://localhost/w/demo/overview?range=7d&Password=x", { headers: SESSION }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://localhost/w/demo/overview?range=7d");
  });

  it("a page without one is left alone", () => {
    expect(proxy(new NextRequest("http://localhost/signin?callbackUrl=%2Fw%2Fdemo")).status).toBe(200);
  });
});
