import { describe, expect, it } from "vitest";
import { loadMigrations, migrate } from "@/clickhouse/migrate";
import { useTestStore } from "../helpers/store";

const EXPECTED_TABLES = [
  "schema_migrations",
  "workspaces",
  "users",
  "memberships",
  "api_keys",
  "tag_definitions",
  "attribute_definitions",
  "segments",
  "events",
  "event_ids",
  "contact_state",
  "contact_tags",
  "contact_attributes",
  "campaigns",
  "campaign_recipients",
  "outbound_messages",
  "control_events",
  "control_state",
  "event_buckets",
  "wait_buckets",
  "contact_buckets",
  "conversation_gaps",
  "control_waits",
  "control_open",
  "request_terms",
  "webhook_rejections",
];

const statementsOf = (cluster?: string) => loadMigrations(cluster).flatMap((m) => m.statements);
const createTables = (cluster?: string) => statementsOf(cluster).filter((s) => /^CREATE TABLE/i.test(s));

const SCHEMA_READ = { report: "migrations-test", tenant: "exempt: reads the schema, not a workspace" } as const;

describe("migrations", () => {
  const store = useTestStore();

  it("a second run applies nothing", async () => {
    // useTestStore already ran them once.
    expect(await migrate(store())).toBe(0);
    const applied = await store().query<{ version: number }>("SELECT version FROM schema_migrations FINAL ORDER BY version", {}, SCHEMA_READ);
    expect(applied.map((r) => Number(r.version))).toEqual(loadMigrations().map((m) => m.version));
  });

  it("creates the expected tables and views", async () => {
    const rows = await store().query<{ name: string; engine: string }>(
      "SELECT name, engine FROM system.tables WHERE database = currentDatabase()",
      {},
      SCHEMA_READ,
    );
    const names = rows.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(EXPECTED_TABLES));
    const views = rows.filter((r) => r.engine === "MaterializedView").map((r) => r.name);
    expect(views).toEqual(
      expect.arrayContaining(["event_ids_mv", "contact_state_mv", "contact_tags_mv", "event_buckets_mv"]),
    );
  });

  it("numbers migrations uniquely and in order", () => {
    const versions = loadMigrations().map((m) => m.version);
    expect(versions.length).toBeGreaterThan(0);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
  });

  it("on a cluster, every statement runs ON CLUSTER and every table is replicated", () => {
    const statements = statementsOf("my_cluster");
    const tables = createTables("my_cluster");
    expect(tables.length).toBeGreaterThanOrEqual(EXPECTED_TABLES.length - 1);
    for (const s of statements.filter((s) => /^CREATE /i.test(s))) {
      expect(s, s.slice(0, 80)).toContain("ON CLUSTER 'my_cluster'");
    }
    // A Null table (control_wait_rows, 0041) stores nothing to replicate.
    for (const s of tables) {
      expect(s, s.slice(0, 80)).toMatch(/ENGINE\s*=\s*(Replicated\w*MergeTree\b|Null\b)/);
    }
    expect(statements.join("\n")).not.toContain("${");
  });

  it("on a single node, no statement mentions a cluster or replication", () => {
    const statements = statementsOf();
    const tables = createTables();
    expect(tables.length).toBe(createTables("my_cluster").length);
    for (const s of statements) {
      expect(s, s.slice(0, 80)).not.toMatch(/ON CLUSTER|Replicated/);
    }
    for (const s of tables) expect(s, s.slice(0, 80)).toMatch(/ENGINE\s*=\s*(\w*MergeTree|Null)\b/);
    expect(statements.join("\n")).not.toContain("${");
  });
});
