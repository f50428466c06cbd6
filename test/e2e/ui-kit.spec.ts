import { expect, test } from "@playwright/test";
import { ADMIN, ANALYST, PASSWORD, signIn } from "./helpers";

// The first figures of a report page load side by side on a busy machine.
const LOADED = { timeout: 30_000 };

test("an admin moves between the Manage tabs with the arrow keys and sorts a catalogue table", async ({ page }) => {
  await signIn(page, ADMIN, PASSWORD, "/w/demo/manage/tags");
  const nav = page.getByRole("navigation", { name: "Manage" });
  const tags = nav.getByRole("link", { name: "Tags" });
  await expect(tags).toHaveAttribute("aria-current", "page");

  // One tab stop: the current tab; the arrows, Home and End move among the others.
  await tags.focus();
  await page.keyboard.press("ArrowRight");
  await expect(nav.getByRole("link", { name: "Attributes" })).toBeFocused();
  await page.keyboard.press("Home");
  await expect(nav.getByRole("link", { name: "General" })).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  const last = nav.getByRole("link").last();
  await expect(last).toBeFocused();
  await expect(tags).toHaveAttribute("tabindex", "0");
  await expect(nav.getByRole("link", { name: "General" })).toHaveAttribute("tabindex", "-1");

  // The catalogue sorts by a header button and says so with aria-sort; counts are right-aligned figures.
  const table = page.getByRole("table", { name: /^Tags of this workspace/ });
  await expect(table.getByRole("rowheader").first()).toBeVisible(LOADED);
  await table.getByRole("button", { name: /^Contacts/ }).click();
  await expect(table.getByRole("columnheader", { name: /^Contacts/ })).toHaveAttribute("aria-sort", "descending");
  const counts = await table.locator("tbody tr td:nth-last-child(2)").allTextContents();
  const numbers = counts.map((c) => Number(c.replace(/,/g, "")));
  expect(numbers.length).toBeGreaterThan(1);
  expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
});

test("an analyst switches the Unresolved breakdown with tabs from the keyboard", async ({ page }) => {
  await signIn(page, ANALYST, PASSWORD, "/w/demo/unresolved?range=90d");
  const tabs = page.getByRole("tablist", { name: "Group by" });
  const first = tabs.getByRole("tab", { name: "First-message tag" });
  await expect(first).toHaveAttribute("aria-selected", "true");
  // The breakdown shown first, as a person sees it before they switch (the page is live by then).
  await expect(page.getByRole("tabpanel", { name: "First-message tag" }).getByRole("table", { name: "Requests by first-message tag" })).toBeVisible(LOADED);
  await first.focus();
  await page.keyboard.press("ArrowRight");
  const source = tabs.getByRole("tab", { name: "Source" });
  await expect(source).toBeFocused();
  await expect(source).toHaveAttribute("aria-selected", "true");
  await expect(first).toHaveAttribute("aria-selected", "false");
  await expect(page).toHaveURL(/by=source/);
  await expect(page.getByRole("tabpanel", { name: "Source" }).getByRole("table", { name: "Requests by source" })).toBeVisible(LOADED);
});

test("copying the webhook address says so in a notification", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, ADMIN, PASSWORD, "/w/demo/manage/whatsapp");
  await page.getByRole("button", { name: "Copy URL" }).click();
  const notifications = page.getByRole("status", { name: "Notifications" });
  await expect(notifications).toContainText("Copied");
  await notifications.getByRole("button", { name: "Dismiss" }).click();
  await expect(notifications).not.toContainText("Copied");
});
