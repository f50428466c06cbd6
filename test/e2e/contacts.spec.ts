import { expect, test, type Page } from "@playwright/test";
import { ADMIN, ANALYST, PASSWORD, signIn } from "./helpers";

const contactsTable = (page: Page) => page.getByRole("table", { name: /^Contacts/ });
const bodyRows = (page: Page) => contactsTable(page).locator("tbody tr[data-row-id]");

/** The numbers in one column of the current page, read from its cells. */
async function columnNumbers(page: Page, header: string): Promise<number[]> {
  const headers = await contactsTable(page).locator("thead th").allInnerTexts();
  const index = headers.findIndex((h) => h.trim() === header);
  expect(index, `column ${header}`).toBeGreaterThanOrEqual(0);
  const texts = await bodyRows(page).locator(`td:nth-child(${index + 1})`).allInnerTexts();
  return texts.map((t) => Number(t.replaceAll(",", "")));
}

test("filter by status, sort, page through, and get the same table back from the URL", async ({ page }) => {
  await signIn(page, ADMIN, PASSWORD, "/w/demo/contacts");
  await expect(page).toHaveURL(/\/w\/demo\/contacts$/);
  await expect(page.getByRole("heading", { level: 1, name: "Contacts" })).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(25);
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText(/Showing 1–25 of [\d,]+ contacts/);
  // Newest first by default.
  await expect(contactsTable(page).getByRole("columnheader", { name: /Last active/ })).toHaveAttribute("aria-sort", "descending");

  // Quick filter: chats in history.
  await page.getByRole("group", { name: "Status" }).getByRole("button", { name: "History" }).click();
  await expect(page).toHaveURL(/[?&]status=history/);
  await expect(page.getByRole("group", { name: "Status" }).getByRole("button", { name: "History" })).toHaveAttribute("aria-pressed", "true");
  await expect(contactsTable(page).locator("tbody td").filter({ hasText: /^(Active|Requesting|Intervened|Closed)$/ })).toHaveCount(0);
  await expect(bodyRows(page).first()).toContainText("History");

  // Sort by unresolved queries: most first.
  await contactsTable(page).getByRole("button", { name: /^Unresolved/ }).click();
  await expect(page).toHaveURL(/[?&]sort=unresolvedQueries\.desc/);
  const unresolvedHeader = contactsTable(page).getByRole("columnheader", { name: /Unresolved/ });
  await expect(unresolvedHeader).toHaveAttribute("aria-sort", "descending");
  await expect(page.locator("[data-updating]")).toHaveCount(0);
  const firstPage = await columnNumbers(page, "Unresolved");
  expect(firstPage).toEqual([...firstPage].sort((a, b) => b - a));

  // Page 2.
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();
  await expect(page.locator("[data-updating]")).toHaveCount(0);
  const secondPage = await columnNumbers(page, "Unresolved");
  expect(Math.max(...secondPage)).toBeLessThanOrEqual(Math.min(...firstPage));
  const firstPhoneOnPage2 = await bodyRows(page).first().getAttribute("data-row-id");
  const url = page.url();

  // A reload (or a shared link) restores the same table.
  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(page.getByRole("group", { name: "Status" }).getByRole("button", { name: "History" })).toHaveAttribute("aria-pressed", "true");
  await expect(unresolvedHeader).toHaveAttribute("aria-sort", "descending");
  await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();
  await expect(bodyRows(page).first()).toHaveAttribute("data-row-id", firstPhoneOnPage2!);

  // Back steps to page 1 of the same view.
  await page.goBack();
  await expect(page).not.toHaveURL(/[?&]page=2/);
  await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
  await expect(page.locator("[data-updating]")).toHaveCount(0);
  await expect(bodyRows(page).first()).not.toHaveAttribute("data-row-id", firstPhoneOnPage2!);

  // A click on a row opens the profile, the phone URL-encoded.
  const phone = await bodyRows(page).nth(2).getAttribute("data-row-id");
  expect(phone).toMatch(/^\+\d+$/);
  await contactsTable(page).locator(`tr[data-row-id="${phone}"] td`).nth(2).click();
  // The profile is its own page: a full navigation, given time on a busy machine.
  await expect(page).toHaveURL(`/w/demo/contacts/${encodeURIComponent(phone!)}`, { timeout: 15_000 });
  expect(page.url()).toContain("%2B");
});

test("search, page size and columns live in the URL; Enter on a row opens the profile", async ({ page }) => {
  await signIn(page, ANALYST, PASSWORD, "/w/demo/contacts?size=50");
  await expect(bodyRows(page)).toHaveCount(50);
  await expect(page.getByLabel("Rows per page")).toHaveValue("50");

  // Search by the digits of a phone on screen finds that contact.
  const phone = (await bodyRows(page).nth(7).getAttribute("data-row-id"))!;
  await page.getByRole("searchbox", { name: "Search contacts" }).fill(phone.slice(-7));
  await expect(page).toHaveURL(new RegExp(`[?&]q=${phone.slice(-7)}`));
  await expect(contactsTable(page).locator(`tr[data-row-id="${phone}"]`)).toHaveCount(1);
  await expect(bodyRows(page)).not.toHaveCount(50);

  // Nothing matches: say so, and offer a way out.
  await page.getByRole("searchbox", { name: "Search contacts" }).fill("zzz-no-such-contact");
  await expect(page.getByText("No contacts match “zzz-no-such-contact”")).toBeVisible();
  await contactsTable(page).getByRole("button", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(page.getByRole("searchbox", { name: "Search contacts" })).toHaveValue("");
  await expect(bodyRows(page)).toHaveCount(50);

  // Hide the Tags column.
  await page.locator("summary", { hasText: "Columns" }).click();
  // The checkbox follows the URL, so it changes a moment after the click.
  await page.getByRole("checkbox", { name: "Tags" }).click();
  await expect(page.getByRole("checkbox", { name: "Tags" })).not.toBeChecked();
  await expect(page).toHaveURL(/[?&]cols=/);
  await expect(contactsTable(page).getByRole("columnheader", { name: "Tags" })).toHaveCount(0);
  await page.reload();
  await expect(contactsTable(page).getByRole("columnheader", { name: "Tags" })).toHaveCount(0);
  await expect(contactsTable(page).getByRole("columnheader", { name: "Phone" })).toBeVisible();

  // Keyboard: focus a row and press Enter.
  const row = bodyRows(page).first();
  const rowPhone = (await row.getAttribute("data-row-id"))!;
  await row.focus();
  await page.keyboard.press("ArrowDown");
  await expect(bodyRows(page).nth(1)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(row).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/w/demo/contacts/${encodeURIComponent(rowPhone)}`, { timeout: 15_000 });
});

test("a shared link with filters, sort, size and columns opens the same view; unreadable values fall back to the defaults", async ({ page }) => {
  // The link shape the hand-written parser wrote before nuqs read it: it must still open the same table.
  await signIn(page, ANALYST, PASSWORD, "/w/demo/contacts?status=history&sort=unresolvedQueries.asc&size=50&cols=phone,name,status,unresolvedQueries");
  await expect(page.getByRole("group", { name: "Status" }).getByRole("button", { name: "History" })).toHaveAttribute("aria-pressed", "true");
  await expect(contactsTable(page).getByRole("columnheader", { name: /Unresolved/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(page.getByLabel("Rows per page")).toHaveValue("50");
  await expect(contactsTable(page).locator("thead th")).toHaveText([/Phone/, /Name/, /Status/, /Unresolved/]);
  await expect(page.locator("[data-updating]")).toHaveCount(0);
  const numbers = await columnNumbers(page, "Unresolved");
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));

  // A hand-edited link with nonsense opens the default view instead of an error.
  await page.goto("/w/demo/contacts?page=abc&size=33&sort=bogus.asc&status=nope&cols=zzz");
  await expect(page.getByRole("heading", { level: 1, name: "Contacts" })).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(25);
  await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
  await expect(contactsTable(page).getByRole("columnheader", { name: /Last active/ })).toHaveAttribute("aria-sort", "descending");
  await expect(page.getByRole("group", { name: "Status" }).getByRole("button", { name: "All statuses" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("The contacts could not be loaded.")).toHaveCount(0);
});
