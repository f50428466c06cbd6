import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// Not a browser test: it kills the built server with SIGKILL right after an
// acknowledged batch and checks, after a restart, that every event is there.
const PORT = 3201;
const BASE = `http://127.0.0.1:${PORT}`;
const KEY = "crash-test-key-0123456789";

function startServer(dataDir: string): ChildProcess {
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", CHATLENS_DATA_DIR: dataDir, CHATLENS_DEMO_API_KEY: KEY, NEXTAUTH_URL: BASE },
    stdio: "ignore",
  });
}

/** Until the server answers its health check (a refused connection means it is not up yet). */
async function waitHealthy() {
  const healthy = () => fetch(`${BASE}/api/health`).then((res) => res.ok, () => false);
  await expect.poll(healthy, { message: "the server did not come up", timeout: 60_000 }).toBe(true);
}

async function waitExit(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((r) => child.once("exit", r));
}

function batch(n: number, from: number) {
  return Array.from({ length: n }, (_, i) => ({
    event_id: `crash-${from + i}`,
    type: "message.inbound",
    contact: `+9199${String(10_000_000 + ((from + i) % 5000))}`,
    ts: new Date(Date.UTC(2026, 10, 1) + (from + i) * 1000).toISOString(),
    text: `message ${from + i}`,
  }));
}

const post = (events: object[]) =>
  fetch(`${BASE}/api/v1/events`, { method: "POST", headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" }, body: JSON.stringify(events) });

test("every acknowledged event survives a SIGKILL of the server", async () => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "chatlens-crash-"));
  let server = startServer(dataDir);
  try {
    await waitHealthy();
    const acknowledged: object[][] = [];
    for (let b = 0; b < 5; b++) {
      const events = batch(2000, b * 2000);
      const res = await post(events);
      expect(res.status).toBe(200);
      expect((await res.json()).stored).toBe(2000);
      acknowledged.push(events);
    }
    // Kill it the moment the last answer arrived: no graceful shutdown, no flush.
    server.kill("SIGKILL");
    await waitExit(server);

    server = startServer(dataDir);
    await waitHealthy();
    for (const events of acknowledged) {
      const res = await post(events);
      // Every acknowledged event is already stored, so the retry stores nothing.
      expect(await res.json()).toMatchObject({ stored: 0, duplicates: events.length });
    }
  } finally {
    server.kill("SIGKILL");
    await waitExit(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
