import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { POST as signInPost } from "@/app/api/sign-in/route";
import { POST as trpcPost } from "@/app/api/trpc/[trpc]/route";
import { GET as exportGet } from "@/app/api/w/[workspace]/segments/[segment]/export/route";
import { findUserByEmail } from "@/clickhouse/queries/users";
import { nextVersion } from "@/clickhouse/version";
import { EMPTY_TREE } from "@/clickhouse/vocabulary/filter-tree";
import { inviteMember, removeMember } from "@/server/auth/members";
import { authOptions } from "@/server/auth/options";
import { readSessionClaims } from "@/server/auth/session-cookie";
import { encodeTree } from "@/server/segments/url";
import { callerFor, createTestWorkspace, TEST_PASSWORD } from "../helpers/factories";
import { appRequest, cookieFromResponse } from "../helpers/sessions";
import { useTestStore } from "../helpers/store";

/**
 * Sessions end when they should: signing out ends that session on the
 * server, a new password ends every other session of the account, a temporary
 * password must be replaced before anything else, and a removed member or
 * account loses access at once. Sessions are real cookies from POST
 * /api/sign-in, sent back the way a browser would.
 */

const store = useTestStore();
const NEW_PASSWORD = "a much longer passphrase";

let addressCounter = 0;
async function signIn(email: string, password = TEST_PASSWORD) {
  const res = await signInPost(
    appRequest("/api/sign-in", {
      method: "POST",
      body: new URLSearchParams({ email, password, callbackUrl: "/" }).toString(),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
        "x-forwarded-for": `198.51.100.${++addressCounter % 250}`,
      },
    }),
  );
  return { status: res.status, body: (await res.json()) as { redirect?: string; error?: string }, cookie: cookieFromResponse(res) };
}

async function exportStatus(workspaceId: string, cookie: string | null) {
  const req = appRequest(`/api/w/${workspaceId}/segments/draft/export?tree=${encodeTree(EMPTY_TREE)}`, { cookie });
  const res = await exportGet(req, { params: Promise.resolve({ workspace: workspaceId, segment: "draft" }) });
  return { status: res.status, body: await res.text() };
}

/** A tRPC mutation over HTTP, as the app's pages send it. */
async function mutate(path: string, input: unknown, cookie: string | null) {
  const res = await trpcPost(
    appRequest(`/api/trpc/${path}`, {
      method: "POST",
      cookie,
      body: JSON.stringify({ json: input }),
      headers: { "content-type": "application/json", origin: "http://localhost" },
    }),
  );
  const body = (await res.json()) as { result?: unknown; error?: { json: { message: string; data: { code: string } } } };
  return { status: res.status, error: body.error?.json, cookie: cookieFromResponse(res) };
}

async function marketer() {
  const ws = await createTestWorkspace(store(), { members: [{ role: "admin" }, { role: "marketer" }] });
  return { ws, workspaceId: ws.workspaceId, user: ws.members[1] };
}

/** What next-auth does with a session cookie on every getServerSession and /api/auth/session: decode it, then the jwt callback. */
async function nextAuthAccepts(cookie: string): Promise<boolean> {
  const token = await readSessionClaims(appRequest("/", { cookie }));
  try {
    await authOptions.callbacks!.jwt!({ token: token!, user: undefined as never, account: null });
    return true;
  } catch {
    return false;
  }
}

describe("signing out", () => {
  it("ends that session on the server: the old cookie is refused afterwards, another device stays signed in", async () => {
    const { workspaceId, user } = await marketer();
    const laptop = (await signIn(user.email)).cookie!;
    const phone = (await signIn(user.email)).cookie!;
    expect((await exportStatus(workspaceId, laptop)).status).toBe(200);

    // What next-auth's POST /api/auth/signout calls with the decoded cookie, before clearing it in the browser.
    await authOptions.events!.signOut!({ token: (await readSessionClaims(appRequest("/", { cookie: laptop })))!, session: undefined as never });

    // Someone who kept a copy of the cookie gets nothing with it.
    expect(await exportStatus(workspaceId, laptop)).toEqual({ status: 401, body: JSON.stringify({ error: "Sign in to continue." }) });
    expect(await nextAuthAccepts(laptop)).toBe(false);
    expect((await mutate("tags.create", { workspaceId, name: "After sign-out" }, laptop)).status).toBe(401);
    // Signing out on the laptop is not signing out on the phone.
    expect((await exportStatus(workspaceId, phone)).status).toBe(200);
    expect(await nextAuthAccepts(phone)).toBe(true);
  });
});

describe("changing the password", () => {
  it("ends every other session of the account and keeps this one, with a new cookie", async () => {
    const { workspaceId, user } = await marketer();
    const here = (await signIn(user.email)).cookie!;
    const elsewhere = (await signIn(user.email)).cookie!;

    const changed = await mutate("account.changePassword", { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, here);
    expect(changed.status).toBe(200);
    expect(changed.cookie).toMatch(/^next-auth\.session-token=/);

    expect((await exportStatus(workspaceId, elsewhere)).status).toBe(401);
    expect(await nextAuthAccepts(elsewhere)).toBe(false);
    // The cookie this browser had is replaced; the old value is as dead as the others.
    expect((await exportStatus(workspaceId, here)).status).toBe(401);
    expect((await exportStatus(workspaceId, changed.cookie)).status).toBe(200);

    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(401);
    expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it("refuses a wrong current password, a short new one, and the same one again, saying which", async () => {
    const { user } = await marketer();
    const me = callerFor(store(), user.userId);
    const attempt = (currentPassword: string, newPassword: string) =>
      me.account.changePassword({ currentPassword, newPassword }).then(
        () => "changed",
        (err: TRPCError) => `${err.code}: ${err.message}`,
      );
    expect(await attempt("wrong password", NEW_PASSWORD)).toBe("BAD_REQUEST: currentPassword: that is not your current password.");
    expect(await attempt(TEST_PASSWORD, "short")).toBe("BAD_REQUEST: newPassword: use at least 10 characters.");
    expect(await attempt(TEST_PASSWORD, TEST_PASSWORD)).toBe("BAD_REQUEST: newPassword: choose a password different from the current one.");
    expect(await attempt(TEST_PASSWORD, "é".repeat(40))).toBe("BAD_REQUEST: newPassword: use at most 72 bytes (about 72 letters without accents).");
    expect(await attempt(TEST_PASSWORD, NEW_PASSWORD)).toBe("changed");
  });

  it("guessing the current password is throttled like signing in", async () => {
    const { user } = await marketer();
    const me = callerFor(store(), user.userId);
    for (let i = 0; i < 5; i++) {
      await expect(me.account.changePassword({ currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(me.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "Too many failed sign-ins for this email address. Try again in 1 minute.",
    });
  });
});

describe("a temporary password from an invitation", () => {
  it("must be changed before anything else; afterwards the account works and the flag is gone", async () => {
    const { ws, workspaceId } = await marketer();
    const invited = await inviteMember(store(), workspaceId, { email: `new-${ws.workspaceId}@example.test`, role: "marketer" });
    const first = await signIn(invited.email, invited.temporaryPassword!);
    expect(first.status).toBe(200);
    expect(first.body.redirect).toBe("/account/password?callbackUrl=%2F");

    const pending = first.cookie!;
    expect(await exportStatus(workspaceId, pending)).toEqual({
      status: 403,
      body: JSON.stringify({ error: "Your password is a temporary one: choose your own first, at /account/password." }),
    });
    const blocked = await mutate("tags.create", { workspaceId, name: "Too early" }, pending);
    expect(blocked.status).toBe(403);
    expect(blocked.error?.message).toBe("Your password is a temporary one: choose your own first, at /account/password.");

    const changed = await mutate("account.changePassword", { currentPassword: invited.temporaryPassword, newPassword: NEW_PASSWORD }, pending);
    expect(changed.status).toBe(200);
    expect((await exportStatus(workspaceId, changed.cookie)).status).toBe(200);
    expect((await findUserByEmail(store(), invited.email))?.must_change_password).toBe(false);
    expect((await signIn(invited.email, NEW_PASSWORD)).body.redirect).toBe("/");
  });
});

describe("removing", () => {
  it("a member from a workspace ends their access to it at once; their other workspaces stay open", async () => {
    const { ws, workspaceId, user } = await marketer();
    const other = await createTestWorkspace(store());
    await (await import("@/clickhouse/queries/workspaces")).upsertMembership(store(), other.workspaceId, user.userId, "marketer");
    const cookie = (await signIn(user.email)).cookie!;
    expect((await exportStatus(workspaceId, cookie)).status).toBe(200);

    await removeMember(store(), ws.workspaceId, user.userId);

    expect((await exportStatus(workspaceId, cookie)).status).toBe(404);
    expect((await mutate("tags.create", { workspaceId, name: "Gone" }, cookie)).error?.data.code).toBe("NOT_FOUND");
    await expect(callerFor(store(), user.userId).workspaces.current({ workspaceId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await exportStatus(other.workspaceId, cookie)).status).toBe(200);
  });

  it("an account entirely ends all of its sessions", async () => {
    const { workspaceId, user } = await marketer();
    const cookie = (await signIn(user.email)).cookie!;
    const row = (await findUserByEmail(store(), user.email))!;
    await store().insert(
      "users",
      [{ user_id: row.user_id, email: row.email, name: row.name, password_hash: row.password_hash, created_at: Date.now(), version: nextVersion(), is_deleted: 1 }],
      { report: "test:remove-user", tenant: "exempt: a user is a person who may belong to several workspaces" },
    );
    expect((await exportStatus(workspaceId, cookie)).status).toBe(401);
    expect(await nextAuthAccepts(cookie)).toBe(false);
    expect((await signIn(user.email)).status).toBe(401);
  });
});
