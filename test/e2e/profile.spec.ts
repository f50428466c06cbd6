import { expect, test, type Page } from "@playwright/test";
import { generateEvents } from "../../server/demo/generator";
import { ADMIN, ANALYST, MARKETER, PASSWORD, signIn } from "./helpers";

// Unique per run, so reruns against the same data never collide.
const stamp = Date.now();

/**
 * A contact the small demo certainly has: the demo generator is deterministic
 * in who it creates (phones depend on the seed and index, not on the time), so
 * the busiest contact of its first batch is in the store `npm start` loaded.
 */
function demoContact(): string {
  const counts = new Map<string, number>();
  for (const batch of generateEvents({ size: "small" })) {
    for (const e of batch) if (e.contact) counts.set(e.contact, (counts.get(e.contact) ?? 0) + 1);
    break;
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

const contact = demoContact();
const profileUrl = `/w/demo/contacts/${encodeURIComponent(contact)}`;

async function openProfile(page: Page, email: string) {
  await signIn(page, email, PASSWORD, profileUrl);
  await expect(page.getByText(contact, { exact: true }).first()).toBeVisible({ timeout: 30_000 });
}

/** The way people get there: find the contact in the list by phone and click the row. */
async function openFromList(page: Page, email: string) {
  await signIn(page, email, PASSWORD, `/w/demo/contacts?q=${encodeURIComponent(contact)}`);
  await page.locator(`table tbody a[href="${profileUrl}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${profileUrl}$`));
  await expect(page.getByText(contact, { exact: true }).first()).toBeVisible({ timeout: 30_000 });
}

test("a marketer opens a contact from the list, adds a new manual tag and sets an attribute, and sees both in the journey", async ({ page }) => {
  await openFromList(page, MARKETER);
  for (const heading of ["Basic parameters", "Campaigns", "Tags", "Attributes", "Customer journey"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  for (const label of ["Status", "Last active", "Template messages", "Session messages", "Unresolved queries", "Source", "First-message tag"]) {
    await expect(page.getByRole("term").filter({ hasText: new RegExp(`^${label}$`) })).toBeVisible();
  }
  await expect(page.getByTestId("journey-event").first()).toBeVisible();

  // A tag nobody has yet: created in the catalogue on the spot and added.
  const tag = `E2E ${stamp}`;
  const form = page.getByRole("form", { name: "Add a manual tag" });
  await form.getByLabel("Add a manual tag").fill(tag);
  await form.getByRole("button", { name: "Create and add" }).click();
  await expect(form.getByRole("status")).toContainText(`Created “${tag}” in the catalogue and added it.`);
  await expect(page.getByTestId("tags-manual")).toContainText(tag);
  const newest = page.getByTestId("journey-event").first();
  await expect(newest).toHaveAttribute("data-type", "tag.added");
  await expect(newest).toContainText(`added the tag “${tag}”`);
  await expect(newest).toContainText("team member");

  // A value of the wrong type is refused with the reason, and nothing changes.
  const ltv = page.getByTestId("attribute-lifetime_value");
  await ltv.getByRole("button", { name: "Edit Lifetime value" }).click();
  await ltv.getByLabel("New value of Lifetime value").fill("lots");
  await ltv.getByRole("button", { name: "Save" }).click();
  await expect(ltv.getByRole("alert")).toContainText("lifetime_value must be a number");
  await ltv.getByRole("button", { name: "Cancel" }).click();

  // A city: set, shown with its setter, and written to the journey.
  const city = page.getByTestId("attribute-city");
  await city.getByRole("button", { name: "Edit City" }).click();
  await city.getByLabel("New value of City").fill(`Pune ${stamp}`);
  await city.getByRole("button", { name: "Save" }).click();
  await expect(city).toContainText(`Pune ${stamp}`);
  await expect(city).toContainText("team member");
  await expect(page.getByTestId("journey-event").first()).toContainText("set City");

  // Removing the tag again is an event too.
  await page.getByRole("button", { name: `Remove tag ${tag}` }).click();
  await expect(page.getByTestId("tags-manual")).not.toContainText(tag);
  await expect(page.getByTestId("journey-event").first()).toContainText(`removed the tag “${tag}”`);
});

test("the journey filters by type, pages, and jumps to a date from the URL", async ({ page }) => {
  await openProfile(page, ADMIN);
  await page.getByRole("group", { name: "Show only" }).getByRole("button", { name: /^Messages/ }).click();
  await expect(page).toHaveURL(/types=messages/);
  const shownTypes = () => page.getByTestId("journey-event").evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute("data-type")))].sort());
  await expect.poll(shownTypes).toEqual(["message.inbound", "message.outbound"]);

  // Jump to the day of an older event: the banner says where we are, and newer events can be shown again.
  await page.getByRole("group", { name: "Show only" }).getByRole("button", { name: /^All/ }).click();
  await expect.poll(async () => (await shownTypes()).length).toBeGreaterThan(2);
  const lastTime = await page.getByTestId("journey-event").last().locator("time").getAttribute("datetime");
  const day = lastTime!.slice(0, 10);
  await page.goto(`${profileUrl}?at=${day}`);
  await expect(page.getByRole("status").filter({ hasText: "Showing the journey up to" })).toBeVisible();
  const first = await page.getByTestId("journey-event").first().locator("time").getAttribute("datetime");
  expect(first!.slice(0, 10) <= day).toBe(true);
  const shown = await page.getByTestId("journey-event").count();
  if (await page.getByRole("button", { name: "Show newer events" }).isVisible()) {
    await page.getByRole("button", { name: "Show newer events" }).click();
    await expect.poll(() => page.getByTestId("journey-event").count()).toBeGreaterThan(shown);
  }
  const ids = await page.getByTestId("journey-event").evaluateAll((els) => els.map((el) => el.getAttribute("data-event-id")));
  expect(new Set(ids).size).toBe(ids.length);
});

test("a campaign send is one row of the journey, with its ticks inline; the Ticks filter still lists them", async ({ page }) => {
  await openProfile(page, ANALYST);
  // The contact's sends may be far down the journey: the campaign's name in the Campaigns panel jumps to its send.
  const campaign = page.locator('[data-testid="campaign"][data-tick="read"]').first();
  const name = await campaign.getByRole("link").innerText();
  await campaign.getByRole("link").click();
  await expect(page).toHaveURL(/[?&]at=/);
  await expect(page.getByRole("status").filter({ hasText: "Showing the journey up to" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Customer journey" })).toBeInViewport();
  const send = page.getByTestId("journey-event").filter({ has: page.getByTestId("journey-ticks") }).first();
  await expect(send).toHaveAttribute("data-type", "message.outbound");
  await expect(send).toContainText(`Campaign “${name}”`);
  await expect(send.getByTestId("journey-ticks")).toHaveText(/^sent .+ · delivered .+ · read .+$/);
  // Its statuses are in the row, not rows of their own.
  const folded = await send.locator("[data-status]").evaluateAll((els) => els.map((el) => el.getAttribute("data-event-id")!));
  expect(folded).toHaveLength(3);
  const rowIds = await page.getByTestId("journey-event").evaluateAll((els) => els.map((el) => el.getAttribute("data-event-id")));
  expect(rowIds.filter((id) => folded.includes(id!))).toEqual([]);

  await page.getByRole("group", { name: "Show only" }).getByRole("button", { name: /^Ticks/ }).click();
  await expect.poll(() => page.getByTestId("journey-event").evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute("data-type")))])).toEqual(["message.status"]);
  await expect(page.locator(`[data-testid="journey-event"][data-event-id="${folded[0]}"]`)).toHaveCount(1);
});

test("an analyst sees the profile read-only", async ({ page }) => {
  await openProfile(page, ANALYST);
  await expect(page.getByRole("note")).toContainText("Read-only for your role (analyst)");
  await expect(page.getByRole("form", { name: "Add a manual tag" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove tag / })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: "Customer journey" })).toBeVisible();
});

test("an unknown contact and a link that is not a phone number each say so", async ({ page }) => {
  await signIn(page, ANALYST, PASSWORD, "/w/demo/contacts/%2B10000000000");
  await expect(page.getByRole("heading", { name: "No contact +10000000000 here" })).toBeVisible({ timeout: 30_000 });
  await page.goto("/w/demo/contacts/hello");
  await expect(page.getByRole("heading", { name: "This link does not name a phone number" })).toBeVisible();
  await page.goto(`/w/demo/contacts/${contact.slice(1)}`);
  await expect(page.getByRole("link", { name: contact })).toBeVisible();
});
