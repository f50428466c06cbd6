/**
 * `npm start`: build once if there is no production build, load the demo
 * workspace if it is missing, then run the Next.js server and say where to
 * sign in. The demo is loaded in a child process that exits before the server
 * starts, because only one process may hold the embedded store's directory.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
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

async function main() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("[chatlens] no production build yet: building (first start only)…");
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
