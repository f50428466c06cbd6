import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// E2E_PORT lets several checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
// A fixed path, emptied by the web server command itself: this file is also
// loaded by every worker process, which must not touch the running server's data.
const dataDir = path.join(tmpdir(), `chatlens-e2e-${PORT}`);

export default defineConfig({
  testDir: "test/e2e",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          // Playwright's own browsers cannot be downloaded here; Debian's Chromium is used instead.
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `rm -rf '${dataDir}' && npm start`,
    url: `${baseURL}/api/health`,
    timeout: 5 * 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(PORT),
      CHATLENS_HOST: "127.0.0.1",
      CHATLENS_DATA_DIR: dataDir,
      CHATLENS_DEMO_SIZE: "small",
      NEXTAUTH_URL: baseURL,
      // Lets a spec sign webhook deliveries (test/e2e/manage.spec.ts).
      WHATSAPP_APP_SECRET: "e2e-app-secret",
      // Lets a spec's receiver on 127.0.0.1 take segment syncs from the production build (test/e2e/segment-sync.spec.ts).
      CHATLENS_SYNC_ALLOW_LOOPBACK: "1",
    },
  },
});
