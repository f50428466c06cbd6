import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Locator } from "@playwright/test";
import { ADMIN, MANAGER, MARKETER, PASSWORD, signIn } from "./helpers";

// The campaign pages read every recipient of the workspace on first open; give them time on a busy machine.
const LOADED = { timeout: 30_000 };
const stamp = Date.now();

/** "64.2%" → 64.2, "1,204" → 1204, "—" (nothing to divide by) → null. */
const figure = (text: string) => (/\d/.test(text) ? Number(text.replace(/[^\d.]/g, "")) : null);

/** The texts of one column's body cells, top to bottom, found by the column's header. */
async function column(table: Locator, header: string): Promise<string[]> {
  const headers = (await table.getByRole("columnheader").allTextContents()).map((h) => h.trim());
  const index = headers.indexOf(header);
  expect(index, `a "${header}" column among ${headers.join(", ")}`).toBeGreaterThanOrEqual(0);
  return (await table.locator(`tbody tr > :nth-child(${index + 1})`).allTextContents()).map((t) => t.trim());
}

/** Numbers in the order given, a dash (no rate) only after every number. */
function expectOrdered(values: Array<number | null>, direction: "asc" | "desc") {
  const numbers = values.filter((v): v is number => v !== null);
  expect(values.slice(0, numbers.length)).toEqual(numbers);
  expect(numbers).toEqual([...numbers].sort((a, b) => (direction === "asc" ? a - b : b - a)));
}

test("a manager sorts a campaign's breakdown by read rate, and a sorted row's count still opens its contacts", async ({ page }) => {
  await signIn(page, MANAGER, PASSWORD, "/w/demo/campaigns/cmp_summer-sale-launch");
  const panel = page.getByTestId("breakdowns");
  const table = panel.getByRole("table", { name: "Recipients by tag" });
  await expect(table.getByRole("row").nth(1)).toBeVisible(LOADED);
  expect(await table.getByRole("row").count()).toBeGreaterThan(3);

  // Largest groups first, as the header says.
  await expect(table.getByRole("columnheader", { name: "Recipients" })).toHaveAttribute("aria-sort", "descending");
  expectOrdered((await column(table, "Recipients")).map(figure), "desc");

  // Read rate: the best-read group first, then the other way round.
  const readRate = table.getByRole("columnheader", { name: "Read rate" });
  await readRate.getByRole("button").click();
  await expect(readRate).toHaveAttribute("aria-sort", "descending");
  await expect(table.getByRole("columnheader", { name: "Recipients" })).not.toHaveAttribute("aria-sort");
  const rates = (await column(table, "Read rate")).map(figure);
  expectOrdered(rates, "desc");
  // Each rate is the row's read ÷ delivered, so the order is the numbers' order.
  const [read, delivered] = [(await column(table, "Read")).map(figure), (await column(table, "Delivered")).map(figure)];
  rates.forEach((rate, i) => {
    if (delivered[i]) expect(rate).toBeCloseTo((100 * (read[i] ?? 0)) / delivered[i]!, 0);
  });
  await readRate.getByRole("button").click();
  await expect(readRate).toHaveAttribute("aria-sort", "ascending");
  expectOrdered((await column(table, "Read rate")).map(figure), "asc");

  // Reply rate sorts from the keyboard too.
  const replyRate = table.getByRole("columnheader", { name: "Reply rate" });
  await replyRate.getByRole("button").focus();
  await page.keyboard.press("Enter");
  await expect(replyRate).toHaveAttribute("aria-sort", "descending");
  expectOrdered((await column(table, "Reply rate")).map(figure), "desc");

  // The first row as sorted now: its read count opens exactly those contacts beside the table.
  const first = table.getByRole("row").nth(1);
  const group = ((await first.getByRole("rowheader").textContent()) ?? "").replace(/small group.*$/, "").trim();
  const cell = first.getByTestId("cell-read");
  const count = figure((await cell.textContent()) ?? "")!;
  await cell.click();
  await expect(cell).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/stage=read&g=tag/);
  const drill = page.getByTestId("drill-down");
  await expect(drill.getByRole("heading", { name: `Read, tag “${group}”: ${count.toLocaleString("en-US")} ${count === 1 ? "contact" : "contacts"}` })).toBeVisible(LOADED);
});

test("a manager compares three campaigns and sorts them by each figure, from the mouse and the keyboard", async ({ page }) => {
  const picked = ["cmp_summer-sale-launch", "cmp_win-back", "cmp_vip-preview"];
  await signIn(page, MANAGER, PASSWORD, `/w/demo/campaigns?range=90d&cmp=${picked.join("%2C")}`);
  const compare = page.getByTestId("compare");
  const table = compare.getByRole("table", { name: "Campaigns compared" });
  await expect(table.getByRole("row")).toHaveCount(4, LOADED);
  // The order picked, until a header is pressed.
  await expect(table.getByRole("rowheader")).toHaveText(["Summer Sale launch", "We miss you — 15% off", "VIP preview night"]);

  // Read rate from the keyboard: Enter on the header's button, best first; again, worst first.
  const readRate = table.getByRole("columnheader", { name: "Read rate" });
  await readRate.getByRole("button").focus();
  await page.keyboard.press("Enter");
  await expect(readRate).toHaveAttribute("aria-sort", "descending");
  const rates = (await column(table, "Read rate")).map(figure);
  expectOrdered(rates, "desc");
  // The demo's campaigns read differently enough that the order is not the picked one.
  expect(new Set(rates).size).toBe(3);
  await expect(table.getByRole("rowheader").first()).toHaveText("VIP preview night");
  await page.keyboard.press("Enter");
  await expect(readRate).toHaveAttribute("aria-sort", "ascending");
  expectOrdered((await column(table, "Read rate")).map(figure), "asc");
  await expect(table.getByRole("rowheader").first()).toHaveText("We miss you — 15% off");

  // Sent, with the mouse: the largest audience first, its count with thousands separators.
  const sent = table.getByRole("columnheader", { name: "Sent" });
  await sent.getByRole("button").click();
  await expect(sent).toHaveAttribute("aria-sort", "descending");
  const counts = await column(table, "Sent");
  expectOrdered(counts.map(figure), "desc");
  for (const c of counts) expect(c).toBe(figure(c)!.toLocaleString("en-US"));

  // A campaign's name still leads to its report.
  await table.getByRole("link", { name: "VIP preview night" }).click();
  await expect(page).toHaveURL(/\/w\/demo\/campaigns\/cmp_vip-preview$/);
});

test("an admin's import report lists the refused rows with their reasons, sortable, and the preview cuts long values with the full text on hover", async ({ page }) => {
  const digits = String(stamp % 100_000_000).padStart(8, "0");
  const phone = (n: number) => `97${String((Number(digits) + n) % 100_000_000).padStart(8, "0")}`;
  const longName = `Anantharamakrishnan Venkatasubramanian Iyer-Raghavendran of the Coromandel Coast ${stamp}`;
  const csv = [
    "phone,name,email",
    `${phone(0)},${longName},ana.${stamp}@example.com`,
    `12345,Nobody,nobody.${stamp}@example.com`,
    `${phone(1)},Dev Patel,not-an-email`,
    `${phone(2)},Leela Nair,leela.${stamp}@example.com`,
  ].join("\n");
  const fileName = `kit-tables-${stamp}.csv`;

  await signIn(page, ADMIN, PASSWORD, "/w/demo/manage/import");
  // The preview: line numbers first, a long value cut to one line with the whole of it in its title.
  const preview = page.getByRole("table", { name: `The first 4 rows of ${fileName}` });
  // A file picked before the page has hydrated is not seen: pick it again until the preview shows.
  await expect(async () => {
    await page.getByLabel("Choose a CSV file", { exact: true }).setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect(preview).toBeVisible({ timeout: 2_000 });
  }).toPass(LOADED);
  await expect(preview.getByRole("row")).toHaveCount(5);
  expect(await column(preview, "phone")).toEqual([phone(0), "12345", phone(1), phone(2)]);
  expect(await column(preview, "Row")).toEqual(["2", "3", "4", "5"]);
  const cut = preview.getByTitle(longName);
  await expect(cut).toHaveText(longName);
  expect(await cut.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

  await page.getByLabel("Source label").fill(`kit-${stamp}`);
  await page.getByRole("button", { name: "Import contacts" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText(`4 rows read from ${fileName}: 2 new, 0 updated, 0 unchanged, 2 rejected.`, LOADED);

  // The refused rows, by line, each with why.
  const rejected = page.getByRole("table", { name: "Rejected rows and why" });
  await expect(rejected.getByRole("row")).toHaveCount(3);
  expect(await column(rejected, "Row")).toEqual(["3", "4"]);
  const reasons = await column(rejected, "Reason");
  expect(reasons[0]).toBe('phone "12345" is not a valid number for IN');
  expect(reasons[1]).toContain("not-an-email");

  // By reason: the rows one fix would mend come together, alphabetically.
  const reason = rejected.getByRole("columnheader", { name: "Reason" });
  await reason.getByRole("button").click();
  await expect(reason).toHaveAttribute("aria-sort", "ascending");
  const sorted = await column(rejected, "Reason");
  expect(sorted).toEqual([...reasons].sort((a, b) => a.localeCompare(b)));
  expect(await column(rejected, "Row")).toEqual(sorted[0] === reasons[0] ? ["3", "4"] : ["4", "3"]);
});

test("a marketer reads a destination's delivery log newest first, and turns it round by time", async ({ page }) => {
  test.setTimeout(120_000);
  // A receiver that refuses the first delivery and takes the next ones.
  let requests = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(++requests === 1 ? 503 : 200).end(requests === 1 ? "busy" : "ok"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/audience`;

  try {
    // The people who read the VIP preview, frozen as a segment from the campaign's report.
    await signIn(page, MARKETER, PASSWORD, "/w/demo/campaigns/cmp_vip-preview?stage=read");
    const drill = page.getByTestId("drill-down");
    await drill.getByRole("button", { name: "Save as segment" }).click();
    await drill.getByRole("status").filter({ hasText: "Saved as" }).getByRole("link").click(LOADED);
    await expect(page).toHaveURL(/\/w\/demo\/segments\/[0-9a-f-]{36}/, LOADED);

    const destinations = page.getByTestId("destinations");
    await destinations.getByRole("button", { name: "Connect a destination" }).click();
    const form = page.getByRole("form", { name: "Connect a destination" });
    await form.getByLabel("Destination name").fill("Ads audience");
    await form.getByLabel("Endpoint (https://)").fill(url);
    await form.getByLabel("When it syncs").selectOption("manual");
    await form.getByRole("button", { name: "Connect" }).click();
    await page.getByRole("button", { name: "I saved it" }).click();

    const card = destinations.getByRole("article", { name: /Ads audience/ });
    const log = card.getByRole("table", { name: "Deliveries to Ads audience, newest first" });
    // Before any sync, the card says what will fill the log.
    await expect(card).toContainText("No sync yet: the log fills in with the first one.");

    // The first sync is refused (503), the second delivered.
    await card.getByRole("button", { name: "Sync now" }).click();
    await expect(log.getByRole("row").nth(1)).toContainText("Failed", LOADED);
    await expect(log.getByRole("row").nth(1)).toContainText("503");
    await card.getByRole("button", { name: "Sync now" }).click();
    await expect(log.getByRole("row")).toHaveCount(3, LOADED);

    // Newest first: the delivery on top, the refusal under it, the times going back.
    const time = log.getByRole("columnheader", { name: "Time" });
    await expect(time).toHaveAttribute("aria-sort", "descending");
    await expect(log.getByRole("row").nth(1)).toContainText("Delivered");
    await expect(log.getByRole("row").nth(2)).toContainText("Failed");
    const times = async () => log.locator("tbody tr > :first-child time").evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute("datetime") ?? "")));
    expectOrdered(await times(), "desc");
    // The refusal's answer is in its Details, whole on hover.
    await expect(log.getByRole("row").nth(2).getByTitle(/503/)).toBeVisible();

    // Time again: oldest first.
    await time.getByRole("button").click();
    await expect(time).toHaveAttribute("aria-sort", "ascending");
    await expect(log.getByRole("row").nth(1)).toContainText("Failed");
    expectOrdered(await times(), "asc");
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
