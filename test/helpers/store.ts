import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createStore, setStore, type Store } from "@/clickhouse/client";
import { migrate } from "@/clickhouse/migrate";

/**
 * A migrated embedded store on a fresh temp directory for the current test
 * file. chDB allows one data directory per process, so call it once per file.
 * Nothing is truncated between tests: tests use random workspace ids.
 */
export function useTestStore(): () => Store {
  let store: Store | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "chatlens-test-"));
    store = createStore({ kind: "embedded", dataDir, poolSize: 4 });
    await migrate(store);
    setStore(store);
  });

  afterAll(async () => {
    setStore(undefined);
    await store?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  return () => {
    if (!store) throw new Error("useTestStore(): the store exists only inside tests and hooks");
    return store;
  };
}
