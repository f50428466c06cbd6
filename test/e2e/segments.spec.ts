import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ANALYST, MARKETER, PASSWORD, signIn } from "./helpers";

// Unique per run, so reruns against the same data never collide.
const stamp = Date.now();

async function audienceCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("audience-count").textContent()) ?? "";
  return Number(text.replace(/[^\d]/g, ""));
}

/** Picks `value` in a multi-select (a new rule starts with nothing picked). */
async function pick(scope: Locator, label: string, value: string) {
  await scope.getByLabel(`Add to ${label}`).selectOption(value);
}

/** The live count once the last edit has been counted (the card is no longer busy). */
async function settledCount(page: Page): Promise<number> {
  await expect(page.getByTestId("audience")).toHaveAttribute("aria-busy", "false", { timeout: 15_000 });
  return audienceCount(page);
}

/** The settled count, which the last edits must have changed from `previous`. */
async function countChangedFrom(page: Page, previous: number): Promise<number> {
  const count = await settledCount(page);
  expect(count).not.toBe(previous);
  return count;
}

test("a marketer builds a two-level segment, watches the count, saves it and exports it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, MARKETER, PASSWORD, "/w/demo/segments/new");
  await expect(page.getByRole("heading", { level: 1, name: "New segment" })).toBeVisible();
  const everyone = await countChangedFrom(page, 0);
  expect(everyone).toBeGreaterThan(100);

  // A new rule narrows nothing until it is complete.
  await page.getByLabel("Add a condition to the segment").selectOption("tags");
  const first = page.getByRole("group", { name: "condition 1", exact: true });
  await expect(page.getByTestId("audience-pending")).toHaveText("1 rule is not applied until it is complete.");
  expect(await settledCount(page)).toBe(everyone);

  // Level one: tagged Lead.
  await pick(first, "Tags of condition 1", "Lead");
  await expect(first.getByRole("button", { name: "Remove Lead from Tags of condition 1" })).toBeVisible();
  const leads = await countChangedFrom(page, everyone);
  expect(leads).toBeLessThan(everyone);

  // Level two: and (NOT churn risk, or active).
  await page.getByRole("button", { name: "+ Add group" }).click();
  const group = page.getByRole("group", { name: "group 2", exact: true });
  await expect(group.getByRole("radio", { name: "any" })).toHaveAttribute("aria-checked", "true");
  await pick(group, "Tags of condition 2.1", "Churn risk");
  await group.getByRole("button", { name: "NOT: exclude contacts matching condition 2.1" }).click();
  await group.getByLabel("Add a condition to group 2").selectOption("status");
  await pick(group, "Statuses of condition 2.2", "active");
  const narrowed = await countChangedFrom(page, leads);
  expect(narrowed).toBeLessThanOrEqual(leads);

  // A wrong value is highlighted with its reason, and the count is marked out of date until it is fixed.
  await page.getByLabel("Add a condition to the segment").selectOption("lastActive");
  const days = page.getByRole("group", { name: "condition 3", exact: true });
  await days.getByLabel("Days of condition 3").fill("-5");
  await expect(days).toHaveAttribute("data-invalid", "true");
  await expect(days).toContainText("days:");
  // (The shown count is the last one counted: the rule starts complete, at 30 days, so that may be its count.)
  await expect(page.getByTestId("audience-stale")).toBeVisible();
  await page.getByRole("button", { name: "Remove condition 3" }).click();
  await expect(page.getByTestId("audience-stale")).toHaveCount(0);
  expect(await settledCount(page)).toBe(narrowed);

  // The rules live in the link: a reload keeps them and the count.
  await page.reload();
  await expect(page.getByRole("group", { name: "condition 2.2", exact: true })).toBeVisible();
  await expect.poll(() => audienceCount(page), { timeout: 15_000 }).toBe(narrowed);

  // The preview lists them; "Why?" explains a row.
  const preview = page.getByRole("table", { name: "Contacts in this segment" });
  const why = preview.getByRole("button", { name: /^Why is \+\d+ here\?$/ }).first();
  await why.click();
  await expect(page.getByRole("list", { name: /^Why \+\d+ is in this segment$/ })).toContainText("Tags has any of Lead");

  // Save it.
  const name = `E2E leads ${stamp}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Description").fill("Leads who are not at risk, or active");
  await page.getByRole("button", { name: "Save segment" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(/\/w\/demo\/segments\/[0-9a-f-]{36}\?f=/);
  await expect(page.getByRole("region", { name: "History" })).toContainText(`Created “${name}”`);

  // Listed at once, and with its size as soon as it is counted (held here until the row shows it is counting).
  let countSizes = () => {};
  const sizesHeld = new Promise<void>((go) => (countSizes = go));
  await page.route("**/api/trpc/segments.size**", async (route) => {
    await sizesHeld;
    await route.continue();
  });
  await page.getByRole("link", { name: "Segments", exact: true }).first().click();
  await expect(page).toHaveURL(/\/w\/demo\/segments$/);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(row).toContainText("Counting…");
  countSizes();
  await expect(row).toContainText(new Intl.NumberFormat("en-US").format(narrowed));
  await page.unroute("**/api/trpc/segments.size**");
  await expect(row).toContainText("Maya Kapoor");

  // Export it: the browser downloads a CSV with one line per contact.
  await row.getByRole("link", { name: "Open" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^e2e-leads-\d+-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("phone,name,city,country,tags");
  // Contacts opted out of marketing are left out unless asked for; the switch says how many.
  const optedOut = Number(((await page.getByTestId("include-opted-out").textContent()) ?? "").replace(/[^\d]/g, ""));
  expect(lines.length - 1).toBe(narrowed - optedOut);
  expect(lines[1]).toMatch(/^\+\d{7,15},/);

  // Back on the list: rename it in the row's form, then delete it after confirming.
  await page.getByRole("link", { name: "Segments", exact: true }).first().click();
  const listed = page.getByRole("table", { name: /^Saved segments/ });
  const saved = listed.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await saved.getByRole("button", { name: "Rename" }).click();
  await expect(saved.getByRole("button", { name: "Rename" })).toHaveAttribute("aria-expanded", "true");
  const renameForm = page.getByRole("form", { name: `Rename ${name}` });
  await renameForm.getByLabel("New name").fill(`${name} renamed`);
  await renameForm.getByRole("button", { name: "Save" }).click();
  const renamed = listed.getByRole("row").filter({ has: page.getByRole("link", { name: `${name} renamed`, exact: true }) });
  await expect(renamed).toBeVisible();
  await expect(renameForm).toHaveCount(0);
  await renamed.getByRole("button", { name: `Delete ${name} renamed` }).click();
  await page.getByRole("group", { name: `Delete ${name} renamed` }).getByRole("button", { name: "Delete segment" }).click();
  await expect(listed.getByRole("link", { name: `${name} renamed`, exact: true })).toHaveCount(0);
});

test("an analyst can build and preview a segment but not save or export it", async ({ page }) => {
  await signIn(page, ANALYST, PASSWORD, "/w/demo/segments/new");
  await page.getByLabel("Add a condition to the segment").selectOption("campaignFatigue");
  await expect(page.getByTestId("audience-count")).toBeVisible();
  await expect(page.getByText("Only admins and marketers can save segments.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveCount(0);
});
