import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { verifySignature } from "@/server/sync/signature";
import { MARKETER, PASSWORD, signIn } from "./helpers";

const stamp = Date.now();

test("a marketer connects a destination to a segment, syncs it now and reads the log; the size chart shows", async ({ page }) => {
  test.setTimeout(120_000);
  // The receiver: a real HTTP server in this test process.
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/audience`;

  try {
    // A saved segment: the Leads.
    await signIn(page, MARKETER, PASSWORD, "/w/demo/segments/new");
    await page.getByLabel("Add a condition to the segment").selectOption("tags");
    await page.getByRole("group", { name: "condition 1", exact: true }).getByLabel("Add to Tags of condition 1").selectOption("Lead");
    await expect(page.getByTestId("audience")).toHaveAttribute("aria-busy", "false", { timeout: 15_000 });
    const name = `Synced leads ${stamp}`;
    await page.getByRole("textbox", { name: /^Name/ }).fill(name);
    await page.getByRole("button", { name: "Save segment" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const audience = Number(((await page.getByTestId("audience-count").textContent()) ?? "").replace(/[^\d]/g, ""));
    expect(audience).toBeGreaterThan(0);

    // Its size is charted from the day it was saved.
    const sizes = page.getByTestId("size-history");
    await expect(sizes.getByRole("heading", { name: "Size over time" })).toBeVisible();
    await expect(sizes.locator("svg.recharts-surface")).toBeVisible({ timeout: 15_000 });

    // Connect: a plain-http address elsewhere is refused with what to do; the receiver on this machine is taken.
    const destinations = page.getByTestId("destinations");
    await destinations.getByRole("button", { name: "Connect a destination" }).click();
    const form = page.getByRole("form", { name: "Connect a destination" });
    await form.getByLabel("Destination name").fill("CRM audience");
    await form.getByLabel("Endpoint (https://)").fill("http://crm.example.com/audience");
    await form.getByLabel("When it syncs").selectOption("manual");
    await form.getByRole("button", { name: "Connect" }).click();
    // Refused in the browser, in the server's words, under the address (server/schemas/destinations.ts).
    await expect(form.getByRole("alert")).toContainText(/use https:\/\//i);
    await form.getByLabel("Endpoint (https://)").fill(url);
    await form.getByRole("button", { name: "Connect" }).click();

    // The secret, shown once.
    const secret = ((await page.getByTestId("destination-secret").textContent()) ?? "").trim();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole("button", { name: "I saved it" }).click();
    await expect(page.getByTestId("destination-secret")).toHaveCount(0);

    // Sync now: the log shows the delivery with the whole audience as joins.
    const card = destinations.getByRole("article", { name: /CRM audience/ });
    await expect(card).toContainText("never synced");
    await card.getByRole("button", { name: "Sync now" }).click();
    const log = card.getByRole("table", { name: "Deliveries to CRM audience, newest first" });
    const row = log.getByRole("row").nth(1);
    await expect(row).toContainText("Delivered", { timeout: 30_000 });
    await expect(row).toContainText("Sync now");
    await expect(row).toContainText(new Intl.NumberFormat("en-US").format(audience));
    await expect(row).toContainText("200");
    await expect(card).toContainText("last synced");

    // What the receiver got: every Lead once, as joins, signed with the secret shown.
    const lines = received.flatMap((r) => r.body.split("\n").filter(Boolean).map((l) => JSON.parse(l) as { action: string; phone: string }));
    expect(lines).toHaveLength(audience);
    expect(new Set(lines.map((l) => l.action))).toEqual(new Set(["join"]));
    for (const r of received) {
      expect(verifySignature(secret, r.body, { signature: String(r.headers["x-chatlens-signature"]), timestamp: String(r.headers["x-chatlens-timestamp"]) })).toBe(true);
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
