import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { MARKETER, PASSWORD, signIn } from "./helpers";

/**
 * Issue 13 in the segment builder, as the marketer who lives in it: words
 * instead of ids (broadcast tags, attributes, "Why?"), rules that narrow
 * nothing until complete, a cleared number without NaN, unique names, a
 * pasted phone list, and placeholders that do not pass for values.
 */

const stamp = Date.now();
const LOADED = { timeout: 30_000 };
const count = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));

/** The live count once the last edit has been counted. */
async function settledCount(page: Page): Promise<number> {
  await expect(page.getByTestId("audience")).toHaveAttribute("aria-busy", "false", { timeout: 15_000 });
  await expect(page.getByTestId("audience-count")).toHaveText(/\d/);
  return count(await page.getByTestId("audience-count").textContent());
}

test("a marketer picks a broadcast by its campaign's name, and the preview's Why? and the export name it the same way", async ({ page }) => {
  await signIn(page, MARKETER, PASSWORD, "/w/demo/segments/new");
  const everyone = await settledCount(page);
  await page.getByLabel("Add a condition to the segment").selectOption("tags");
  const rule = page.getByRole("group", { name: "condition 1", exact: true });
  const picker = rule.getByLabel("Add to Tags of condition 1");

  // The tags people set, then the broadcasts, each by its campaign's name; never a broadcast:cmp_… id.
  const groups = await picker.locator("optgroup").evaluateAll((els) => els.map((g) => g.getAttribute("label")));
  expect(groups).toEqual(["Tags", "Broadcasts"]);
  const broadcasts = await picker.locator('optgroup[label="Broadcasts"] option').allTextContents();
  expect(broadcasts.length).toBeGreaterThan(1);
  for (const b of broadcasts) expect(b).toMatch(/^Broadcast · \S/);
  expect(broadcasts).toContain("Broadcast · Summer Sale launch");
  await expect(picker.locator("option").filter({ hasText: /broadcast:|cmp_/ })).toHaveCount(0);

  await picker.selectOption({ label: "Broadcast · Summer Sale launch" });
  await expect(rule.getByRole("button", { name: "Remove Broadcast · Summer Sale launch from Tags of condition 1" })).toBeVisible();
  const got = await settledCount(page);
  expect(got).toBeGreaterThan(0);
  expect(got).toBeLessThan(everyone);

  // And read it: the campaign rule names the campaign, "Why?" says what the contact did, with the day.
  await page.getByLabel("Add a condition to the segment").selectOption("campaign");
  const read = page.getByRole("group", { name: "condition 2", exact: true });
  await read.getByLabel("Behaviour of condition 2").selectOption("read");
  await read.getByLabel("Add to Campaigns of condition 2").selectOption({ label: "Summer Sale launch" });
  const readers = await settledCount(page);
  expect(readers).toBeLessThanOrEqual(got);
  const preview = page.getByRole("table", { name: "Contacts in this segment" });
  await preview.getByRole("button", { name: /^Why is \+\d+ here\?$/ }).first().click();
  const why = page.getByRole("list", { name: /^Why \+\d+ is in this segment$/ });
  await expect(why).toContainText("Tags has any of Broadcast · Summer Sale launch", LOADED);
  await expect(why).toContainText(/(read|replied to) Summer Sale launch on [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await expect(why).not.toContainText("cmp_");

  // The export: attributes offered by their labels; the file's tags column names the broadcast.
  const exportCard = page.getByRole("region", { name: "Export" });
  await expect(exportCard.getByRole("button", { name: "Remove City from Attributes in the export" })).toBeVisible();
  await expect(exportCard.getByLabel("Add to Attributes in the export").locator("option", { hasText: "Lifetime value" })).toHaveCount(1);
  await expect(exportCard.getByLabel("Add to Attributes in the export").locator("option", { hasText: "lifetime_value" })).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  const lines = (await readFile((await download.path())!, "utf8")).trimEnd().split("\r\n");
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line).toContain("Broadcast · Summer Sale launch");
  expect(lines.join("\n")).not.toMatch(/broadcast:|cmp_/);
});

test("a marketer's new rules start empty and narrow nothing until complete; a cleared number is explained, without NaN", async ({ page }) => {
  const warnings: string[] = [];
  page.on("console", (m) => {
    if (/NaN/.test(m.text())) warnings.push(m.text());
  });
  await signIn(page, MARKETER, PASSWORD, "/w/demo/segments/new");
  const everyone = await settledCount(page);

  // A group starts with one empty Tags rule: nothing picked, nothing narrowed.
  await page.getByRole("button", { name: "+ Add group" }).click();
  const group = page.getByRole("group", { name: "group 1", exact: true });
  await expect(group.getByRole("button", { name: /^Remove .+ from Tags of condition 1\.1$/ })).toHaveCount(0);
  await expect(page.getByTestId("audience-pending")).toHaveText("1 rule is not applied until it is complete.");
  expect(await settledCount(page)).toBe(everyone);

  // An attribute rule: attributes by their labels; picking Country fills in no country.
  await page.getByLabel("Add a condition to the segment").selectOption("attribute");
  const attribute = page.getByRole("group", { name: "condition 2", exact: true });
  const which = attribute.getByLabel("Attribute of condition 2");
  await expect(which.locator("option", { hasText: "Lifetime value" })).toHaveCount(1);
  await expect(which.locator("option").filter({ hasText: /_/ })).toHaveCount(0);
  // Waiting for its attribute is not a mistake: it is not highlighted, and says what it needs in words.
  await expect(attribute).not.toHaveAttribute("data-invalid", "true");
  await expect(attribute).not.toContainText("expected string");
  await expect(attribute).toContainText("Pick an attribute: until then this rule is not applied.");
  await which.selectOption({ label: "Country" });
  await expect(attribute.getByRole("button", { name: /from Values of condition 2$/ })).toHaveCount(0);
  for (const box of await attribute.getByRole("textbox").all()) await expect(box).toHaveValue("");
  await expect(page.getByTestId("audience-pending")).toHaveText("2 rules are not applied until they are complete.");
  expect(await settledCount(page)).toBe(everyone);
  // Saving waits for them too: a segment is never saved with a rule that narrows nothing on screen.
  await expect(page.getByRole("button", { name: "Save segment" })).toBeDisabled();
  await expect(page.getByText("Finish or remove the 2 unfinished rules first.")).toBeVisible();

  // A number rule cleared: the rule is highlighted with its field, the count is out of date, no NaN anywhere.
  await page.getByLabel("Add a condition to the segment").selectOption("counter");
  const counter = page.getByRole("group", { name: "condition 3", exact: true });
  const value = counter.getByLabel("Number of condition 3");
  await expect(value).toHaveValue("1");
  const counted = await settledCount(page);
  await value.fill("");
  await expect(counter).toHaveAttribute("data-invalid", "true");
  await expect(counter).toContainText("value: type a number");
  await expect(page.getByTestId("audience-stale")).toBeVisible();
  await expect(value).toHaveValue("");
  await expect(page.getByRole("main")).not.toContainText("NaN");
  await value.fill("1");
  await expect(page.getByTestId("audience-stale")).toHaveCount(0);
  expect(await settledCount(page)).toBe(counted);
  expect(warnings).toEqual([]);
});

test("a marketer cannot give two segments one name, and a pasted phone list says which numbers are not contacts yet", async ({ page }) => {
  const name = `E2E unique ${stamp}`;
  await signIn(page, MARKETER, PASSWORD, "/w/demo/segments/new");
  await page.getByLabel("Add a condition to the segment").selectOption("status");
  await page.getByRole("group", { name: "condition 1", exact: true }).getByLabel("Add to Statuses of condition 1").selectOption("active");
  await settledCount(page);
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Save segment" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible(LOADED);

  // The same name in other letters is refused under the field, and nothing is saved.
  await page.goto("/w/demo/segments/new");
  await page.getByLabel("Add a condition to the segment").selectOption("status");
  await page.getByRole("group", { name: "condition 1", exact: true }).getByLabel("Add to Statuses of condition 1").selectOption("closed");
  await settledCount(page);
  await page.getByLabel("Name").fill(name.toUpperCase());
  await page.getByRole("button", { name: "Save segment" }).click();
  await expect(page.getByText(/already exists/)).toBeVisible(LOADED);
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/segments\/new/);

  // A pasted list: two of the workspace's contacts, one number nobody wrote from, one that is no number.
  await page.goto("/w/demo/contacts");
  await expect(page.locator("tbody tr[data-row-id]").first()).toBeVisible(LOADED);
  const phones = await page.locator("tbody tr[data-row-id]").evaluateAll((rows) => rows.slice(0, 2).map((r) => r.getAttribute("data-row-id")!));
  expect(phones).toHaveLength(2);
  const stranger = `+9199${String(stamp % 100_000_000).padStart(8, "0")}`;
  await page.goto("/w/demo/segments");
  await page.getByRole("button", { name: "Upload a phone list" }).click();
  const form = page.getByRole("region", { name: "Static segment from a phone list" });
  await form.getByLabel("Name").fill(`E2E pasted ${stamp}`);
  await form.getByLabel("Phone numbers, one per line").fill([...phones, stranger, "not a phone"].join("\n"));
  await form.getByRole("button", { name: "Create static segment" }).click();
  const told = form.getByRole("status");
  await expect(told).toContainText("Added 3 numbers.", LOADED);
  await expect(told).toContainText("1 of them is not a contact of this workspace yet");
  await expect(told).toContainText("1 could not be read: not a phone");
});

test("placeholders look like placeholders: lighter and in italics, never like a typed value", async ({ page }) => {
  await signIn(page, MARKETER, PASSWORD, "/w/demo/segments/new");
  const name = page.getByLabel("Name");
  await expect(name).toHaveAttribute("placeholder", /\S/);
  const look = (el: HTMLInputElement | HTMLTextAreaElement) => {
    const value = getComputedStyle(el);
    const placeholder = getComputedStyle(el, "::placeholder");
    return { valueColor: value.color, valueStyle: value.fontStyle, placeholderColor: placeholder.color, placeholderStyle: placeholder.fontStyle };
  };
  for (const field of [name, page.getByLabel("Description")]) {
    const seen = await field.evaluate(look);
    expect(seen.placeholderStyle).toBe("italic");
    expect(seen.valueStyle).toBe("normal");
    expect(seen.placeholderColor).not.toBe(seen.valueColor);
  }
  await page.goto("/w/demo/contacts");
  const search = await page.getByRole("searchbox", { name: "Search contacts" }).evaluate(look);
  expect(search.placeholderStyle).toBe("italic");
  expect(search.placeholderColor).not.toBe(search.valueColor);
});
