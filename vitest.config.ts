import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@/": root,
      // Tests are server code: `import "server-only"` is the marker for that, not an error here.
      "server-only": `${root}node_modules/server-only/empty.js`,
    },
  },
  test: {
    environment: "node",
    // Session cookies are signed with it; set here so no test writes .data/auth-secret.
    env: { NEXTAUTH_SECRET: "chatlens-test-secret-not-for-production" },
    // chDB binds one data directory per process: every test file gets its
    // own process (forks + isolate) and its own temp directory.
    pool: "forks",
    isolate: true,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/unit/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
