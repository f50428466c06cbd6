import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN, PASSWORD, signIn } from "./helpers";

/**
 * Signing in and out as the browser sees it: the form without JavaScript,
 * the security headers, a signed-out cookie, and choosing a password.
 */

const stamp = Date.now().toString(36);

test("without JavaScript the sign-in form posts, and the password never appears in an address", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const seen: Array<{ method: string; url: string }> = [];
  page.on("request", (r) => seen.push({ method: r.method(), url: r.url() }));

  await page.goto("/signin?callbackUrl=%2Fw%2Fdemo%2Foverview");
  await page.getByLabel("Email", { exact: true }).fill(ADMIN);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/w\/demo\/overview$/);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  expect(seen).toContainEqual({ method: "POST", url: `${baseURL}/api/sign-in` });
  for (const { url } of seen) expect(url).not.toContain(PASSWORD);
  await context.close();
});

test("without JavaScript a wrong password comes back as the message, with nothing secret in the address", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/signin?callbackUrl=%2Fw%2Fdemo%2Fcontacts");
  await page.getByLabel("Email", { exact: true }).fill(ADMIN);
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("Wrong email or password.");
  expect(page.url()).not.toContain("not-the-password");
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/w/demo/contacts");
  await context.close();
});

test("a sign-in page opened with a password in its address drops it at once", async ({ page }) => {
  await page.goto(`/signin?callbackUrl=%2Fw%2Fdemo%2Foverview&email=${encodeURIComponent(ADMIN)}&password=${PASSWORD}`);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  expect(page.url()).not.toContain(PASSWORD);
  expect(page.url()).toMatch(/\/signin\?callbackUrl=%2Fw%2Fdemo%2Foverview$/);
});

test("pages cannot be framed and run only their own scripts, and the app works under that policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
  });
  const signInPage = await page.goto("/signin");
  const headers = signInPage!.headers();
  expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");

  // Signing in with the script, and a page of charts, work with nothing refused.
  await signIn(page, ADMIN, PASSWORD, "/w/demo/campaigns");
  await expect(page.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  const api = await page.request.get("/api/health");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(violations).toEqual([]);
});

test("after signing out, a copy of the old session cookie is refused", async ({ page, browser, baseURL }) => {
  await signIn(page, ADMIN, PASSWORD, "/w/demo/overview");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  const copied = (await page.context().cookies()).filter((c) => c.name.endsWith("next-auth.session-token"));
  expect(copied).toHaveLength(1);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  // Someone who copied the cookie before the sign-out.
  const thief = await browser.newContext({ baseURL });
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/w/demo/overview");
  await expect(stolen).toHaveURL(/\/signin/);
  expect((await thief.request.get("/api/auth/session")).ok()).toBe(true);
  expect(await (await thief.request.get("/api/auth/session")).json()).toEqual({});
  await thief.close();
});

/** A tRPC mutation as the signed-in admin's browser would send it. */
async function mutation(request: APIRequestContext, path: string, input: unknown) {
  const res = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

async function fillPasswordForm(page: Page, current: string, next: string) {
  const form = page.getByRole("form", { name: "Change your password" });
  await form.getByLabel(/^(Temporary|Current) password$/).fill(current);
  await form.getByLabel("New password", { exact: true }).fill(next);
  await form.getByLabel("New password again").fill(next);
  await form.getByRole("button", { name: "Change password" }).click();
}

test("an invited member chooses a password at the first sign-in, which signs out their other browsers", async ({ page, browser, baseURL }) => {
  await signIn(page, ADMIN, PASSWORD, "/w/demo/overview");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  const email = `chooser.${stamp}@example.com`;
  const invited = (await mutation(page.request, "members.invite", { workspaceId: "demo", email, role: "analyst", name: "Chandra Iyer" })) as {
    userId: string;
    temporaryPassword: string;
  };

  const elsewhereContext = await browser.newContext({ baseURL });
  const elsewhere = await elsewhereContext.newPage();
  await signIn(elsewhere, email, invited.temporaryPassword, "/w/demo/contacts");
  await expect(elsewhere).toHaveURL(/\/account\/password\?callbackUrl=%2Fw%2Fdemo%2Fcontacts$/);

  const hereContext = await browser.newContext({ baseURL });
  const here = await hereContext.newPage();
  await signIn(here, email, invited.temporaryPassword, "/w/demo/overview");
  await expect(here).toHaveURL(/\/account\/password/);
  await expect(here.getByRole("heading", { level: 1, name: "Choose your password" })).toBeVisible();
  // The workspace waits until then.
  await here.goto("/w/demo/overview");
  await expect(here).toHaveURL(/\/account\/password/);
  await here.screenshot({ path: test.info().outputPath("choose-password.png"), fullPage: true });

  await fillPasswordForm(here, invited.temporaryPassword, "short");
  // Said under the field it is about, as a sentence.
  await expect(here.getByText("Use at least 10 characters.", { exact: true })).toBeVisible();
  await expect(here.getByLabel("New password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await here.screenshot({ path: test.info().outputPath("choose-password-refused.png"), fullPage: true });
  await fillPasswordForm(here, "not-the-temporary-one", "river lantern copper");
  await expect(here.getByText("That is not your current password.", { exact: true })).toBeVisible();
  await fillPasswordForm(here, invited.temporaryPassword, "river lantern copper");
  await expect(here).toHaveURL(/\/w\/demo\/overview$/);
  await expect(here.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  // The other browser's session ended with the new password.
  await elsewhere.goto("/w/demo/overview");
  await expect(elsewhere).toHaveURL(/\/signin/);
  await elsewhereContext.close();

  // Later, from the user menu: the same page, without the obligation.
  await here.screenshot({ path: test.info().outputPath("user-menu.png") });
  await here.getByRole("link", { name: "Change password" }).click();
  await expect(here.getByRole("heading", { level: 1, name: "Change your password" })).toBeVisible();
  await here.screenshot({ path: test.info().outputPath("change-password.png"), fullPage: true });
  await here.getByRole("link", { name: "Keep your current password" }).click();
  await expect(here).toHaveURL(/\/w\/demo\/overview$/);
  await hereContext.close();

  await mutation(page.request, "members.remove", { workspaceId: "demo", userId: invited.userId });
});
