import { expect, test, type Locator, type Page } from "@playwright/test";
import { addDays, previousRange, zoneDay } from "@/clickhouse/vocabulary/dates";
import { formatRange, formatRate, formatWholePercent } from "@/components/ui/format";
import { ADMIN, ANALYST, MANAGER, PASSWORD, signIn } from "./helpers";

/**
 * Issue 13 in the reports, as the people who read them: days and hours in the
 * workspace's zone, KPI changes against the period before, a funnel that says
 * which reads are receipts, numbers that open their contacts where the person
 * looks, and charts that claim no more than the data holds.
 */

test.use({ viewport: { width: 1440, height: 900 } });

const LOADED = { timeout: 30_000 };
const stamp = Date.now();
const count = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));
/** The demo workspaces are in India. */
const ZONE = "Asia/Kolkata";

test("an admin's campaign sent at 23:40 in Kolkata counts on that Kolkata day and hour; one after midnight on the next; a lone campaign's hour is not named best", async ({ page, request }) => {
  await signIn(page, ADMIN, PASSWORD, "/w/demo/manage/api-keys");
  await page.getByLabel("Key name").fill(`e2e zone ${stamp}`);
  await page.getByRole("button", { name: "Create key" }).click();
  const token = await page.getByRole("region", { name: /Your new key/ }).getByLabel("API key").inputValue();

  // Wednesday 15 January 2025, 23:40 in Kolkata is 18:10 UTC; 00:20 on Thursday the 16th there is 18:50 UTC on the 15th.
  const send = (key: string, name: string, utc: string) => {
    const id = `e2e-zone-${key}-${stamp}`;
    const at = (minutes: number) => new Date(Date.parse(utc) + minutes * 60_000).toISOString();
    return [
      { event_id: `${id}-c`, type: "campaign.created", ts: at(0), campaign_id: id, name },
      { event_id: `${id}-o`, type: "message.outbound", contact: "+919812345678", ts: at(0), kind: "template", wamid: `${id}-w`, campaign_id: id },
      { event_id: `${id}-d`, type: "message.status", contact: "+919812345678", ts: at(0), wamid: `${id}-w`, status: "delivered" },
      { event_id: `${id}-r`, type: "message.status", contact: "+919812345678", ts: at(1), wamid: `${id}-w`, status: "read" },
    ];
  };
  const late = `E2E zone ${stamp} late`;
  const afterMidnight = `E2E zone ${stamp} after midnight`;
  const sent = await request.post("/api/v1/events", {
    headers: { authorization: `Bearer ${token}` },
    data: [...send("late", late, "2025-01-15T18:10:00Z"), ...send("next", afterMidnight, "2025-01-15T18:50:00Z")],
  });
  expect(await sent.json()).toMatchObject({ stored: 8, rejected: [] });

  // The Kolkata day of the 15th holds the 23:40 send only, shown at 23:40.
  await page.goto(`/w/demo/campaigns?from=2025-01-15&to=2025-01-15&q=${encodeURIComponent(`E2E zone ${stamp}`)}`);
  const table = page.getByRole("table", { name: /^Campaigns/ });
  const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: late }) });
  await expect(row).toContainText("Jan 15, 23:40", LOADED);
  await expect(table.getByRole("link", { name: afterMidnight })).toHaveCount(0);

  // Its hour is Wednesday 23:00 in Kolkata, not 18:00 as in UTC.
  const timing = page.getByTestId("timing");
  await expect(timing).toContainText(`Hours in ${ZONE}`);
  await expect(timing.getByTestId("heat-3-23")).toHaveAttribute("title", /^Wednesday 23:00–24:00 Asia\/Kolkata: 100% read of \d+ delivered/, LOADED);
  await expect(timing.getByTestId("heat-3-18")).toHaveAttribute("title", /nothing delivered$/);
  await expect(timing.getByTestId("heat-4-0")).toHaveAttribute("title", /nothing delivered$/);
  // One campaign's send hour is all there is: no hour is named best.
  await expect(timing.getByText(/^Not enough data yet to name a best hour/)).toBeVisible();
  await expect(timing.getByRole("list", { name: "Best hours" })).toHaveCount(0);

  // 00:20 on the 16th is that Kolkata day's, in Thursday's first hour.
  await page.goto(`/w/demo/campaigns?from=2025-01-16&to=2025-01-16&q=${encodeURIComponent(`E2E zone ${stamp}`)}`);
  await expect(table.getByRole("row").filter({ has: page.getByRole("link", { name: afterMidnight }) })).toContainText("Jan 16, 00:20", LOADED);
  await expect(table.getByRole("link", { name: late })).toHaveCount(0);
  await expect(timing.getByTestId("heat-4-0")).toHaveAttribute("title", /^Thursday 00:00–01:00 Asia\/Kolkata: 100% read of \d+ delivered/, LOADED);
});

/** The range of the last 30 days of the zone, and the 30 days before it. */
function lastMonth() {
  const to = zoneDay(Date.now(), ZONE);
  const current = { from: addDays(to, -29), to };
  return { current, previous: previousRange(current)! };
}

/** A KPI card's change as the Delta words it, from the two periods' raw figures. */
function expectedChange(current: number, previous: number, range: { from: string; to: string }): string {
  const vs = `vs ${formatRange(range.from, range.to)}`;
  if (previous === 0) return `${current === 0 ? "no change" : "new"} ${vs}`;
  const share = (current - previous) / previous;
  if (Math.abs(share) < 0.005) return `no change ${vs}`;
  return `${share > 0 ? "▲" : "▼"} ${formatWholePercent(Math.abs(share))} ${vs}`;
}

async function rawFigure(card: Locator): Promise<number> {
  await expect(card.locator("data")).toHaveAttribute("value", /^\d+$/, LOADED);
  return Number(await card.locator("data").getAttribute("value"));
}

/** Opens `path` over the last 30 days and over the 30 before, and checks the card's change between them. */
async function checkChange(page: Page, path: string, testId: string) {
  const { current, previous } = lastMonth();
  await page.goto(`${path}?from=${current.from}&to=${current.to}`);
  const card = page.getByRole("main").getByTestId(testId);
  const now = await rawFigure(card);
  await expect(card).toContainText(`vs ${formatRange(previous.from, previous.to)}`, LOADED);
  const shown = await card.getByText(/ vs /).textContent();
  await page.goto(`${path}?from=${previous.from}&to=${previous.to}`);
  const before = await rawFigure(page.getByRole("main").getByTestId(testId));
  expect(shown).toBe(expectedChange(now, before, previous));
}

test("a manager reads each key figure's change against the 30 days before, on Overview, Campaigns and Unresolved", async ({ page }) => {
  // Eight report pages, each read on its first open.
  test.setTimeout(120_000);
  await signIn(page, MANAGER, PASSWORD, "/w/demo/overview");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible(LOADED);
  await checkChange(page, "/w/demo/overview", "stat-messages");
  await checkChange(page, "/w/demo/campaigns", "total-campaigns");
  await checkChange(page, "/w/demo/campaigns", "total-delivered");
  await checkChange(page, "/w/demo/unresolved", "stat-requests");
});

test("a manager sees which reads are read receipts and which are replies, whatever the reply window, and the list and the report agree", async ({ page }) => {
  await signIn(page, MANAGER, PASSWORD, `/w/demo/campaigns?range=90d&q=${encodeURIComponent("Summer Sale launch")}`);
  const table = page.getByRole("table", { name: /^Campaigns/ });
  const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: "Summer Sale launch", exact: true }) });
  await expect(row).toBeVisible(LOADED);
  const headers = (await table.locator("thead th").allInnerTexts()).map((h) => h.trim());
  const cells = await row.getByRole("cell").allInnerTexts();
  const listed = (header: string) => cells[headers.indexOf(header)];

  await row.getByRole("link", { name: "Summer Sale launch", exact: true }).click();
  const stage = (name: string) => page.getByTestId(`stage-${name}`);
  await expect(stage("sent").locator("data")).toHaveText(/\d/, LOADED);
  const figure = async (name: string) => count(await stage(name).locator("data").textContent());
  // The same figures as its row of the list.
  expect(await figure("sent")).toBe(count(listed("Recipients")));
  expect(await figure("delivered")).toBe(count(listed("Delivered")));
  expect(await figure("read")).toBe(count(listed("Read")));
  expect(await figure("replied")).toBe(count(listed("Replied")));
  expect(await figure("failed")).toBe(count(listed("Failed")));
  expect(listed("Read rate")).toContain(formatRate((await figure("read")) / (await figure("delivered"))));

  // Read = read receipts + replies without one; a shorter reply window changes only the replies.
  const split = async () => {
    const text = (await stage("read").textContent()) ?? "";
    const m = /([\d,]+) read receipts, ([\d,]+) replies without one/.exec(text);
    expect(m, text).not.toBeNull();
    return { read: await figure("read"), receipts: count(m![1]), replies: count(m![2]) };
  };
  const usual = await split();
  expect(usual.receipts + usual.replies).toBe(usual.read);
  expect(usual.replies).toBeGreaterThan(0);
  await page.getByRole("combobox", { name: "Reply window" }).selectOption({ label: "1 hour" });
  await expect(page).toHaveURL(/window=1$/);
  await expect(page.getByTestId("cost-per-reply")).toContainText("1 hour window", LOADED);
  const hour = await split();
  expect(hour.receipts).toBe(usual.receipts);
  expect(hour.receipts + hour.replies).toBe(hour.read);
  expect(hour.read).toBeLessThanOrEqual(usual.read);
});

/** The drill-down is on screen, holds the keyboard, and Esc closes it. */
async function drillOpensInView(page: Page, title: RegExp) {
  const drill = page.getByTestId("drill-down");
  await expect(drill.getByRole("heading", { name: title })).toBeVisible(LOADED);
  await expect(drill).toBeInViewport();
  await expect(drill.getByRole("table").getByRole("link").first()).toBeVisible(LOADED);
  expect(await page.evaluate(() => !!document.activeElement?.closest("[tabindex]")?.querySelector('[data-testid="drill-down"]'))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(drill).toHaveCount(0);
  // The list's own parameters go; the breakdown the person chose stays.
  await expect(page).toHaveURL((url) => url.pathname.endsWith("/campaigns/cmp_summer-sale-launch") && !url.searchParams.has("stage") && !url.searchParams.has("code"));
}

test("a manager opens an error code's and a breakdown cell's contacts where they are looking, and Esc closes them", async ({ page }) => {
  await signIn(page, MANAGER, PASSWORD, "/w/demo/campaigns/cmp_summer-sale-launch");
  const failures = page.getByRole("table", { name: /^Failed messages by error/ });
  const code = failures.getByRole("button", { name: /^\d+$/ }).first();
  await expect(code).toBeVisible(LOADED);
  const codeText = (await code.textContent())!;
  const people = count(await failures.getByRole("row").filter({ has: page.getByRole("button", { name: codeText, exact: true }) }).getByRole("cell").last().textContent());
  await code.click();
  await expect(page).toHaveURL(new RegExp(`stage=failed&code=${codeText}`));
  await drillOpensInView(page, new RegExp(`^Failed with error ${codeText}: ${people} contacts?$`));

  // Breakdowns name attributes by their labels; a cell far down the page opens its list in view.
  const panel = page.getByTestId("breakdowns");
  const by = panel.getByLabel("Break down by");
  await expect(by.locator("option", { hasText: "Lifetime value" })).toHaveCount(1);
  await expect(by.locator("option").filter({ hasText: /_/ })).toHaveCount(0);
  await by.selectOption({ label: "Country" });
  await expect(panel.getByRole("columnheader", { name: "Country" })).toBeVisible(LOADED);
  const cell = panel.getByRole("row").nth(1).getByTestId("cell-read");
  const read = count(await cell.textContent());
  await cell.click();
  await drillOpensInView(page, new RegExp(`^Read, country “.+”: ${read.toLocaleString("en-US")} contacts?$`));
});

/** A count axis's tick labels as numbers ("5K" → 5000). */
async function axisTicks(axis: Locator): Promise<number[]> {
  const texts = await axis.locator(".recharts-cartesian-axis-tick-value").allTextContents();
  return texts.map((t) => {
    const m = /^([\d.]+)([KM]?)$/.exec(t.trim());
    expect(m, t).not.toBeNull();
    return Number(m![1]) * (m![2] === "K" ? 1_000 : m![2] === "M" ? 1_000_000 : 1);
  });
}

/** Ticks from 0 by one step of 1, 2, 2.5 or 5 times a power of ten. */
function expectRound(ticks: number[]) {
  expect(ticks.length).toBeGreaterThan(2);
  expect(ticks[0]).toBe(0);
  const step = ticks[1];
  ticks.forEach((t, i) => expect(t).toBeCloseTo(i * step, 6));
  const mantissa = step / 10 ** Math.floor(Math.log10(step));
  expect([1, 2, 2.5, 5]).toContain(Number(mantissa.toFixed(6)));
}

test("a manager reads honest charts: round ticks, a read-rate line broken on days without sends with the day's campaigns, bucket labels apart, best hours only on enough deliveries", async ({ page }) => {
  await signIn(page, MANAGER, PASSWORD, "/w/demo/campaigns?range=90d");
  const chart = page.getByRole("region", { name: "Read rate per day" });
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible(LOADED);
  // The left axis counts deliveries; the right one is the read rate's 0–100%.
  expectRound(await axisTicks(chart.locator(".recharts-yAxis-tick-labels").first()));

  // The line is drawn in pieces: days without sends break it.
  const d = (await chart.locator(".recharts-line-curve").getAttribute("d")) ?? "";
  expect(d.match(/M/g)?.length ?? 0).toBeGreaterThan(1);
  // A day's tooltip names its campaigns.
  const names = (await page.getByRole("table", { name: /^Campaigns/ }).locator("tbody tr a").allTextContents()).map((n) => n.trim());
  // The latest day with a bar to point at: today may have just begun in the workspace's zone, its bar flat on the axis.
  const bars = chart.locator(".recharts-bar-rectangle");
  const heights = await bars.evaluateAll((els) => els.map((el) => (el as SVGGraphicsElement).getBBox().height));
  await bars.nth(heights.findLastIndex((h) => h >= 2)).hover();
  const tip = chart.locator(".recharts-tooltip-wrapper");
  await expect(tip).toContainText("Delivered:");
  const said = (await tip.textContent()) ?? "";
  expect(names.some((n) => said.includes(n)), said).toBe(true);

  // When it works: a named hour has at least the deliveries the grid treats as certain, and its figures in words.
  const timing = page.getByTestId("timing");
  await expect(timing.getByRole("table")).toBeVisible(LOADED);
  const best = timing.getByRole("list", { name: "Best hours" }).getByRole("listitem");
  for (const item of await best.allTextContents()) {
    const m = /^\w+days \d{2}:00–\d{2}:00: \d+% read, ([\d,]+) delivered$/.exec(item);
    expect(m, item).not.toBeNull();
    expect(count(m![1])).toBeGreaterThanOrEqual(30);
  }
  if ((await best.count()) === 0) await expect(timing.getByText(/^Not enough data yet to name a best hour/)).toBeVisible();

  // A campaign's read delays: round ticks, and bucket labels that never run together.
  await page.goto("/w/demo/campaigns/cmp_summer-sale-launch");
  const delays = page.locator("figure").filter({ hasText: "Time from delivered to read" });
  await expect(delays.locator(".recharts-bar-rectangle").first()).toBeVisible(LOADED);
  expectRound(await axisTicks(delays.locator(".recharts-yAxis-tick-labels")));
  const labels = delays.locator(".recharts-xAxis-tick-labels text");
  const boxes = await labels.evaluateAll((els) =>
    els.map((el) => {
      const box = (el as SVGGraphicsElement).getBBox();
      return { text: el.textContent, lines: el.querySelectorAll("tspan").length, x: box.x, width: box.width };
    }),
  );
  expect(boxes.map((b) => b.text)).toContain("15–60min");
  for (const b of boxes) expect(b.lines, b.text!).toBeLessThanOrEqual(2);
  for (let i = 1; i < boxes.length; i++) expect(boxes[i].x, `${boxes[i - 1].text} and ${boxes[i].text}`).toBeGreaterThan(boxes[i - 1].x + boxes[i - 1].width);
});

test("an analyst reads counts with thousands separators in the report tables", async ({ page }) => {
  await signIn(page, ANALYST, PASSWORD, "/w/demo/campaigns?range=90d");
  // The demo delivered over a thousand campaign messages in 90 days.
  const delivered = page.getByTestId("total-delivered").locator("data");
  await expect(delivered).toHaveAttribute("value", /^\d+$/, LOADED);
  const raw = Number(await delivered.getAttribute("value"));
  expect(raw).toBeGreaterThan(999);
  await expect(delivered).toHaveText(raw.toLocaleString("en-US"));
  const numeric = /^[\d,]+$/;
  const plain = async (table: Locator) => {
    const texts = (await table.locator("tbody td").allInnerTexts()).map((t) => t.trim()).filter((t) => numeric.test(t));
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).toMatch(/^\d{1,3}(,\d{3})*$/);
  };
  await expect(page.getByRole("table", { name: /^Campaigns/ }).getByRole("row").nth(1)).toBeVisible(LOADED);
  await plain(page.getByRole("table", { name: /^Campaigns/ }));
  await page.goto("/w/demo/unresolved?range=90d");
  const agents = page.getByRole("table", { name: "Agents" });
  await expect(agents.getByRole("row").nth(1)).toBeVisible(LOADED);
  await plain(agents);
});
