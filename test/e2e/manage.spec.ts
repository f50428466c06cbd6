import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ADMIN, ANALYST, MARKETER, PASSWORD, signIn } from "./helpers";

// Unique per run, so reruns against the same data never collide.
const stamp = Date.now();
/** The app secret playwright.config.ts gives the server, to sign webhook deliveries. */
const E2E_APP_SECRET = "e2e-app-secret";

test("an admin creates an API key, sees it once, sends an event with it and revokes it", async ({ page, request }) => {
  const name = `e2e key ${stamp}`;
  // The key is created while the list is still loading: the list's first answer, read before the
  // key existed, reaches the page only after the key is created.
  let keyCreated = () => {};
  const created = new Promise<void>((go) => (keyCreated = go));
  // The page asks for the list once it has hydrated: a click before that submits the form the
  // browser's way, reloading the page without creating the key (failed once in CI).
  let listAsked = () => {};
  const hydrated = new Promise<void>((go) => (listAsked = go));
  await page.route(
    "**/api/trpc/apiKeys.list**",
    async (route) => {
      listAsked();
      const before = await route.fetch();
      await created;
      // Cancelled by the page meanwhile (it asks again once the key exists).
      await route.fulfill({ response: before }).catch(() => {});
    },
    { times: 1 },
  );
  await signIn(page, ADMIN, PASSWORD, "/w/demo/manage/api-keys");
  await expect(page.getByRole("heading", { level: 1, name: "Manage" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Manage" }).getByRole("link", { name: "API keys" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  await hydrated;
  await page.getByLabel("Key name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const box = page.getByRole("region", { name: `Your new key “${name}”` });
  await expect(box).toBeVisible();
  keyCreated();
  await expect(box).toContainText("it will not be shown again");
  const token = await box.getByLabel("API key").inputValue();
  expect(token).toMatch(/^clk_[0-9a-f]{12}_\S+$/);

  // Listed by its prefix only, created by the person signed in, active.
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(row).toContainText(`${token.slice(0, 20)}…`);
  await expect(row).toContainText("You");
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Never");

  // The key works on the Event API.
  const event = {
    event_id: `e2e-api-key-${stamp}`,
    type: "message.inbound",
    contact: "+919812345678",
    ts: new Date().toISOString(),
    text: "Hello from the end-to-end test",
    actor: { kind: "user" },
  };
  const sent = await request.post("/api/v1/events", { headers: { authorization: `Bearer ${token}` }, data: [event] });
  expect(sent.status()).toBe(200);
  expect(await sent.json()).toMatchObject({ stored: 1, duplicates: 0, rejected: [] });

  // Once dismissed, the whole key is nowhere on the page any more, not even after a reload.
  await box.getByRole("button", { name: "I have copied it" }).click();
  await expect(box).toHaveCount(0);
  await page.reload();
  await expect(row).toBeVisible();
  expect(await page.content()).not.toContain(token);
  await expect(row).not.toContainText("Never");

  // Revoking asks first, then the key stops working.
  await row.getByRole("button", { name: `Revoke key ${name}` }).click();
  const confirm = page.getByRole("group", { name: `Revoke key ${name}` });
  await expect(confirm).toContainText("cannot be undone");
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: `Revoke key ${name}` })).toHaveCount(0);

  const refused = await request.post("/api/v1/events", {
    headers: { authorization: `Bearer ${token}` },
    data: [{ ...event, event_id: `${event.event_id}-after-revoke` }],
  });
  expect(refused.status()).toBe(401);
});

test("a marketer imports a CSV file and reads the report, rejected row included", async ({ page }) => {
  // Three valid Indian mobile numbers no earlier run used, and one that is not a phone number.
  const digits = String(stamp % 100_000_000).padStart(8, "0");
  const phone = (n: number) => `98${String((Number(digits) + n) % 100_000_000).padStart(8, "0")}`;
  const csv = [
    "phone,name,email,tags",
    `${phone(0)},Asha Verma,asha.${stamp}@example.com,expo;vip`,
    `${phone(1)},Dev Patel,dev.${stamp}@example.com,expo`,
    `12345,Nobody,nobody.${stamp}@example.com,expo`,
    `+91 ${phone(2)},Leela Nair,leela.${stamp}@example.com,`,
  ].join("\n");

  await signIn(page, MARKETER, PASSWORD, "/w/demo/manage");
  // Manage on its own opens the first tab a marketer can change: Tags.
  await expect(page).toHaveURL(/\/w\/demo\/manage\/tags$/);
  await page.getByRole("navigation", { name: "Manage" }).getByRole("link", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/w\/demo\/manage\/import$/);
  await expect(page.getByRole("navigation", { name: "Manage" }).getByRole("link", { name: "Import" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  const fileName = `e2e-leads-${stamp}.csv`;
  await page.getByLabel("Choose a CSV file", { exact: true }).setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(csv) });

  // The preview shows the first rows as read in the browser.
  const preview = page.getByRole("table", { name: `The first 4 rows of ${fileName}` });
  await expect(preview).toBeVisible();
  await expect(preview).toContainText(phone(0));
  await expect(preview).toContainText("Leela Nair");
  await expect(page.getByText("4 rows under the header, 4 columns.")).toBeVisible();

  // Every column is prefilled from its name.
  await expect(page.getByLabel("Use column “phone” as")).toHaveValue("phone");
  await expect(page.getByLabel("Use column “name” as")).toHaveValue("name");
  await expect(page.getByLabel("Use column “email” as")).toHaveValue("attribute:email");
  await expect(page.getByLabel("Use column “tags” as")).toHaveValue("tags");
  await expect(page.getByLabel("Default country")).toHaveValue("IN");
  await expect(page.getByLabel("Source label")).toHaveValue("import");

  // Without a phone column the import does not start, and says why.
  await page.getByLabel("Use column “phone” as").selectOption("ignore");
  await page.getByRole("button", { name: "Import contacts" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose the column that holds the phone numbers" })).toBeVisible();
  await page.getByLabel("Use column “phone” as").selectOption("phone");
  await page.getByLabel("Source label").fill(`e2e-${stamp}`);
  await page.getByRole("button", { name: "Import contacts" }).click();

  // The progress bar reaches the end of the file, and the report tells what happened.
  const summary = page.getByTestId("import-summary");
  await expect(summary).toHaveText(`4 rows read from ${fileName}: 3 new, 0 updated, 0 unchanged, 1 rejected.`);
  const progress = page.getByTestId("import-progress");
  await expect(progress).toHaveAttribute("value", String(Buffer.byteLength(csv)));
  await expect(progress).toHaveAttribute("max", String(Buffer.byteLength(csv)));
  await expect(page.getByTestId("import-new").locator("data")).toHaveAttribute("value", "3");
  await expect(page.getByTestId("import-rejected").locator("data")).toHaveAttribute("value", "1");

  const rejected = page.getByRole("table", { name: "Rejected rows and why" });
  await expect(rejected.getByRole("row")).toHaveCount(2);
  const bad = rejected.getByRole("row").nth(1);
  await expect(bad.getByRole("cell").nth(0)).toHaveText("4");
  await expect(bad.getByRole("cell").nth(1)).toHaveText('phone "12345" is not a valid number for IN');
  await expect(page.getByRole("region", { name: "Ignored columns" })).toContainText("None: every column was used.");

  // The same file again changes nothing.
  await page.getByRole("button", { name: "Import another file" }).click();
  await page.getByLabel("Choose a CSV file", { exact: true }).setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByLabel("Source label").fill(`e2e-${stamp}`);
  await page.getByRole("button", { name: "Import contacts" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText(
    `4 rows read from ${fileName}: 0 new, 0 updated, 3 unchanged, 1 rejected.`,
  );
});

test("a file separated by semicolons is read with them, and the person can choose another separator", async ({ page }, testInfo) => {
  const digits = String((stamp + 7) % 100_000_000).padStart(8, "0");
  const csv = ["phone;name;tags", `97${digits};Rao, Asha;expo`].join("\n");
  const fileName = `e2e-semicolons-${stamp}.csv`;
  await signIn(page, MARKETER, PASSWORD, "/w/demo/manage/import");
  await page.getByLabel("Choose a CSV file", { exact: true }).setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(csv) });

  const separator = page.getByLabel("Columns separated by");
  await expect(separator).toHaveValue("detect");
  await expect(separator.locator("option:checked")).toHaveText("Detect (found semicolons)");
  await expect(page.getByText("1 row under the header, 3 columns.")).toBeVisible();
  await expect(page.getByLabel("Use column “phone” as")).toHaveValue("phone");
  await page.screenshot({ path: testInfo.outputPath("import-separator.png"), fullPage: true });

  // Read with commas, the header is one column and the value with a comma splits in two.
  await separator.selectOption(",");
  await expect(page.getByText("1 row under the header, 1 column.")).toBeVisible();
  await expect(page.getByLabel("Use column “phone;name;tags” as")).toBeVisible();

  await separator.selectOption(";");
  await expect(page.getByLabel("Use column “phone” as")).toHaveValue("phone");
  await page.getByLabel("Source label").fill(`e2e-${stamp}`);
  await page.getByRole("button", { name: "Import contacts" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText(`1 row read from ${fileName}: 1 new, 0 updated, 0 unchanged, 0 rejected.`);
});

test("an analyst sees why they cannot manage API keys or import, and reads settings without editing", async ({ page }) => {
  await signIn(page, ANALYST, PASSWORD, "/w/demo/manage/api-keys");
  await expect(page.getByRole("heading", { name: "Only admins manage API keys" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
  await expect(page.getByRole("table")).toHaveCount(0);
  // The how-to stays readable for whoever writes the integration.
  await expect(page.getByRole("region", { name: "How to send events" })).toBeVisible();

  await page.getByRole("navigation", { name: "Manage" }).getByRole("link", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/w\/demo\/manage\/import$/);
  await expect(page.getByRole("heading", { name: "Only admins and marketers import contacts" })).toBeVisible();
  await expect(page.getByLabel("Choose a CSV file", { exact: true })).toHaveCount(0);

  await page.getByRole("navigation", { name: "Manage" }).getByRole("link", { name: "WhatsApp" }).click();
  await expect(page.getByText("Only admins change these settings.")).toBeVisible();
  await expect(page.getByLabel("Workspace name")).toHaveAttribute("readonly", "");
  await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
});

test("an admin renames the workspace and finds the webhook URL to give Meta", async ({ page, baseURL }) => {
  await signIn(page, ADMIN, PASSWORD, "/w/demo/manage/whatsapp");
  const nameInput = page.getByLabel("Workspace name");
  await expect(nameInput).not.toHaveValue("");
  const original = await nameInput.inputValue();
  await expect(page.getByLabel("Set the callback URL to:")).toHaveValue(`${baseURL}/api/webhooks/whatsapp`);

  const phoneId = page.getByLabel("WhatsApp phone number id");
  await phoneId.fill("not-digits");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Use digits only")).toBeVisible();
  await expect(phoneId).toHaveAttribute("aria-invalid", "true");
  await page.reload();

  const renamed = `${original} ${stamp}`.slice(0, 100);
  await page.getByLabel("Workspace name").fill(renamed);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  // The sidebar's workspace switcher shows the new name too.
  await expect(page.getByLabel("Workspace", { exact: true }).locator("option:checked")).toHaveText(renamed);

  await page.getByLabel("Workspace name").fill(original);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByLabel("Workspace", { exact: true }).locator("option:checked")).toHaveText(original);
});

test("an admin sees the part of a webhook delivery that was not stored, and why", async ({ page, request }) => {
  await signIn(page, ADMIN, PASSWORD, "/w/demo/manage/whatsapp");
  const panel = page.getByRole("region", { name: "Messages and statuses not stored" });
  await expect(panel.getByText("Every message and status was stored")).toBeVisible();

  // A delivery for the demo number: one good message, one with a timestamp that is no time.
  const message = (id: string, timestamp: string) => ({ from: "919812345678", id, timestamp, type: "text", text: { body: "hi" } });
  const value = {
    metadata: { phone_number_id: "100000000000001" },
    messages: [message(`wamid.e2e-good-${stamp}`, String(Math.floor(Date.now() / 1000))), message(`wamid.e2e-bad-${stamp}`, "abc")],
  };
  const body = JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: "1", changes: [{ field: "messages", value }] }] });
  const signature = `sha256=${createHmac("sha256", E2E_APP_SECRET).update(body).digest("hex")}`;
  const res = await request.post("/api/webhooks/whatsapp", { headers: { "content-type": "application/json", "x-hub-signature-256": signature }, data: body });
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ accepted: 1, rejected: 1 });

  await page.reload();
  const row = panel.getByRole("row").filter({ has: page.getByRole("rowheader", { name: `message wamid.e2e-bad-${stamp}` }) });
  await expect(row).toContainText('timestamp "abc" is not a time in decimal epoch seconds');
  await expect(row).toContainText("just now");
});
