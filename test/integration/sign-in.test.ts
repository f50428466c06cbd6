import { describe, expect, it } from "vitest";
import { POST as signInPost } from "@/app/api/sign-in/route";
import { GET as exportGet } from "@/app/api/w/[workspace]/segments/[segment]/export/route";
import { EMPTY_TREE } from "@/clickhouse/vocabulary/filter-tree";
import { verifyPassword } from "@/server/auth/password";
import { signInWithPassword } from "@/server/auth/sign-in";
import { SignInThrottle } from "@/server/auth/sign-in-throttle";
import { encodeTree } from "@/server/segments/url";
import { createTestWorkspace, randomId, TEST_PASSWORD } from "../helpers/factories";
import { appRequest, cookieFromResponse } from "../helpers/sessions";
import { useTestStore } from "../helpers/store";

/**
 * Signing in: POST /api/sign-in, from the sign-in page's form (a plain form
 * post without JavaScript, JSON with it). Failures are throttled by email and
 * by client address, and an unknown email costs what a known one does.
 */

const store = useTestStore();
const WRONG = "not the password";

/** Each test signs in from its own address, so one test's failures never count against another's. */
// The last hop is the address the throttle counts: one of 16M, so the tests of this file never share
// one (250 of them did, and a budget test then met another test's failures).
const octet = () => Math.floor(Math.random() * 256);
const newAddress = () => `203.0.113.${octet()}, 10.${octet()}.${octet()}.${octet()}`;

function signIn(email: string, password: string, opts: { address?: string; json?: boolean; callbackUrl?: string; headers?: Record<string, string> } = {}) {
  const body = new URLSearchParams({ email, password, callbackUrl: opts.callbackUrl ?? "/w/demo/overview" });
  return signInPost(
    appRequest("/api/sign-in", {
      method: "POST",
      body: body.toString(),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "http://localhost",
        "x-forwarded-for": opts.address ?? newAddress(),
        ...(opts.json === false ? {} : { accept: "application/json" }),
        ...opts.headers,
      },
    }),
  );
}

async function member() {
  const ws = await createTestWorkspace(store(), { members: [{ role: "marketer" }] });
  return { workspaceId: ws.workspaceId, email: ws.members[0].email };
}

async function canExport(workspaceId: string, cookie: string | null) {
  const req = appRequest(`/api/w/${workspaceId}/segments/draft/export?tree=${encodeTree(EMPTY_TREE)}`, { cookie });
  const res = await exportGet(req, { params: Promise.resolve({ workspace: workspaceId, segment: "draft" }) });
  await res.text();
  return res.status;
}

describe("POST /api/sign-in", () => {
  it("the right password gives a session cookie that opens the workspace, and says where to go", async () => {
    const { workspaceId, email } = await member();
    const res = await signIn(email.toUpperCase(), TEST_PASSWORD, { callbackUrl: `/w/${workspaceId}/segments` });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ redirect: `/w/${workspaceId}/segments` });
    const cookie = cookieFromResponse(res);
    expect(cookie).toMatch(/^next-auth\.session-token=/);
    expect(res.headers.getSetCookie()[0]).toMatch(/; HttpOnly; SameSite=Lax/);
    expect(await canExport(workspaceId, cookie)).toBe(200);
  });

  it("a wrong password is refused with a clear message and no cookie", async () => {
    const { email } = await member();
    const res = await signIn(email, WRONG);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "Wrong email or password." });
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("after five wrong passwords the sixth attempt is refused with when to try again, even with the right password", async () => {
    const { email } = await member();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn(email, WRONG)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);

    const sixth = await signIn(email, TEST_PASSWORD);
    expect(sixth.status).toBe(429);
    expect(await sixth.json()).toEqual({
      error: "Too many failed sign-ins for this email address. Try again in 1 minute.",
    });
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(sixth.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(sixth.headers.getSetCookie()).toEqual([]);
  });

  it("an email with no account is throttled exactly like one with an account, so the answer tells nothing", async () => {
    const { email } = await member();
    const unknown = `${randomId("nobody")}@example.test`;
    const answers = async (who: string) => {
      const out: Array<[number, unknown]> = [];
      for (let i = 0; i < 6; i++) {
        const res = await signIn(who, WRONG);
        out.push([res.status, await res.json()]);
      }
      return out;
    };
    expect(await answers(unknown)).toEqual(await answers(email));
  });

  it("an address that fails past its budget is refused for every email, with its own message", async () => {
    const address = newAddress();
    const { email } = await member();
    // The default budget (CHATLENS_SIGNIN_MAX_FAILURES_PER_ADDRESS) is 50 failures in 15 minutes, over any emails.
    for (let i = 0; i < 50; i++) expect((await signIn(`guess${i}-${randomId("x")}@example.test`, WRONG, { address })).status).toBe(401);
    const res = await signIn(email, TEST_PASSWORD, { address });
    expect(res.status).toBe(429);
    expect((await res.json()).error).toBe("Too many failed sign-ins from your network. Try again in 1 minute.");
    // The account itself is fine from elsewhere.
    expect((await signIn(email, TEST_PASSWORD)).status).toBe(200);
  });

  it("a missing field is a 400 that says what to fill in", async () => {
    const res = await signIn("", "");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "Enter your email and password." });
  });

  it("another site cannot post the form (a forced sign-in into the attacker's account)", async () => {
    const { email } = await member();
    const res = await signIn(email, TEST_PASSWORD, { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});

describe("the form posted without JavaScript", () => {
  it("signs in and redirects (303) to the page asked for, never with the password in a URL", async () => {
    const { workspaceId, email } = await member();
    const res = await signIn(email, TEST_PASSWORD, { json: false, callbackUrl: `/w/${workspaceId}/overview?range=7d` });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/w/${workspaceId}/overview?range=7d`);
    expect(await canExport(workspaceId, cookieFromResponse(res))).toBe(200);
  });

  it("sends a failure back to the sign-in page with a code the page turns into the message", async () => {
    const { email } = await member();
    const res = await signIn(email, WRONG, { json: false, callbackUrl: "/w/demo/contacts" });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get("location")!, "http://localhost");
    expect(location.pathname).toBe("/signin");
    expect(Object.fromEntries(location.searchParams)).toEqual({ callbackUrl: "/w/demo/contacts", error: "credentials" });
    expect(res.headers.get("location")).not.toContain(encodeURIComponent(WRONG));
  });

  it("a lock is sent back with its scope and wait", async () => {
    const { email } = await member();
    for (let i = 0; i < 5; i++) await signIn(email, WRONG);
    const res = await signIn(email, TEST_PASSWORD, { json: false });
    const location = new URL(res.headers.get("location")!, "http://localhost");
    expect(Object.fromEntries(location.searchParams)).toMatchObject({ error: "throttled", scope: "account", wait: expect.stringMatching(/^[1-9]\d*$/) });
    expect(Number(location.searchParams.get("wait"))).toBeLessThanOrEqual(60);
  });

  it("a link to another site as the way back leads home instead", async () => {
    const { email } = await member();
    const res = await signIn(email, TEST_PASSWORD, { json: false, callbackUrl: "https://evil.example/phish" });
    expect(res.headers.get("location")).toBe("/phish");
  });
});

describe("signInWithPassword", () => {
  /** The real bcrypt check, counted: which hashes sign-in compared a password with. */
  function countingVerify() {
    const hashes: string[] = [];
    const verify = (password: string, hash: string) => {
      hashes.push(hash);
      return verifyPassword(password, hash);
    };
    return { verify, hashes };
  }

  it("checks an unknown email's password against a bcrypt hash of the same cost, as it does a known one", async () => {
    const { email } = await member();
    const known = countingVerify();
    const unknown = countingVerify();
    const throttle = new SignInThrottle({ accountFailures: 5, addressFailures: 50 });
    expect(await signInWithPassword(store(), { email, password: WRONG, clientAddress: "a" }, { throttle, verify: known.verify })).toMatchObject({ ok: false, status: 401 });
    expect(
      await signInWithPassword(store(), { email: `${randomId("nobody")}@example.test`, password: WRONG, clientAddress: "a" }, { throttle, verify: unknown.verify }),
    ).toMatchObject({ ok: false, status: 401 });
    expect(known.hashes).toHaveLength(1);
    expect(unknown.hashes).toHaveLength(1);
    // Same algorithm and cost: "$2b$10$" — the work bcrypt does depends on nothing else.
    expect(unknown.hashes[0].slice(0, 7)).toBe(known.hashes[0].slice(0, 7));
  });

  it("a locked account is refused before any password is checked", async () => {
    const { email } = await member();
    const throttle = new SignInThrottle({ accountFailures: 2, addressFailures: 50 });
    const counted = countingVerify();
    for (let i = 0; i < 2; i++) await signInWithPassword(store(), { email, password: WRONG, clientAddress: "a" }, { throttle, verify: counted.verify });
    const locked = await signInWithPassword(store(), { email, password: TEST_PASSWORD, clientAddress: "a" }, { throttle, verify: counted.verify });
    expect(locked).toMatchObject({ ok: false, status: 429 });
    expect(counted.hashes).toHaveLength(2);
  });
});
