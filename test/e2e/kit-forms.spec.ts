import { expect, test, type Page } from "@playwright/test";
import { generateEvents } from "../../server/demo/generator";
import { ADMIN, ANALYST, MARKETER, PASSWORD, signIn } from "./helpers";

/**
 * The forms checked by the server's own schemas (server/schemas/*): a rule
 * shows under its field before any request, follows the person's typing, and
 * a refusal only the server can make (a name already taken) lands on the
 * field it is about. And the kit's Select where keyboards meet it.
 */

// Unique per run, so reruns against the same data never collide.
const stamp = Date.now();
// The first figures of a report page load side by side on a busy machine.
const LOADED = { timeout: 30_000 };

/** The tRPC calls of `procedure` the page makes from now on. */
function callsTo(page: Page, procedure: string): string[] {
  const calls: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/trpc/") && r.url().includes(procedure)) calls.push(r.url());
  });
  return calls;
}

async function saveSegment(page: Page, name: string) {
  await page.goto("/w/demo/segments/new");
  await page.getByLabel("Add a condition to the segment").selectOption("campaignFatigue");
  await expect(page.getByTestId("audience")).toHaveAttribute("aria-busy", "false", { timeout: 15_000 });
  await page.getByRole("textbox", { name: /^Name/ }).fill(name);
  await page.getByRole("button", { name: "Save segment" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible(LOADED);
}

test("a marketer renames a segment to a name another has and reads why under the name; a destination's empty fields are refused before sending", async ({ page }) => {
  test.setTimeout(120_000);
  const first = `Kit fatigue ${stamp}`;
  const second = `Kit fatigue copy ${stamp}`;
  await signIn(page, MARKETER, PASSWORD, "/w/demo/segments");
  await expect(page.getByRole("heading", { level: 1, name: "Segments" })).toBeVisible(LOADED);
  await saveSegment(page, first);

  // Connect a destination with nothing filled in: both fields say what they need, and nothing is sent.
  const creates = callsTo(page, "destinations.create");
  await page.getByTestId("destinations").getByRole("button", { name: "Connect a destination" }).click();
  const connect = page.getByRole("form", { name: "Connect a destination" });
  await connect.getByRole("button", { name: "Connect" }).click();
  await expect(connect.getByLabel("Destination name")).toHaveAttribute("aria-invalid", "true");
  await expect(connect.getByText("Give the destination a name.")).toBeVisible();
  await expect(connect.getByText("Enter a full address such as https://example.com/chatlens/audiences.")).toBeVisible();
  // The message follows the typing: an http:// address elsewhere is told apart from a missing one.
  await connect.getByLabel("Endpoint (https://)").fill("http://crm.example.com/audience");
  await expect(connect.getByText(/^Use https:\/\/ — audiences carry phone numbers/)).toBeVisible();
  await connect.getByLabel("Destination name").fill("CRM");
  await expect(connect.getByText("Give the destination a name.")).toHaveCount(0);
  expect(creates).toEqual([]);
  await connect.getByRole("button", { name: "Cancel" }).click();

  await saveSegment(page, second);
  await page.getByRole("link", { name: "Segments", exact: true }).first().click();
  const listed = page.getByRole("table", { name: /^Saved segments/ });
  const row = listed.getByRole("row").filter({ has: page.getByRole("link", { name: second, exact: true }) });
  await row.getByRole("button", { name: "Rename" }).click();
  const rename = page.getByRole("form", { name: `Rename ${second}` });
  const newName = rename.getByLabel("New name");

  // An empty name is refused in the browser, and the message goes as the name is typed.
  const renames = callsTo(page, "segments.rename");
  await newName.fill("");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(rename.getByText("Give the segment a name.")).toBeVisible();
  await expect(newName).toHaveAttribute("aria-invalid", "true");
  expect(renames).toEqual([]);
  await newName.fill(first.toUpperCase());
  await expect(rename.getByText("Give the segment a name.")).toHaveCount(0);

  // Another segment's name, in other letters: the server refuses it, on the name field.
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(rename.getByRole("alert")).toHaveText(`A segment named “${first.toUpperCase()}” already exists; pick another name.`);
  await expect(newName).toHaveAttribute("aria-invalid", "true");
  await expect(newName).toBeFocused();
  expect(renames).toHaveLength(1);

  // A free name goes through.
  await newName.fill(`${second} renamed`);
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(listed.getByRole("link", { name: `${second} renamed`, exact: true })).toBeVisible();
  await expect(rename).toHaveCount(0);
});

test("a CSV file chosen while the import page is still loading is used once it has loaded", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, ADMIN, PASSWORD, "/w/demo/manage/import");
  await page.waitForLoadState("networkidle");
  // The page again, its scripts held back: the file input is there, nothing listens to it yet.
  let release!: () => void;
  const released = new Promise<void>((go) => (release = go));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await released;
    await route.continue();
  });
  await page.goto("/w/demo/manage/import", { waitUntil: "commit" });
  const csv = ["Mobile,Full name", "98123 45670,Early Bird"].join("\n");
  await page.getByLabel("Choose a CSV file", { exact: true }).setInputFiles({ name: `early-${stamp}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  // Chosen before any script ran: the page shows no file yet.
  await expect(page.getByText(`early-${stamp}.csv`)).toHaveCount(0);
  release();
  await expect(page.getByText(`early-${stamp}.csv`).first()).toBeVisible(LOADED);
  await expect(page.getByLabel("Use column “Mobile” as")).toHaveValue("phone", LOADED);
});

test("an admin matches import columns: without a phone column, or with two, the import is refused on the columns", async ({ page }) => {
  test.setTimeout(90_000);
  const csv = ["Mobile,Phone (work),Full name", "98123 45678,98123 45679,Asha Verma"].join("\n");
  await signIn(page, ADMIN, PASSWORD, "/w/demo/manage/import");
  await page.getByLabel("Choose a CSV file", { exact: true }).setInputFiles({ name: `kit-${stamp}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  const mobile = page.getByLabel("Use column “Mobile” as");
  const work = page.getByLabel("Use column “Phone (work)” as");
  await expect(mobile).toHaveValue("phone", LOADED);

  // No phone column: refused before the file is sent, said under the columns.
  await mobile.selectOption("ignore");
  await page.getByRole("button", { name: "Import contacts" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose the column that holds the phone numbers: set its “Use as” to Phone." })).toBeVisible();
  await expect(mobile).toHaveAttribute("aria-invalid", "true");

  // Two phone columns: each says which other one clashes, and fixing one clears both.
  await mobile.selectOption("phone");
  await work.selectOption("phone");
  await expect(page.getByText("Only one column can be the phone number; “Phone (work)” is too.")).toBeVisible();
  await expect(page.getByText("Only one column can be the phone number; “Mobile” is too.")).toBeVisible();
  await expect(page.getByText("Choose the column that holds the phone numbers", { exact: false })).toHaveCount(0);
  await work.selectOption("ignore");
  await expect(page.getByText(/^Only one column can be the phone number/)).toHaveCount(0);

  // A blank source label is refused on its field.
  await page.getByLabel("Source label").fill("   ");
  await page.getByRole("button", { name: "Import contacts" }).click();
  await expect(page.getByText("Give the import a source label, like “expo-2026”.")).toBeVisible();
  await expect(page.getByLabel("Source label")).toBeFocused();
  await expect(page.getByRole("heading", { name: "4. Importing" })).toHaveCount(0);
});

test("an analyst's backwards or too long custom range is refused under the days, before any report is asked for", async ({ page }) => {
  await signIn(page, ANALYST, PASSWORD, "/w/demo/overview?range=30d");
  await expect(page.getByRole("main").getByText(/· days in /)).toBeVisible(LOADED);
  await page.getByRole("button", { name: "Custom" }).click();
  const custom = page.getByRole("form", { name: "Custom date range" });
  const from = custom.getByLabel("From");
  const to = custom.getByLabel("To");
  const summaries = callsTo(page, "overview.summary");

  await from.fill("2026-06-10");
  await to.fill("2026-06-01");
  await custom.getByRole("button", { name: "Apply" }).click();
  await expect(custom.getByRole("alert")).toHaveText("The start date must be on or before the end date.");
  await expect(from).toHaveAttribute("aria-invalid", "true");
  // Longer than the reports take: the other rule, on the end day, as it is typed.
  await from.fill("2025-01-01");
  await expect(custom.getByRole("alert")).toHaveText("Pick a range of at most 366 days.");
  await expect(to).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/range=30d/);
  expect(summaries).toEqual([]);

  // A right range applies, and is in the URL to share.
  await from.fill("2026-05-01");
  await expect(custom.getByRole("alert")).toHaveCount(0);
  await custom.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=2026-05-01&to=2026-06-01|to=2026-06-01&from=2026-05-01/);
});

test("an analyst's jump to a day outside the supported dates is refused under the day", async ({ page }) => {
  const counts = new Map<string, number>();
  for (const batch of generateEvents({ size: "small" })) {
    for (const e of batch) if (e.contact) counts.set(e.contact, (counts.get(e.contact) ?? 0) + 1);
    break;
  }
  const contact = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const profileUrl = `/w/demo/contacts/${encodeURIComponent(contact)}`;
  await signIn(page, ANALYST, PASSWORD, profileUrl);
  const jump = page.getByRole("form", { name: "Jump to a date" });
  await expect(jump).toBeVisible(LOADED);
  await jump.getByLabel("Jump to").fill("2106-01-01");
  await jump.getByRole("button", { name: "Go" }).click();
  await expect(jump.getByRole("alert")).toHaveText("2106-01-01 is outside the supported dates, 1970-01-01 to 2105-12-31.");
  await expect(page).not.toHaveURL(/at=/);
  await jump.getByLabel("Jump to").fill("2026-10-01");
  await expect(jump.getByRole("alert")).toHaveCount(0);
  await jump.getByRole("button", { name: "Go" }).click();
  await expect(page).toHaveURL(/at=2026-10-01/);
});

test("an admin moves through the workspace switcher with the arrows and goes with Enter", async ({ page }) => {
  await signIn(page, ADMIN, PASSWORD, "/w/demo/overview");
  const switcher = page.getByLabel("Workspace", { exact: true });
  await expect(switcher).toHaveValue("demo", LOADED);
  const names = await switcher.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  const next = names[names.indexOf("demo") + 1] ?? names[names.indexOf("demo") - 1];
  const key = names.indexOf(next) > names.indexOf("demo") ? "ArrowDown" : "ArrowUp";

  // Arrowing through the closed box only moves the choice: the page stays, and says how to go.
  // A key pressed before the page has hydrated moves the bare select and nothing hears it:
  // put the choice back and press again until the page answers.
  const hint = page.getByText("Enter opens it; Esc stays here");
  await expect(async () => {
    await switcher.selectOption("demo");
    await switcher.focus();
    await page.keyboard.press(key);
    await expect(hint).toBeVisible({ timeout: 1_000 });
  }).toPass(LOADED);
  await expect(switcher).toHaveValue(next);
  await expect(page).toHaveURL(/\/w\/demo\/overview/);

  // Escape puts the current workspace back.
  await page.keyboard.press("Escape");
  await expect(switcher).toHaveValue("demo");
  await expect(page.getByText("Enter opens it; Esc stays here")).toHaveCount(0);

  // Enter goes to the same section of the chosen one.
  await page.keyboard.press(key);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/w/${next}/overview`), LOADED);
  await expect(page.getByLabel("Workspace", { exact: true })).toHaveValue(next);
});
