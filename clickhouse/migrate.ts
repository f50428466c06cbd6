import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Store } from "./client";

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

/**
 * Reads `NNNN_name.sql` files. `${ON_CLUSTER}` and `${REPLICATED}` in them are
 * the only difference between a single node and a cluster: they become
 * `ON CLUSTER '<name>'` and the `Replicated` engine prefix when a cluster is
 * configured, and nothing otherwise.
 */
export function loadMigrations(cluster?: string): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(path.join(MIGRATIONS_DIR, file), "utf8")
        .replaceAll("${ON_CLUSTER}", cluster ? `ON CLUSTER '${cluster}'` : "")
        .replaceAll("${REPLICATED}", cluster ? "Replicated" : "");
      const statements = sql
        .split(/;\s*(?:\n|$)/)
        .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
        .filter(Boolean);
      return { version: Number(file.slice(0, 4)), name: file.replace(/\.sql$/, ""), statements };
    });
}

/** Migrations and their bookkeeping change the store of every workspace at once. */
const MIGRATING = "exempt: a migration changes the schema of every workspace";

/** Applies the migrations not yet recorded. Every statement is idempotent, so a run cut short is safe to repeat. */
export async function migrate(store: Store, log: (line: string) => void = () => {}): Promise<number> {
  const cluster = store.cluster;
  const onCluster = cluster ? `ON CLUSTER '${cluster}'` : "";
  await store.ensureDatabase();
  await store.command(
    `CREATE TABLE IF NOT EXISTS schema_migrations ${onCluster}
     (version UInt32, name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
     ENGINE = ${cluster ? "Replicated" : ""}ReplacingMergeTree ORDER BY version`,
    {},
    { report: "migrate:schema-migrations", tenant: MIGRATING },
  );
  const applied = new Set(
    (
      await store.query<{ version: number }>("SELECT version FROM schema_migrations", {}, { report: "migrate:applied", tenant: MIGRATING })
    ).map((r) => Number(r.version)),
  );
  let count = 0;
  for (const migration of loadMigrations(cluster)) {
    if (applied.has(migration.version)) continue;
    const report = `migrate:${migration.name}`;
    for (const statement of migration.statements) await store.command(statement, {}, { report, tenant: MIGRATING });
    await store.insert("schema_migrations", [{ version: migration.version, name: migration.name }], { report, tenant: MIGRATING });
    log(`applied migration ${migration.name}`);
    count++;
  }
  return count;
}
