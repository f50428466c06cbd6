import { expect, test, type Page } from "@playwright/test";
import { ADMIN, PASSWORD, signIn } from "./helpers";

const STATUSES = ["active", "requesting", "intervened", "closed", "history"] as const;

/** The raw count behind a stat card, after checking it is shown with thousands separators. */
async function statValue(page: Page, testId: string): Promise<number> {
  const value = page.getByTestId(testId).locator("data");
  await expect(value).toHaveText(/^\d{1,3}(,\d{3})*$/);
  const raw = await value.getAttribute("value");
  expect(raw).toMatch(/^\d+$/);
  const n = Number(raw);
  expect(await value.textContent()).toBe(n.toLocaleString("en-US"));
  return n;
}

test("an admin signs in and sees the overview with real figures", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/w\/demo\/overview/);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  const byStatus = page.getByRole("region", { name: "Contacts by status" });
  await expect(byStatus).toBeVisible();
  const counts: number[] = [];
  for (const status of STATUSES) counts.push(await statValue(page, `stat-${status}`));
  const total = await statValue(page, "stat-total");
  expect(total).toBeGreaterThan(0);
  // The five statuses partition the contacts: every contact is in exactly one.
  expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
  expect(counts.filter((n) => n > 0).length).toBeGreaterThan(1);
  await statValue(page, "stat-unresolved");
  await statValue(page, "stat-campaigns");
  expect(await statValue(page, "stat-messages")).toBeGreaterThan(0);

  const chart = page.getByRole("figure", { name: "Messages per day" });
  // Recharts gives the plot's svg the application role, named by its <title>.
  await expect(chart.getByRole("application", { name: "Messages per day" })).toBeVisible();
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeAttached();

  // The date range lives in the URL, so a view can be shared.
  await page.getByRole("group", { name: "Date range" }).getByRole("button", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL(/[?&]range=7d/);
  await expect(page.getByRole("button", { name: "Last 7 days" })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(page.getByRole("button", { name: "Last 7 days" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("alert").filter({ hasText: "could not be loaded" })).toHaveCount(0);
});

test("the workspace switcher moves to the same section of another workspace", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/w\/demo\/overview/);
  const switcher = page.getByLabel("Workspace", { exact: true });
  await expect(switcher).toHaveValue("demo");
  await switcher.selectOption("demo-clinic");
  await expect(page).toHaveURL(/\/w\/demo-clinic\/overview/);
  await expect(page.getByLabel("Workspace", { exact: true })).toHaveValue("demo-clinic");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" }).click();
  await expect(page).toHaveURL(/\/w\/demo-clinic\/campaigns$/);
  await expect(page.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible();
  await page.getByLabel("Workspace", { exact: true }).selectOption("demo");
  await expect(page).toHaveURL(/\/w\/demo\/campaigns$/);
});

test("a page asks the server for its own figures only, and for another page once a person points at its link", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/w\/demo\/overview/);
  // Other pages' renders (a prefetch's `_rsc` request) and the session again would run beside the page's own figures.
  const asked: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.searchParams.has("_rsc") || url.pathname === "/api/auth/session") asked.push(url.pathname);
  });
  await page.goto("/w/demo/contacts");
  await expect(page.getByRole("table")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(asked).toEqual([]);

  const campaigns = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" });
  await campaigns.hover();
  await expect.poll(() => asked).toContain("/w/demo/campaigns");
  await campaigns.click();
  await expect(page).toHaveURL(/\/w\/demo\/campaigns$/);
  await expect(page.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible();
});

test("the Overview and the campaign list come with their figures, which the browser asks for again only for another range", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/w\/demo\/overview/);
  const asked: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/trpc/")) asked.push(...url.pathname.slice("/api/trpc/".length).split(","));
  });

  await page.goto("/w/demo/overview?range=7d");
  await expect(page.getByRole("region", { name: "Contacts by status" })).toBeVisible();
  await statValue(page, "stat-messages");
  await page.goto("/w/demo/campaigns?range=90d&sort=name.asc");
  await expect(page.getByRole("table", { name: "Campaigns" }).getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByRole("region", { name: "When it works" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(asked.filter((p) => p.startsWith("overview.") || p.startsWith("campaigns."))).toEqual([]);

  await page.getByRole("button", { name: "Last 30 days" }).click();
  await expect.poll(() => asked).toContain("campaigns.list");
  await expect(page).toHaveURL(/range=30d/);
});

test("every main page opens without an error in the browser", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/w\/demo\/overview/);
  // A page rendered one way on the server and another in the browser is rendered again, and says so (React #418).
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  for (const path of ["overview?range=90d", "contacts", "unresolved", "campaigns?range=90d", "segments", "segments/new", "manage/tags"]) {
    await page.goto(`/w/demo/${path}`);
    await page.waitForLoadState("networkidle");
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  }
  // A profile and a campaign's report, opened as a shared link opens them.
  await page.goto("/w/demo/contacts");
  await page.goto((await page.locator('table tbody tr a[href*="/contacts/"]').first().getAttribute("href"))!);
  await expect(page.getByTestId("journey-event").first()).toBeVisible();
  await page.goto("/w/demo/campaigns?range=90d");
  await page.goto((await page.getByRole("table", { name: "Campaigns" }).getByRole("row").nth(1).getByRole("link").getAttribute("href"))!);
  await expect(page.getByRole("region", { name: "Breakdowns" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
});

test("signing out returns to the sign-in page", async ({ page }) => {
  await signIn(page, ADMIN, PASSWORD, "");
  await expect(page).toHaveURL(/\/w\/[^/]+\/overview/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();

  // The session is really gone: the workspace sends us back to sign in.
  await page.goto("/w/demo/overview");
  await expect(page).toHaveURL(/\/signin/);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await signIn(page, ADMIN, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});

test("a signed-out visitor to a workspace page is sent to sign in, and back to that page", async ({ page }) => {
  await page.goto("/w/demo/overview?range=7d");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

  // …and lands back on the very page, query included, after signing in.
  await page.getByLabel("Email", { exact: true }).fill(ADMIN);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/w\/demo\/overview\?range=7d$/);
});

test("a workspace the user is not a member of is not found", async ({ page }) => {
  // The analyst is a member of `demo` only, so the plain sign-in lands there.
  await signIn(page, "analyst@demo.chatlens.dev", PASSWORD, "");
  await expect(page).toHaveURL(/\/w\/demo\/overview/);
  const response = await page.goto("/w/demo-clinic/overview");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
});
