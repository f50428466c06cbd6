import { expect, test } from "@playwright/test";
import { ANALYST, PASSWORD, signIn } from "./helpers";

// Eight report sections load side by side on first open; give the first figures time on a busy machine.
const LOADED = { timeout: 30_000 };

test("an analyst reads the unresolved-query report and follows a query to the chat profile", async ({ page }) => {
  await signIn(page, ANALYST, PASSWORD, "/w/demo/unresolved?range=90d");
  await expect(page).toHaveURL(/\/w\/demo\/unresolved\?range=90d/);
  await expect(page.getByRole("heading", { level: 1, name: "Unresolved queries" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Date range" }).getByRole("button", { name: "Last 90 days" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  // Key figures arrive with real numbers; the demo has requests for a human.
  const requests = page.getByTestId("stat-requests").locator("data");
  await expect(requests).toHaveText(/^\d{1,3}(,\d{3})*$/, LOADED);
  expect(Number(await requests.getAttribute("value"))).toBeGreaterThan(0);
  await expect(page.getByTestId("stat-share").locator("data")).toHaveText(/%$/, LOADED);

  // The daily chart and the speed figures render.
  const volume = page.getByRole("region", { name: "Requests for a human per day" });
  await expect(volume.getByRole("application", { name: "Requests for a human per day" })).toBeVisible(LOADED);
  await expect(page.getByTestId("intervene-median")).toHaveText(/\d/, LOADED);

  // Agents sort by a click on a column header.
  const agents = page.getByRole("table", { name: "Agents" });
  await expect(agents.getByRole("row").nth(1)).toBeVisible(LOADED);
  await agents.getByRole("button", { name: /Chats resolved/ }).click();
  await expect(agents.getByRole("columnheader", { name: /Chats resolved/ })).toHaveAttribute("aria-sort", /ending/);

  // What people asked: the newest request links to its contact's profile at that moment.
  const list = page.getByRole("list", { name: "Requests for a human, newest first" });
  await expect(list.getByRole("listitem").first()).toBeVisible(LOADED);
  const search = page.getByRole("searchbox", { name: "Search requests" });
  const firstWord = page.getByRole("group", { name: "Most frequent words and phrases" }).getByRole("button").first();
  const word = ((await firstWord.textContent()) ?? "").replace(/[\d,\s]+$/, "").trim();
  await firstWord.click();
  await expect(search).toHaveValue(word);
  await expect(page.getByRole("status").filter({ hasText: `matching “${word}”` })).toBeVisible(LOADED);
  await expect(list.getByRole("listitem").first()).toContainText(new RegExp(word, "i"));

  const open = list.getByRole("link", { name: /^Open the chat of/ }).first();
  const href = await open.getAttribute("href");
  expect(href).toMatch(/^\/w\/demo\/contacts\/%2B\d+\?at=\d{4}-\d{2}-\d{2}T\d{2}%3A\d{2}%3A\d{2}\.\d{3}Z$/);
  await open.click();
  await expect(page).toHaveURL((url) => url.pathname.startsWith("/w/demo/contacts/") && url.searchParams.has("at"));
  const at = new URL(page.url()).searchParams.get("at")!;
  expect(new Date(at).toISOString()).toBe(at);
  // It lands on the journey at that moment, not at the top of the profile: the request is the newest event shown.
  await expect(page.getByRole("status").filter({ hasText: "Showing the journey up to" })).toBeInViewport(LOADED);
  const newest = page.getByTestId("journey-event").first();
  await expect(newest).toBeInViewport();
  expect(Date.parse((await newest.locator("time").getAttribute("datetime"))!)).toBeLessThanOrEqual(Date.parse(at));

  // Back returns to the report as the person left it: the range and the search.
  await page.goBack();
  await expect(page).toHaveURL((url) => url.pathname === "/w/demo/unresolved" && url.searchParams.get("q") === word);
  await expect(page.getByRole("searchbox", { name: "Search requests" })).toHaveValue(word);
  await expect(page.getByRole("status").filter({ hasText: `matching “${word}”` })).toBeVisible(LOADED);
});

test("a custom range from a link is kept, and a reversed one is explained", async ({ page }) => {
  await signIn(page, ANALYST, PASSWORD, "/w/demo/unresolved?from=2020-01-01&to=2020-01-07");
  await expect(page.getByRole("heading", { level: 1, name: "Unresolved queries" })).toBeVisible();
  await expect(page.getByText("Nobody asked for a human in this range").first()).toBeVisible(LOADED);
  await page.goto("/w/demo/unresolved?from=2020-01-07&to=2020-01-01");
  await expect(page.getByRole("alert").filter({ hasText: "This date range cannot be shown." })).toBeVisible();
});

test("the waiting figure says nobody is waiting only once the backlog has been read", async ({ page }) => {
  await signIn(page, ANALYST, PASSWORD, "/w/demo/overview");
  await expect(page).toHaveURL(/\/w\/demo\/overview/);
  // Hold the page's reads (one streamed batch) until the card has been looked at while loading.
  let release = () => {};
  const held = new Promise<void>((go) => (release = go));
  await page.route(
    (url) => url.pathname.includes("unresolved.backlog"),
    async (route) => {
      await held;
      await route.continue();
    },
  );
  await page.goto("/w/demo/unresolved?range=90d");
  // In the key figures as shown: a streamed page may also hold a hidden copy of the card until it swaps it in.
  const waiting = page.getByRole("region", { name: "Key figures" }).getByTestId("stat-waiting");
  await expect(waiting).toContainText("Waiting for an agent now");
  await expect(waiting).not.toContainText("Nobody is waiting");
  release();
  const figure = waiting.locator("data");
  await expect(figure).toHaveText(/^\d{1,3}(,\d{3})*$/, LOADED);
  const count = Number(await figure.getAttribute("value"));
  await expect(waiting).toContainText(count === 0 ? "Nobody is waiting for an agent" : "Asked for a human, nobody has taken the chat");
});


test("a manager reads each key figure beside the month before", async ({ page }) => {
  await signIn(page, ANALYST, PASSWORD, "/w/demo/unresolved?range=30d");
  const figures = page.getByRole("region", { name: "Key figures" });
  // The demo's chats go back further than 60 days, so the month before has requests and taken chats:
  // each comparison shows a change ("▲ 4%", "no change"…), never the "—" of a figure still loading.
  const compared = /^(?:▲ |▼ )?(?:\d+%|[\d.]+ pts|no change|new) vs [A-Z][a-z]{2} \d{1,2}/;
  for (const card of ["stat-requests", "stat-share", "stat-intervene"]) {
    await expect(figures.getByTestId(card).locator("[title^='Change']"), card).toHaveText(compared, LOADED);
  }
});
