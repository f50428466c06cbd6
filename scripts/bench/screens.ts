import { spawn } from "node:child_process";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { percentile } from "./stats";

/**
 * The screens as a person opens them: the production app on the bench's
 * store, Debian's Chromium, each page loaded anew (`goto`), and the time from
 * the navigation's start until the page is read whole and nothing on it is
 * loading any more (no element `aria-busy`, no segment size still "Counting…"). The queries' table times
 * each statement alone; this is what the browser adds around them: the page's
 * render, its scripts, its requests, and the statements side by side.
 */
export interface ScreenTiming {
  screen: string;
  path: string;
  runs: number;
  p50: number;
  p95: number;
  /** Requests the page made to /api/trpc in its last run (none when its figures came with the page). */
  apiRequests: number;
}

const root = path.resolve(import.meta.dirname, "..", "..");

/** The demo's sign-in, which the large demo shares (server/demo/seed.ts). */
const DEMO_ADMIN = { email: "admin@demo.chatlens.dev", password: "chatlens-demo" };

export function screensOf(workspaceId: string, contact: string, campaignId: string): Array<{ screen: string; path: string }> {
  const w = `/w/${encodeURIComponent(workspaceId)}`;
  const c = encodeURIComponent(campaignId);
  return [
    { screen: "Overview, 30 days", path: `${w}/overview?range=30d` },
    { screen: "Contacts", path: `${w}/contacts` },
    { screen: "Contacts, status requesting", path: `${w}/contacts?status=requesting` },
    { screen: "Contacts, name search 'sha'", path: `${w}/contacts?q=sha` },
    { screen: "Profile of the busiest contact", path: `${w}/contacts/${encodeURIComponent(contact)}` },
    { screen: "Segments, the saved ones with their sizes", path: `${w}/segments` },
    { screen: "Segment builder", path: `${w}/segments/new` },
    { screen: "Unresolved, 90 days", path: `${w}/unresolved?range=90d` },
    { screen: "Campaigns, 90 days", path: `${w}/campaigns?range=90d` },
    { screen: "The biggest campaign", path: `${w}/campaigns/${c}` },
    { screen: "The biggest campaign by tag", path: `${w}/campaigns/${c}?by=tag` },
    { screen: "Manage → Tags", path: `${w}/manage/tags` },
  ];
}

/** Starts the app on `dataDir` (building it first when the code changed: scripts/start.ts), opens each screen `runs` times after 2 warm-ups. */
export async function benchScreens(opts: { dataDir: string; port: number; runs: number; screens: Array<{ screen: string; path: string }> }): Promise<ScreenTiming[]> {
  const base = `http://127.0.0.1:${opts.port}`;
  const app = spawn(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(root, "scripts", "start.ts")], {
    cwd: root,
    env: { ...process.env, CHATLENS_DATA_DIR: opts.dataDir, CHATLENS_DEMO: "0", PORT: String(opts.port), CHATLENS_HOST: "127.0.0.1", NEXTAUTH_URL: base },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    await waitForApp(`${base}/api/health`, app);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}/signin`);
    await page.getByLabel("Email", { exact: true }).fill(DEMO_ADMIN.email);
    await page.getByLabel("Password", { exact: true }).fill(DEMO_ADMIN.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(/\/w\//);
    const results: ScreenTiming[] = [];
    for (const s of opts.screens) results.push(await timeScreen(page, base, s, opts.runs));
    return results;
  } finally {
    await browser.close();
    // The app and the Next.js server it started, as one process group.
    if (app.pid) process.kill(-app.pid, "SIGTERM");
    await new Promise((resolve) => app.once("exit", resolve));
  }
}

async function timeScreen(page: Page, base: string, s: { screen: string; path: string }, runs: number): Promise<ScreenTiming> {
  const times: number[] = [];
  let apiRequests = 0;
  for (let i = 0; i < runs + 2; i++) {
    let api = 0;
    const count = (r: { url(): string }) => void (r.url().includes("/api/trpc/") && api++);
    page.on("request", count);
    await page.goto(`${base}${s.path}`, { waitUntil: "commit" });
    // When the page first has nothing loading, since the navigation started, in the page's own clock.
    const done = await page.waitForFunction(
      () =>
        document.readyState !== "loading" &&
        document.querySelectorAll('[aria-busy="true"]').length === 0 &&
        !document.body.innerText.includes("Counting…") &&
        performance.now(),
      null,
      { timeout: 120_000, polling: 10 },
    );
    const ms = (await done.jsonValue()) as number;
    page.off("request", count);
    if (i >= 2) times.push(ms);
    apiRequests = api;
  }
  times.sort((a, b) => a - b);
  return { ...s, runs, p50: percentile(times, 50), p95: percentile(times, 95), apiRequests };
}

async function waitForApp(url: string, app: ReturnType<typeof spawn>) {
  // A build first, when the code changed since the last one, takes a few minutes.
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode} before it was ready`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the app was not ready after 15 minutes");
}
