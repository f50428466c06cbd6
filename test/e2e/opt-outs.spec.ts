import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, MANAGER, MARKETER, PASSWORD, signIn } from "./helpers";

/**
 * Opt-outs (README, "Opt-outs"): an admin sets a keyword, a reply with it opts
 * the contact out, a manager sees the campaign's opt-outs, and a marketer's
 * export leaves them out unless switched on. The tests share the events the
 * first one sends, so they run in order.
 */
test.describe.configure({ mode: "serial" });

const LOADED = { timeout: 30_000 };
const stamp = Date.now();
const phone = `+9197${String(stamp % 100_000_000).padStart(8, "0")}`;
const campaignId = `e2e-opt-out-${stamp}`;
const campaignName = `E2E opt-out check ${stamp}`;
const KEYWORD = "NO MORE DEALS";
const count = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));

async function keywordsForm(page: Page) {
  if (!page.url().endsWith("/w/demo/manage/whatsapp")) await page.goto("/w/demo/manage/whatsapp");
  const panel = page.getByTestId("opt-out-keywords");
  await expect(panel.getByLabel("Opt out", { exact: true })).toBeVisible(LOADED);
  return panel;
}

test("an admin adds an opt-out keyword in Manage → WhatsApp, and a reply with it opts the contact out", async ({ page, request }) => {
  await signIn(page, ADMIN, PASSWORD, "/w/demo/manage/whatsapp");
  await expect(page).toHaveURL(/\/w\/demo\/manage\/whatsapp$/, LOADED);
  const panel = await keywordsForm(page);
  const optOut = panel.getByLabel("Opt out", { exact: true });
  await expect(optOut).toHaveValue(/^STOP$/m);
  await optOut.fill(`${await optOut.inputValue()}\n${KEYWORD}`);
  await panel.getByRole("button", { name: "Save keywords" }).click();
  await expect(panel.getByRole("status")).toHaveText("Saved.");
  await expect(panel).toContainText("This workspace’s own keywords");

  // A campaign reaches a contact, who answers with the new keyword an hour later (sent with an API key, as a backend would).
  await page.goto("/w/demo/manage/api-keys");
  await page.getByLabel("Key name").fill(`e2e opt-outs ${stamp}`);
  await page.getByRole("button", { name: "Create key" }).click();
  const token = await page.getByRole("region", { name: /Your new key/ }).getByLabel("API key").inputValue();
  const hour = 3_600_000;
  const t = (h: number) => new Date(stamp - 3 * hour + h * hour).toISOString();
  const sent = await request.post("/api/v1/events", {
    headers: { authorization: `Bearer ${token}` },
    data: [
      { event_id: `${campaignId}-c`, type: "campaign.created", ts: t(0), campaign_id: campaignId, name: campaignName },
      { event_id: `${campaignId}-o`, type: "message.outbound", contact: phone, ts: t(0), kind: "template", wamid: `${campaignId}-w`, campaign_id: campaignId },
      { event_id: `${campaignId}-d`, type: "message.status", contact: phone, ts: t(0.1), wamid: `${campaignId}-w`, status: "delivered" },
      { event_id: `${campaignId}-r`, type: "message.inbound", contact: phone, ts: t(1), text: "  no more deals " },
    ],
  });
  expect(await sent.json()).toMatchObject({ stored: 4 });

  await page.goto(`/w/demo/contacts/${encodeURIComponent(phone)}`);
  await expect(page.getByTestId("opted-out-pill")).toHaveText("Opted out of marketing", LOADED);
  await expect(page.getByText(`replied “${KEYWORD}”, an opt-out keyword`)).toBeVisible();

  // Back to the defaults, so the rest of the demo reads as it did; the new word is gone from the list.
  const again = await keywordsForm(page);
  await again.getByRole("button", { name: "Restore the defaults" }).click();
  await expect(again).toContainText("ChatLens’s defaults");
  await expect(again.getByLabel("Opt out", { exact: true })).not.toHaveValue(new RegExp(KEYWORD));
});

test("a manager sees a campaign's opt-outs and the people behind them", async ({ page }) => {
  await signIn(page, MANAGER, PASSWORD, `/w/demo/campaigns/${campaignId}`);
  await expect(page.getByRole("heading", { level: 1, name: campaignName })).toBeVisible(LOADED);
  const stage = page.getByTestId("stage-optedOut");
  await expect(stage.locator("data")).toHaveText("1", LOADED);
  await expect(stage).toContainText("100% of delivered");
  await stage.click();
  await expect(page).toHaveURL(/stage=optedOut/);
  const list = page.getByRole("table", { name: /Opted out/ });
  await expect(list).toContainText(phone, LOADED);
});

test("a marketer's export leaves opted-out contacts out, and includes them with the switch", async ({ page }) => {
  await signIn(page, MARKETER, PASSWORD, "/w/demo/segments/new");
  const toggle = page.getByTestId("include-opted-out");
  await expect(toggle).toHaveText(/Include [\d,]+ opted-out contacts?/, LOADED);
  const optedOut = count(await toggle.textContent());
  expect(optedOut).toBeGreaterThan(0);
  await expect(page.getByTestId("opted-out-left-out")).toContainText("left out of the file");
  await expect(page.getByTestId("audience-count")).toHaveText(/\d/, LOADED);
  const audience = count(await page.getByTestId("audience-count").textContent());

  const download = async () => {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    return (await readFile((await file.path())!, "utf8")).trimEnd().split("\r\n").slice(1);
  };
  const without = await download();
  expect(without).not.toContainEqual(expect.stringContaining(phone));
  await toggle.getByRole("checkbox").check();
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute("href", /includeOptedOut=true/);
  const all = await download();
  expect(all.length - without.length).toBe(optedOut);
  expect(all.some((line) => line.startsWith(`${phone},`))).toBe(true);
  expect(all.length).toBe(audience);
});
