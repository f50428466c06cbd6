import { expect, test, type Page } from "@playwright/test";
import { ADMIN, ANALYST, MANAGER, MARKETER, PASSWORD, signIn } from "./helpers";

/**
 * Issue 13's layout at 1440 × 900: Contacts fits without cutting columns,
 * long cells keep their text on hover, the first column stays in view; long
 * pages have an index of their sections; Manage opens where the role can
 * work; the tag catalogue lists no broadcast ids.
 */

test.use({ viewport: { width: 1440, height: 900 } });

const LOADED = { timeout: 30_000 };
const contactsTable = (page: Page) => page.getByRole("table", { name: /^Contacts/ });

/** The box that scrolls the table sideways, and how far it could. */
const scroller = (page: Page) =>
  contactsTable(page).evaluate((table) => {
    let el: HTMLElement | null = table.parentElement;
    while (el && getComputedStyle(el).overflowX !== "auto" && getComputedStyle(el).overflowX !== "scroll") el = el.parentElement;
    return el ? { overflow: el.scrollWidth - el.clientWidth, right: el.getBoundingClientRect().right } : null;
  });

test("an analyst reads every Contacts column at 1440 px; long cells keep their whole text on hover; the phone stays in view when the table scrolls", async ({ page }) => {
  await signIn(page, ANALYST, PASSWORD, "/w/demo/contacts");
  const rows = contactsTable(page).locator("tbody tr[data-row-id]");
  await expect(rows.first()).toBeVisible(LOADED);

  // The default columns fit: nothing to scroll, every header inside the screen.
  const box = await scroller(page);
  expect(box).not.toBeNull();
  expect(box!.overflow).toBeLessThanOrEqual(0);
  for (const header of await contactsTable(page).locator("thead th").all()) {
    const b = (await header.boundingBox())!;
    expect(b.x + b.width).toBeLessThanOrEqual(Math.min(1440, box!.right) + 1);
  }

  // A row with more tags than it shows: the chips, a "+N", and every tag on hover.
  const tags = rows.locator("span[title]").filter({ has: page.locator("span", { hasText: /^\+\d+$/ }) }).first();
  const title = (await tags.getAttribute("title"))!;
  const more = Number(/\+(\d+)/.exec((await tags.textContent())!)![1]);
  const chips = await tags.locator(":scope > span").filter({ hasNotText: /^\+\d+$/ }).count();
  expect(title.split(", ").length).toBe(chips + more);
  // A chip cut short by its width still shows its start, with the whole name in the row's hover text.
  const cut = await contactsTable(page).locator("tbody td span").evaluateAll((els) =>
    els.filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).textOverflow === "ellipsis").map((el) => ({ text: el.textContent ?? "", hover: el.closest("[title]")?.getAttribute("title") ?? "" })),
  );
  expect(cut.length).toBeGreaterThan(0);
  for (const c of cut) expect(c.hover).toContain(c.text);

  // Every column on a narrower window: the table scrolls sideways, and the phone column stays put.
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.locator("summary", { hasText: "Columns" }).click();
  for (const box of await page.getByRole("checkbox").all()) if (!(await box.isChecked())) await box.click();
  await page.keyboard.press("Escape");
  await expect.poll(async () => (await scroller(page))!.overflow).toBeGreaterThan(100);
  const phone = rows.first().locator("td").first();
  const name = rows.first().locator("td").nth(1);
  const before = { phone: (await phone.boundingBox())!.x, name: (await name.boundingBox())!.x };
  await contactsTable(page).evaluate((table) => {
    let el: HTMLElement | null = table.parentElement;
    while (el && el.scrollWidth <= el.clientWidth) el = el.parentElement;
    el!.scrollLeft = 400;
  });
  await expect.poll(async () => (await name.boundingBox())!.x).toBeLessThan(before.name - 100);
  expect((await phone.boundingBox())!.x).toBeCloseTo(before.phone, 0);
  await expect(phone).toBeInViewport();
});

/** Each link of the page's "On this page" index brings its section's heading to the top, with the index still in view. */
async function checkSectionIndex(page: Page, sections: string[]) {
  const index = page.getByRole("navigation", { name: "On this page" });
  await expect(index).toBeVisible(LOADED);
  expect((await index.getByRole("link").allTextContents()).map((t) => t.trim())).toEqual(sections);
  for (const label of [...sections].reverse()) {
    await index.getByRole("link", { name: label, exact: true }).click();
    const heading = page.locator(`h2[id="${(await index.getByRole("link", { name: label, exact: true }).getAttribute("href"))!.slice(1)}"]`);
    await expect(heading).toBeInViewport();
    await expect(index).toBeInViewport();
  }
}

test("an analyst jumps through a long profile, a campaign and Unresolved with their section indexes", async ({ page }) => {
  await signIn(page, ANALYST, PASSWORD, "/w/demo/contacts");
  await contactsTable(page).locator("tbody tr[data-row-id]").first().locator("td").nth(1).click();
  await expect(page).toHaveURL(/\/w\/demo\/contacts\/%2B\d+$/, LOADED);
  await checkSectionIndex(page, ["Basic parameters", "Campaigns", "Tags", "Attributes", "Journey"]);

  await page.goto("/w/demo/campaigns/cmp_summer-sale-launch");
  await expect(page.getByTestId("stage-sent").locator("data")).toHaveText(/\d/, LOADED);
  await checkSectionIndex(page, ["Funnel", "Failures", "Read speed", "Conversions", "Cost", "Breakdowns"]);

  await page.goto("/w/demo/unresolved?range=90d");
  await expect(page.getByTestId("stat-requests").locator("data")).toHaveText(/\d/, LOADED);
  await checkSectionIndex(page, ["Per day", "Waiting now", "Speed", "Agents", "Where they come from", "What people asked", "Repeaters"]);
});

test("Manage opens on the first tab each role can use", async ({ browser, baseURL }) => {
  for (const [email, tab] of [
    [ADMIN, "general"],
    [MARKETER, "tags"],
    [MANAGER, "tags"],
    [ANALYST, "tags"],
  ] as const) {
    const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, email, PASSWORD, "/w/demo/overview");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible(LOADED);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Manage" }).click();
    await expect(page, email).toHaveURL(new RegExp(`/w/demo/manage/${tab}$`), LOADED);
    await expect(page.getByRole("navigation", { name: "Manage" }).getByRole("link", { name: tab === "general" ? "General" : "Tags" })).toHaveAttribute("aria-current", "page");
    await context.close();
  }
});

test("an admin's tag catalogue offers no broadcast ids as tags to add", async ({ page }) => {
  await signIn(page, ADMIN, PASSWORD, "/w/demo/manage/tags");
  const main = page.getByRole("main");
  await expect(page.getByRole("table", { name: /^Tags of this workspace/ }).getByRole("rowheader").first()).toBeVisible(LOADED);
  // Every contact who got a campaign carries its broadcast tag; none of the 30 is offered as uncatalogued.
  await expect(main).not.toContainText("broadcast:");
  await expect(main).not.toContainText("cmp_");
});
