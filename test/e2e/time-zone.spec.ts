import { expect, test } from "@playwright/test";
import { ADMIN, ANALYST, PASSWORD, signIn } from "./helpers";

/** Figures come from the store; give them a little longer than a click. */
const LOADED = { timeout: 30_000 };
// Figures are looked for in <main>: while a page streams, a part may also sit in a hidden copy outside it.

test("an admin sets the workspace's time zone in Manage → General, and the reports count days in it", async ({ page }) => {
  await signIn(page, ADMIN, PASSWORD, "/w/demo/manage/general");
  const zone = page.getByLabel("Time zone", { exact: true });
  // The demo businesses are in India.
  await expect(zone).toHaveValue("Asia/Kolkata", LOADED);
  await expect(page.getByText("Now Asia/Kolkata (UTC+05:30)")).toBeVisible();

  // A name that is no zone is explained, not saved.
  await zone.fill("Mars/Olympus");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByText('"Mars/Olympus" is not a time zone; use an IANA name')).toBeVisible();
  await expect(zone).toHaveAttribute("aria-invalid", "true");

  await zone.fill("Asia/Kathmandu");
  await expect(page.getByText("Now Asia/Kathmandu (UTC+05:45)")).toBeVisible();
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible(LOADED);

  await page.goto("/w/demo/overview");
  await expect(page.getByRole("main").getByText("· days in Asia/Kathmandu")).toBeVisible(LOADED);
  await page.goto("/w/demo/unresolved");
  await expect(page.getByRole("main").getByText("· days and times in Asia/Kathmandu")).toBeVisible(LOADED);

  // Back to the demo's zone for the other specs.
  await page.goto("/w/demo/manage/general");
  await page.getByLabel("Time zone", { exact: true }).fill("Asia/Kolkata");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible(LOADED);
  await page.goto("/w/demo/overview");
  await expect(page.getByRole("main").getByText("· days in Asia/Kolkata")).toBeVisible(LOADED);
  await page.getByRole("button", { name: "Custom" }).click();
  await expect(page.getByText(/^Today is \w{3} \d{1,2} in Asia\/Kolkata$/)).toBeVisible();
});

test("an analyst reads the time zone without changing it", async ({ page }) => {
  await signIn(page, ANALYST, PASSWORD, "/w/demo/manage/general");
  await expect(page.getByText("Only admins change the time zone.")).toBeVisible(LOADED);
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("Asia/Kolkata");
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveAttribute("readonly", "");
  await expect(page.getByRole("button", { name: "Save time zone" })).toHaveCount(0);
});
