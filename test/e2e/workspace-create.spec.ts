import { expect, test } from "@playwright/test";
import { MARKETER, PASSWORD, signIn } from "./helpers";

const LOADED = { timeout: 30_000 };

// The creator's browser is in India: the new workspace starts in its zone.
test.use({ timezoneId: "Asia/Kolkata" });

test("a marketer starts a workspace of their own in the browser's time zone and lands in it as its admin", async ({ page }) => {
  await signIn(page, MARKETER, PASSWORD, "/w/demo/overview");
  await page.getByRole("link", { name: "+ New workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New workspace" })).toBeVisible();
  const zone = page.getByLabel("Time zone", { exact: true });
  await expect(zone).toHaveValue("Asia/Kolkata");
  await expect(page.getByText("Now Asia/Kolkata (UTC+05:30)")).toBeVisible();

  // A blank name is refused in the browser, with the server's words.
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("The workspace needs a name.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");

  // (Named to sort after the demo workspaces, so the marketer's first workspace stays the same for other specs.)
  const name = `Zz E2E shop ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/zz-e2e-shop-\d+-[0-9a-f]{6}\/overview/, LOADED);
  await expect(page.getByRole("main").getByText("· days in Asia/Kolkata")).toBeVisible(LOADED);
  await expect(page.getByLabel("Workspace")).toHaveValue(/^zz-e2e-shop-/);
  await expect(page.getByLabel("Workspace").locator("option:checked")).toHaveText(name);

  // Its admin: Manage → General can change the zone.
  await page.goto(page.url().replace(/\/overview.*$/, "/manage/general"));
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("Asia/Kolkata", LOADED);
  await expect(page.getByRole("button", { name: "Save time zone" })).toBeVisible();
});
