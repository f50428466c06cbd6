import path from "node:path";
import { z } from "zod";

/** Store settings, read once from the environment and validated. */
const schema = z.object({
  CLICKHOUSE_URL: z.url().optional(),
  CLICKHOUSE_USER: z.string().default("default"),
  CLICKHOUSE_PASSWORD: z.string().default(""),
  CLICKHOUSE_DATABASE: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be a plain database name").default("chatlens"),
  CLICKHOUSE_CLUSTER: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "must be a plain cluster name").optional(),
  // With a cluster: every table of a workspace becomes `<name>_local`
  // (Replicated, on each shard) under a Distributed `<name>` sharded by
  // workspace_id. See clickhouse/migrate.ts and "Beyond one machine" in the README.
  CLICKHOUSE_SHARDED: z.preprocess((v) => (v === "" ? undefined : v), z.stringbool().default(false)),
  CHATLENS_DATA_DIR: z.string().default(".data"),
  CHATLENS_CHDB_POOL: z.coerce.number().int().min(1).max(32).default(4),
});

export type StoreConfig =
  | { kind: "embedded"; dataDir: string; poolSize: number; cluster?: undefined }
  | { kind: "server"; url: string; user: string; password: string; database: string; cluster?: string; sharded?: boolean };

export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid ClickHouse configuration: ${problems}`);
  }
  const e = parsed.data;
  if (e.CLICKHOUSE_SHARDED && !e.CLICKHOUSE_CLUSTER) {
    throw new Error("Invalid ClickHouse configuration: CLICKHOUSE_SHARDED needs CLICKHOUSE_CLUSTER (the cluster to shard over)");
  }
  if (e.CLICKHOUSE_URL) {
    return {
      kind: "server",
      url: e.CLICKHOUSE_URL,
      user: e.CLICKHOUSE_USER,
      password: e.CLICKHOUSE_PASSWORD,
      database: e.CLICKHOUSE_DATABASE,
      cluster: e.CLICKHOUSE_CLUSTER,
      sharded: e.CLICKHOUSE_SHARDED,
    };
  }
  return { kind: "embedded", dataDir: path.resolve(e.CHATLENS_DATA_DIR), poolSize: e.CHATLENS_CHDB_POOL };
}
