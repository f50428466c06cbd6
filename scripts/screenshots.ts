/**
 * `npm run screenshots -- [--url http://localhost:3000] [--out docs]`
 *
 * Refreshes the README's pictures from a running ChatLens with the demo loaded:
 * signs in as the demo admin in Debian's Chromium and saves one PNG per page.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";

const PAGES = [
  { file: "overview.png", path: "/w/demo/overview?range=30d", waitFor: "Messages per day" },
  { file: "contacts.png", path: "/w/demo/contacts", waitFor: "Contacts" },
  // The first contact of the list, whoever the demo made first.
  { file: "profile.png", path: "/w/demo/contacts", waitFor: "Contacts", openFirstRow: true },
  { file: "segments.png", path: "/w/demo/segments/new", waitFor: "Segments" },
  { file: "unresolved.png", path: "/w/demo/unresolved?range=30d", waitFor: "Where they come from" },
  { file: "campaigns.png", path: "/w/demo/campaigns?range=90d", waitFor: "When it works" },
  { file: "campaign.png", path: "/w/demo/campaigns/cmp_summer-sale-launch?by=source", waitFor: "Breakdowns" },
  { file: "manage-import.png", path: "/w/demo/manage/import", waitFor: "Import", upload: true },
];

// A small file with one row the import will refuse, so the picture shows the mapping step.
const SAMPLE_CSV = [
  "phone,name,email,city,tags",
  "+91 98200 11111,Meera Iyer,meera@example.com,Mumbai,vip",
  "098200 22222,Rohan Das,rohan@example.com,Pune,",
  "12,Not A Phone,,Delhi,",
].join("\n");

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: "string", default: process.env.CHATLENS_URL ?? "http://localhost:3000" },
      out: { type: "string", default: "docs" },
      only: { type: "string" },
    },
  });
  const base = values.url!.replace(/\/$/, "");
  const out = path.resolve(values.out!);
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(`${base}/signin`);
    await page.getByLabel("Email", { exact: true }).fill("admin@demo.chatlens.dev");
    await page.getByLabel("Password", { exact: true }).fill("chatlens-demo");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(/\/w\//);
    const only = values.only?.split(",");
    for (const shot of PAGES.filter((p) => !only || only.includes(p.file.replace(/\.png$/, "")))) {
      await page.goto(`${base}${shot.path}`);
      await page.getByText(shot.waitFor).first().waitFor();
      if (shot.openFirstRow) {
        await page.locator('table tbody tr a[href*="/contacts/"]').first().click();
        await page.locator('[data-testid="journey-event"]').first().waitFor();
      }
      if (shot.upload) {
        await page.locator('input[type="file"]').setInputFiles({ name: "contacts.csv", mimeType: "text/csv", buffer: Buffer.from(SAMPLE_CSV) });
        await page.getByText("3. Match the columns").waitFor();
      }
      // Charts animate in; let them settle so the picture shows the real figures.
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(1500);
      await page.screenshot({ path: path.join(out, shot.file) });
      console.log(`[screenshots] ${path.join(values.out!, shot.file)}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(`[screenshots] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
