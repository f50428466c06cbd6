import { expect, test } from "@playwright/test";
import { MANAGER, MARKETER, PASSWORD, signIn } from "./helpers";

// The list and report read every recipient of the workspace on first open; give them time on a busy machine.
const LOADED = { timeout: 30_000 };
const count = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));

test("a marketer reads a campaign's funnel, opens the ignored contacts and saves them as a segment", async ({ page }) => {
  await signIn(page, MARKETER, PASSWORD, "/w/demo/campaigns?range=90d");
  await expect(page).toHaveURL(/\/w\/demo\/campaigns\?range=90d/);
  await expect(page.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible();

  // Totals, the daily chart and the table arrive.
  await expect(page.getByTestId("total-campaigns").locator("data")).toHaveText(/^\d[\d,]*$/, LOADED);
  expect(Number(await page.getByTestId("total-campaigns").locator("data").getAttribute("value"))).toBeGreaterThan(0);
  await expect(page.getByRole("application", { name: "Read rate per day" })).toBeVisible(LOADED);
  const table = page.getByRole("table", { name: /^Campaigns/ });
  await expect(table.getByRole("row").nth(1)).toBeVisible(LOADED);

  // Sorting and searching go into the URL.
  await table.getByRole("button", { name: "Read rate", exact: true }).click();
  await expect(page).toHaveURL(/sort=readRate\./);
  await page.getByRole("searchbox", { name: "Search campaigns by name" }).fill("summer sale launch");
  await expect(page).toHaveURL(/q=summer\+sale\+launch/);
  const link = table.getByRole("link", { name: "Summer Sale launch" });
  await expect(link).toBeVisible(LOADED);
  await expect(table.getByRole("row")).toHaveCount(2);

  // The report: the funnel's steps never grow, and ignored + read make up delivered.
  await link.click();
  await expect(page).toHaveURL(/\/w\/demo\/campaigns\/cmp_summer-sale-launch$/);
  await expect(page.getByRole("heading", { level: 1, name: "Summer Sale launch" })).toBeVisible(LOADED);
  const stageCount = async (stage: string) => count(await page.getByTestId(`stage-${stage}`).locator("data").textContent());
  await expect(page.getByTestId("stage-sent").locator("data")).toHaveText(/\d/, LOADED);
  const [sent, delivered, read, replied, ignored, failed] = await Promise.all(
    ["sent", "delivered", "read", "replied", "ignored", "failed"].map(stageCount),
  );
  expect(sent).toBeGreaterThan(0);
  expect(delivered).toBeLessThanOrEqual(sent);
  expect(read).toBeLessThanOrEqual(delivered);
  expect(replied).toBeLessThanOrEqual(read);
  expect(read + ignored).toBe(delivered);
  expect(delivered + failed).toBeLessThanOrEqual(sent);
  expect(ignored).toBeGreaterThan(0);
  await expect(page.getByRole("application", { name: "Campaign funnel" })).toBeVisible();
  await expect(page.getByRole("application", { name: "Time from delivered to read" })).toBeVisible();

  // The reply window: 1 hour counts fewer replies than 30 days; it goes into the URL and back out at the default.
  // The cost panel names the window of the figures it shows (the demo has prices), so it tells when the new ones are in.
  const windowPicker = page.getByRole("combobox", { name: "Reply window" });
  const pickWindow = async (label: string, shown: string) => {
    await windowPicker.selectOption({ label });
    await expect(page.getByTestId("cost-per-reply")).toContainText(`replied, ${shown} window`, LOADED);
    return stageCount("replied");
  };
  await expect(page.getByTestId("cost-total")).toContainText("₹", LOADED);
  const repliedHour = await pickWindow("1 hour", "1 hour");
  await expect(page).toHaveURL(/\?window=1$/);
  expect(repliedHour).toBeLessThanOrEqual(replied);
  const repliedMonth = await pickWindow("30 days", "30 days");
  expect(repliedMonth).toBeGreaterThan(repliedHour);
  expect(repliedMonth).toBeGreaterThanOrEqual(replied);
  expect(await stageCount("replied")).toBeLessThanOrEqual(await stageCount("read"));
  expect(await pickWindow("72 hours (default)", "72 hours")).toBe(replied);
  await expect(page).toHaveURL(/\/campaigns\/cmp_summer-sale-launch$/);

  // Ignored: its contacts, linked to their profiles.
  await page.getByTestId("stage-ignored").click();
  await expect(page).toHaveURL(/\?stage=ignored$/);
  const drill = page.getByTestId("drill-down");
  await expect(drill.getByRole("heading", { name: new RegExp(`^Ignored: ${ignored.toLocaleString("en-US")} contacts?$`) })).toBeVisible(LOADED);
  const firstContact = drill.getByRole("table").getByRole("link").first();
  await expect(firstContact).toHaveAttribute("href", /^\/w\/demo\/contacts\/%2B\d+$/, LOADED);
  // The list opens where the person is looking, with the keyboard on it; Esc closes it.
  await expect(drill).toBeInViewport();
  await page.keyboard.press("Escape");
  await expect(drill).toHaveCount(0);
  await expect(page).toHaveURL(/\/campaigns\/cmp_summer-sale-launch$/);
  await page.getByTestId("stage-ignored").click();

  // Save as segment, then open it.
  await drill.getByRole("button", { name: "Save as segment" }).click();
  const saved = drill.getByRole("status").filter({ hasText: "Saved as" });
  await expect(saved).toBeVisible(LOADED);
  await expect(saved).toContainText(`(${ignored.toLocaleString("en-US")})`);
  await saved.getByRole("link").click();
  // The builder keeps the tree in the URL (?f=) as soon as it opens.
  await expect(page).toHaveURL(/\/w\/demo\/segments\/[0-9a-f-]{36}(\?f=[\w-]+)?$/);
  await expect(page.getByRole("heading", { level: 1, name: /Summer Sale launch: ignored/ })).toBeVisible(LOADED);
});

test("a manager breaks a campaign down by source, opens a cell's contacts, and sees when campaigns are read", async ({ page }) => {
  await signIn(page, MANAGER, PASSWORD, "/w/demo/campaigns/cmp_summer-sale-launch");
  const panel = page.getByTestId("breakdowns");
  await expect(panel.getByRole("table")).toBeVisible(LOADED);
  await panel.getByLabel("Break down by").selectOption("source");
  await expect(page).toHaveURL(/[?&]by=source/);
  await expect(panel.getByRole("columnheader", { name: "Source" })).toBeVisible(LOADED);

  // The first group's "read" count opens exactly that many contacts.
  const cell = panel.getByRole("row").nth(1).getByTestId("cell-read");
  const read = count(await cell.textContent());
  expect(read).toBeGreaterThan(0);
  await cell.click();
  await expect(page).toHaveURL(/stage=read&g=source/);
  const drill = page.getByTestId("drill-down");
  const title = new RegExp(`^Read, (source “.+”|no source|came from an ad): ${read.toLocaleString("en-US")} contacts?$`);
  await expect(drill.getByRole("heading", { name: title })).toBeVisible(LOADED);
  const links = drill.getByRole("table").getByRole("link");
  await expect(links).toHaveCount(Math.min(read, 25), LOADED);
  await expect(links.first()).toHaveAttribute("href", /^\/w\/demo\/contacts\/%2B\d+$/);

  // The campaign list shows the weekday × hour read rates, in the workspace's zone (the demo is in India).
  await page.goto("/w/demo/campaigns?range=90d");
  // By its visible region: a streamed page can hold a hidden copy of the panel for a moment (as on Unresolved).
  const timing = page.getByRole("region", { name: "When it works" });
  await expect(timing).toContainText("Hours in Asia/Kolkata", LOADED);
  await expect(timing.getByRole("table")).toBeVisible(LOADED);
  await expect(timing.getByRole("rowheader")).toHaveCount(7);
});
