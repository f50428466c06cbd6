import { expect, test } from "@playwright/test";
import { MANAGER, PASSWORD, signIn } from "./helpers";

// The list and report read every recipient of the workspace on first open; give them time on a busy machine.
const LOADED = { timeout: 30_000 };
const count = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));

test("a manager sees what a campaign earned and opens the contacts who converted", async ({ page }) => {
  await signIn(page, MANAGER, PASSWORD, "/w/demo/campaigns?range=90d&sort=conversions.desc");
  const table = page.getByRole("table", { name: /^Campaigns/ });
  await expect(table.getByRole("row").nth(1)).toBeVisible(LOADED);
  // The list sorts on conversions; the campaign that converted most comes first, with its revenue per currency.
  const first = table.getByRole("row").nth(1);
  await expect(first).toContainText("₹", LOADED);
  const name = (await first.getByRole("link").first().textContent()) ?? "";
  await first.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible(LOADED);

  // Conversions and revenue, under the default 7-day window.
  const panel = page.getByTestId("conversions");
  await expect(panel.getByTestId("conversions-count")).toContainText(/\d/, LOADED);
  const conversions = count(await panel.getByTestId("conversions-count").locator("span").nth(1).textContent());
  expect(conversions).toBeGreaterThan(0);
  await expect(panel.getByTestId("conversion-revenue")).toContainText("₹");
  await expect(panel.getByTestId("conversion-rate")).toContainText("%");
  // The demo has prices in INR: ROAS and cost per conversion show.
  await expect(panel.getByTestId("conversion-roas")).toContainText("×");
  await expect(panel.getByTestId("cost-per-conversion")).toContainText("₹");

  // A wider window counts at least as many, and goes into the URL.
  await panel.getByRole("combobox", { name: "Attribution window" }).selectOption({ label: "30 days" });
  await expect(page).toHaveURL(/attribution=30/);
  await expect(panel).toContainText("within 30 days", LOADED);
  await expect.poll(async () => count(await panel.getByTestId("conversions-count").locator("span").nth(1).textContent()), LOADED).toBeGreaterThanOrEqual(conversions);
  await panel.getByRole("combobox", { name: "Attribution window" }).selectOption({ label: "7 days (default)" });
  await expect(page).not.toHaveURL(/attribution=/);

  // Converted is a stage after replied: its contacts open below, linked to their profiles.
  const converted = page.getByTestId("stage-converted");
  await expect(converted.locator("data")).toHaveText(/\d/, LOADED);
  const people = count(await converted.locator("data").textContent());
  expect(people).toBeGreaterThan(0);
  await converted.click();
  await expect(page).toHaveURL(/stage=converted/);
  const drill = page.getByTestId("drill-down");
  await expect(drill.getByRole("heading", { name: new RegExp(`^Converted: ${people.toLocaleString("en-US")} contacts?$`) })).toBeVisible(LOADED);
  await expect(drill.getByRole("table").getByRole("link").first()).toHaveAttribute("href", /^\/w\/demo\/contacts\/%2B\d+$/, LOADED);
});
