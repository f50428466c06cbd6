/**
 * `npm start`: build once if there is no production build, load the demo
 * workspace if it is missing, then run the Next.js server and say where to
 * sign in. The demo is loaded in a child process that exits before the server
 * starts, because only one process may hold the embedded store's directory.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.PORT ?? "3000";
// Not HOSTNAME: container runtimes set it to the container's own name.
const host = process.env.CHATLENS_HOST ?? "0.0.0.0";
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  // The build would otherwise try to phone home; this machine may have no network.
  NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
};
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const tsxBin = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0])} exited with ${code}`))));
  });
}

async function waitForHealth(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

/** Newest modification time below `dir` (or of the file itself), in ms. */
function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** The sources a production build is made of; a change to any of them makes the build stale. */
const BUILD_INPUTS = ["app", "components", "server", "clickhouse", "proxy.ts", "instrumentation.ts", "next.config.mjs", "package-lock.json"];

function buildState(): "missing" | "stale" | "fresh" {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "missing";
  const builtAt = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.some((p) => newestMtime(path.join(root, p)) > builtAt) ? "stale" : "fresh";
}

async function main() {
  const state = buildState();
  if (state !== "fresh") {
    // After a `git pull` the old build would otherwise be served without a word.
    console.log(
      state === "missing"
        ? "[chatlens] no production build yet: building (first start only)…"
        : "[chatlens] the code changed since the last build: building again…",
    );
    await run([nextBin, "build"]);
  }
  if (process.env.CHATLENS_DEMO !== "0") {
    await run([tsxBin, path.join(root, "scripts", "demo.ts"), "--if-missing", "--size", process.env.CHATLENS_DEMO_SIZE ?? "default"]);
  }
  const server = spawn(process.execPath, [nextBin, "start", "-p", port, "-H", host], { cwd: root, env, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

  const url = `http://localhost:${port}`;
  if (await waitForHealth(`${url}/api/health`, 120_000)) {
    console.log(`\n[chatlens] ready on ${url}`);
    if (process.env.CHATLENS_DEMO !== "0") {
      console.log("[chatlens] sign in as admin@demo.chatlens.dev with password chatlens-demo");
      console.log("[chatlens] (or marketer@, manager@, analyst@demo.chatlens.dev — same password)\n");
    }
  }
}

main().catch((err) => {
  console.error(`[chatlens] ${(err as Error).message}`);
  process.exit(1);
});
