import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  LOCAL_SUFFIX,
  loadMigrations,
  renderStatement,
  SCHEMA_MIGRATIONS_DDL,
  GLOBAL_REPLICA_ARGS,
  SHARDING_KEY,
  shardedTablesOf,
  type DdlMode,
} from "@/clickhouse/migrate";
import { eventRow } from "../helpers/events";
import { useTestStore } from "../helpers/store";

/**
 * There is no ClickHouse server here: every DDL statement of every migration is
 * rendered for each mode and parsed by the embedded engine (formatQuery), and
 * the checks below read the engine's normalised text. The sharded schema is
 * also run for real, on a chDB process configured with a one-shard stand-in
 * of the cluster (ON CLUSTER and Replicated left out: no Keeper here).
 */
const store = useTestStore();

const CLUSTER = "chatlens";
const DATABASE = "chatlens";
const MODES = {
  single: {},
  replicated: { cluster: CLUSTER },
  sharded: { cluster: CLUSTER, sharded: true, database: DATABASE },
} satisfies Record<string, DdlMode>;
type ModeName = keyof typeof MODES;

/** Every statement migrate() runs in a mode: the bookkeeping table, then every migration. */
const rendered = (mode: DdlMode) => [
  ...renderStatement(SCHEMA_MIGRATIONS_DDL, mode),
  ...loadMigrations(mode).flatMap((m) => m.statements),
];

/**
 * formatQuery reads no table, so it binds no workspace: the exemption says so
 * to a store that checks tenancy, and a store without the check ignores it.
 */
const PARSE_ONLY = { report: "test:cluster-ddl", tenant: "exempt: formatQuery only parses a statement, it reads no table" };
type Query = (sql: string, params: { sql: string }, options: typeof PARSE_ONLY) => Promise<{ f: string }[]>;
const query = (...args: Parameters<Query>) => (store().query as unknown as Query).call(store(), ...args);

/** The engine's formatting of each statement of a mode; a statement that does not parse fails the test here. */
const formattedCache = new Map<ModeName, Promise<string[]>>();
function formatted(mode: ModeName): Promise<string[]> {
  if (!formattedCache.has(mode)) {
    formattedCache.set(
      mode,
      (async () => {
        const out: string[] = [];
        for (const sql of rendered(MODES[mode])) {
          try {
            const [row] = await query("SELECT formatQuery({sql:String}) AS f", { sql }, PARSE_ONLY);
            out.push(row.f);
          } catch (err) {
            throw new Error(`${mode}: does not parse: ${sql.slice(0, 300)}\n${(err as Error).message.slice(0, 400)}`);
          }
        }
        return out;
      })(),
    );
  }
  return formattedCache.get(mode)!;
}

const createdTable = (s: string) => /^CREATE TABLE (?:IF NOT EXISTS )?(\w+)/.exec(s)?.[1];
const isDdl = (s: string) => /^(CREATE|ALTER|DROP|RENAME|TRUNCATE)\b/.test(s);
const isMergeTreeTable = (s: string) => Boolean(createdTable(s)) && /\nENGINE = \w*MergeTree\b/.test(s);
const hasWorkspaceColumn = (s: string) => /\n {4}`workspace_id` /.test(s);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Tables a statement reads or writes: the names after FROM / JOIN / IN / TO / INTO (no functions). */
const tableRefs = (s: string) =>
  [...s.replace(/'(?:[^'\\]|\\.)*'/g, "''").matchAll(/\b(?:FROM|JOIN|IN|TO|INTO)\s+(\w+)\b(?!\s*\()/g)].map((m) => m[1]);

describe("cluster DDL: every migration statement in every mode", () => {
  it.each(Object.keys(MODES) as ModeName[])("%s: every statement parses, no placeholder is left", async (mode) => {
    const statements = await formatted(mode);
    expect(statements.length).toBe(rendered(MODES[mode]).length);
    expect(statements.length).toBeGreaterThan(40);
    for (const s of rendered(MODES[mode])) expect(s).not.toContain("${");
  });

  it("single node: no cluster, no replication, no sharding", async () => {
    const statements = await formatted("single");
    for (const s of statements) {
      expect(s, s.slice(0, 100)).not.toMatch(/ON CLUSTER|Replicated|Distributed|_local\b/);
    }
    // Sanity of the baseline the other modes are compared with.
    expect(statements.filter(isMergeTreeTable).map(createdTable)).toEqual(
      expect.arrayContaining(["schema_migrations", "events", "contact_state", "contact_tags", "campaign_recipients"]),
    );
  });

  it.each(["replicated", "sharded"] as const)("%s: every DDL runs ON CLUSTER, every table is Replicated or Distributed", async (mode) => {
    const statements = await formatted(mode);
    const ddl = statements.filter(isDdl);
    expect(ddl.length).toBeGreaterThan(40);
    for (const s of ddl) expect(s, s.slice(0, 100)).toMatch(new RegExp(`^\\w+ [^\\n]*?\\bON CLUSTER ${CLUSTER}\\b`));
    for (const s of statements.filter((s) => createdTable(s))) {
      const engine = /\nENGINE = `?(\w+)/.exec(s)?.[1];
      // A Null table stores nothing to replicate: views pass its rows on (control_wait_rows, 0041).
      if (mode === "replicated") expect(engine, s.slice(0, 100)).toMatch(/^(Replicated\w*MergeTree|Null)$/);
      else expect(engine, s.slice(0, 100)).toMatch(/^(Replicated\w*MergeTree|Distributed|Null)$/);
    }
  });

  it("replicated: the same statements as a single node, only ON CLUSTER and the engines differ", async () => {
    const single = await formatted("single");
    const replicated = await formatted("replicated");
    expect(replicated.length).toBe(single.length);
    replicated.forEach((s, i) => {
      expect(s.replace(` ON CLUSTER ${CLUSTER}`, "").replace(/ENGINE = Replicated/, "ENGINE = ")).toBe(single[i]);
    });
  });

  describe("sharded", () => {
    it("every workspace table is <name>_local (Replicated) plus a Distributed <name> over it, sharded by workspace_id", async () => {
      const single = await formatted("single");
      const sharded = await formatted("sharded");
      const tables = single.filter(isMergeTreeTable).filter(hasWorkspaceColumn);
      expect(tables.length).toBeGreaterThanOrEqual(25);
      expect(tables.map(createdTable)).toEqual(
        expect.arrayContaining(["events", "contact_state", "contact_tags", "contact_attributes", "campaign_recipients", "segments"]),
      );
      // A table a later migration makes anew (event_ids in 0030) is created once per migration: pair them in order.
      const seen = new Map<string, number>();
      const nth = (name: string, k: number) => sharded.map((s, i) => (createdTable(s) === name ? i : -1)).filter((i) => i >= 0)[k] ?? -1;
      for (const definition of tables) {
        const name = createdTable(definition)!;
        const k = seen.get(name) ?? 0;
        seen.set(name, k + 1);
        const local = nth(`${name}${LOCAL_SUFFIX}`, k);
        const distributed = nth(name, k);
        expect(local, `${name}${LOCAL_SUFFIX}`).toBeGreaterThanOrEqual(0);
        expect(distributed, `${name} after ${name}${LOCAL_SUFFIX}`).toBeGreaterThan(local);
        // The local table is the single-node definition, renamed and replicated (default replica path, per shard).
        expect(sharded[local]).toMatch(/\nENGINE = Replicated\w*MergeTree(\n|\((?!')|$)/);
        expect(
          sharded[local].replace(` ON CLUSTER ${CLUSTER}`, "").replace(`${name}${LOCAL_SUFFIX}`, name).replace("ENGINE = Replicated", "ENGINE = "),
        ).toBe(definition);

        expect(sharded[distributed]).toMatch(new RegExp(`^CREATE TABLE IF NOT EXISTS ${name} ON CLUSTER ${CLUSTER} AS ${name}${LOCAL_SUFFIX}\\n`));
        const engine = /\nENGINE = Distributed\('(\w+)', '(\w+)', '(\w+)', (.+)\)$/.exec(sharded[distributed]);
        expect(engine, sharded[distributed]).not.toBeNull();
        const [, cluster, database, target, key] = engine!;
        expect([cluster, database, target]).toEqual([CLUSTER, DATABASE, `${name}${LOCAL_SUFFIX}`]);
        // All of a workspace on one shard, whatever the table: its contact-level joins never cross shards.
        expect(key, name).toBe("cityHash64(workspace_id)");
        expect(key).toBe(SHARDING_KEY);
      }
    });

    it("tables of no workspace are copied whole to every node, with no Distributed table", async () => {
      const single = await formatted("single");
      const sharded = await formatted("sharded");
      const global = single.filter(isMergeTreeTable).filter((s) => !hasWorkspaceColumn(s));
      // A new table without workspace_id would be copied to every node: add it here only if that is meant.
      expect(global.map(createdTable).sort()).toEqual(["ended_sessions", "schema_migrations", "users"]);
      for (const definition of global) {
        const name = createdTable(definition)!;
        const created = sharded.filter((s) => [name, `${name}${LOCAL_SUFFIX}`].includes(createdTable(s)!));
        expect(created, name).toHaveLength(1);
        expect(created[0]).toMatch(new RegExp(`\\nENGINE = Replicated\\w*MergeTree\\(${escape(GLOBAL_REPLICA_ARGS)}[,)]`));
        // One replica group for the whole cluster: the path does not depend on the shard.
        expect(GLOBAL_REPLICA_ARGS.split(",")[0]).not.toContain("{shard}");
      }
    });

    it("materialized views read and write the local tables of their shard", async () => {
      const sharded = await formatted("sharded");
      const shardedNames = new Set((await formatted("single")).filter(isMergeTreeTable).filter(hasWorkspaceColumn).map(createdTable));
      // A Null table (stores nothing) hands a view's rows to the views on it, on the same node.
      const nullTables = new Set(sharded.filter((s) => /\nENGINE = `Null`/.test(s)).map(createdTable));
      const views = sharded.filter((s) => s.startsWith("CREATE MATERIALIZED VIEW"));
      expect(views.length).toBeGreaterThanOrEqual(15);
      for (const view of views) {
        const target = new RegExp(`ON CLUSTER ${CLUSTER} TO (\\w+)`).exec(view)?.[1];
        if (!nullTables.has(target)) expect(target, view.slice(0, 100)).toMatch(new RegExp(`${LOCAL_SUFFIX}$`));
        const refs = tableRefs(view);
        const source = refs.find((ref) => ref === `events${LOCAL_SUFFIX}` || nullTables.has(ref));
        expect(source, view.slice(0, 100)).toBeDefined();
        for (const ref of refs) expect(shardedNames.has(ref), `${view.slice(0, 60)} reads ${ref}`).toBe(false);
      }
      const waits = views.find((v) => v.includes("control_wait_rows_mv"))!;
      expect(tableRefs(waits)).toEqual(expect.arrayContaining(["new_control_events", `control_events${LOCAL_SUFFIX}`, `control_open${LOCAL_SUFFIX}`]));
    });

    it("ALTERs change the local tables; a column change reaches the Distributed table too, after them", async () => {
      const sharded = await formatted("sharded");
      const single = (await formatted("single")).filter(isMergeTreeTable);
      const shardedNames = new Set(single.filter(hasWorkspaceColumn).map(createdTable));
      const globalNames = new Set(single.filter((s) => !hasWorkspaceColumn(s)).map(createdTable));
      const alters = sharded.filter((s) => s.startsWith("ALTER TABLE"));
      const altered = (s: string) => /^ALTER TABLE (\w+)/.exec(s)![1];
      expect(alters.length).toBeGreaterThan(10);
      for (const [i, alter] of alters.entries()) {
        const table = altered(alter);
        if (table.endsWith(LOCAL_SUFFIX)) continue;
        // A table of no workspace (users) is one Replicated table on every node: altered as written, ON CLUSTER.
        if (globalNames.has(table)) {
          expect(alter).toMatch(new RegExp(`^ALTER TABLE ${table} ON CLUSTER ${CLUSTER}\\n`));
          continue;
        }
        expect(shardedNames.has(table), alter).toBe(true);
        // Only column commands on a Distributed table, next to the same on the local
        // one: after it, or before it for a DROP.
        expect(alter, alter).toMatch(new RegExp(`ON CLUSTER ${CLUSTER}\\n\\s+\\((ADD|DROP|MODIFY|RENAME|COMMENT) COLUMN`));
        const onLocal = alter.replace(`ALTER TABLE ${table} `, `ALTER TABLE ${table}${LOCAL_SUFFIX} `);
        expect(alters[/\(DROP COLUMN/.test(alter) ? i + 1 : i - 1], alter).toBe(onLocal);
      }
      // Projections and settings are the local tables' only.
      const projections = alters.filter((s) => /PROJECTION|MODIFY SETTING/.test(s));
      expect(projections.length).toBeGreaterThanOrEqual(4);
      for (const s of projections) expect(altered(s)).toMatch(new RegExp(`${LOCAL_SUFFIX}$`));
      expect(alters.map(altered)).toEqual(expect.arrayContaining(["events", `events${LOCAL_SUFFIX}`, `segments${LOCAL_SUFFIX}`]));
    });

    it("backfills run once through the Distributed tables, synchronously, the SELECT on one node", async () => {
      const sharded = await formatted("sharded");
      const inserts = sharded.filter((s) => s.startsWith("INSERT"));
      expect(inserts.length).toBeGreaterThanOrEqual(7);
      for (const insert of inserts) {
        expect(insert).toMatch(/^INSERT INTO \w+( \([^)]*\))?\nSETTINGS distributed_foreground_insert = 1, parallel_distributed_insert_select = 0\n/);
        // Reads and the emptiness guard see the whole cluster, so the guard means "nothing anywhere yet".
        for (const ref of tableRefs(insert)) expect(ref, insert.slice(0, 80)).not.toMatch(new RegExp(`${LOCAL_SUFFIX}$`));
      }
    });

    it("refuses what it has no rule for instead of rendering it wrong", () => {
      const mode = MODES.sharded;
      const tables = shardedTablesOf(["CREATE TABLE events ${ON_CLUSTER} (workspace_id String) ENGINE = ${REPLICATED}MergeTree ORDER BY workspace_id"]);
      expect([...tables]).toEqual(["events"]);
      expect(() => renderStatement("RENAME TABLE events TO events_old ${ON_CLUSTER}", mode, tables)).toThrow(/sharded/);
      expect(() =>
        renderStatement("CREATE MATERIALIZED VIEW v ${ON_CLUSTER} ENGINE = ${REPLICATED}MergeTree ORDER BY a AS SELECT a FROM events", mode, tables),
      ).toThrow(/TO <table>/);
      expect(() =>
        renderStatement("ALTER TABLE events ${ON_CLUSTER} ADD COLUMN x String, MODIFY SETTING index_granularity = 1024", mode, tables),
      ).toThrow(/split it/);
      expect(renderStatement("DROP TABLE IF EXISTS events ${ON_CLUSTER}", mode, tables)).toEqual([
        `DROP TABLE IF EXISTS events ON CLUSTER '${CLUSTER}'`,
        `DROP TABLE IF EXISTS events${LOCAL_SUFFIX} ON CLUSTER '${CLUSTER}'`,
      ]);
    });

    it("runs on a one-shard stand-in cluster: every statement executes, events inserted through `events` reach the views' local tables", () => {
      // The stand-in's database is chDB's `default`.
      const statements = rendered({ ...MODES.sharded, database: "default" }).map((s) =>
        s
          .replaceAll(` ON CLUSTER '${CLUSTER}'`, "")
          .replace(`(${GLOBAL_REPLICA_ARGS}, `, "(")
          .replace(`(${GLOBAL_REPLICA_ARGS})`, "")
          .replace(/ENGINE = Replicated(\w*MergeTree)/g, "ENGINE = $1"),
      );
      const at = (minutes: number) => Date.parse("2026-03-01T10:00:00Z") + minutes * 60_000;
      const events = [
        { workspace_id: "ws-a", contact: "+919800000001", type: "message.inbound", ts: at(0), text: "hello" },
        { workspace_id: "ws-a", contact: "+919800000001", type: "intervention.requested", ts: at(1), text: "refund please" },
        { workspace_id: "ws-a", contact: "+919800000001", type: "agent.intervened", ts: at(5), actor_id: "agent-1" },
        { workspace_id: "ws-a", contact: "+919800000001", type: "tag.added", ts: at(6), tag: "vip", tag_kind: "manual", tag_origin: "manual" },
        { workspace_id: "ws-b", contact: "+919800000002", type: "message.inbound", ts: at(2), text: "hi" },
      ].map((e) => eventRow(e));

      const dir = mkdtempSync(path.join(tmpdir(), "chatlens-cluster-"));
      try {
        const child = spawnSync(process.execPath, ["--input-type=module", "-e", STAND_IN_SCRIPT], {
          cwd: REPO_ROOT,
          input: JSON.stringify({ dir, cluster: CLUSTER, statements, events }),
          encoding: "utf8",
          timeout: 90_000,
        });
        expect(child.status, child.stderr).toBe(0);
        const result = JSON.parse(child.stdout.trim().split("\n").pop()!) as {
          failed: { sql: string; error: string }[];
          engines: Record<string, string>;
          counts: Record<string, number>;
          rerunCounts: Record<string, number>;
        };
        expect(result.failed).toEqual([]);
        const split = Object.keys(result.engines).filter((name) => result.engines[`${name}${LOCAL_SUFFIX}`]);
        expect(split.length).toBeGreaterThanOrEqual(25);
        for (const name of split) {
          expect(result.engines[name], name).toBe("Distributed");
          expect(result.engines[`${name}${LOCAL_SUFFIX}`], name).toMatch(/MergeTree$/);
        }
        expect(result.counts).toEqual({
          events_local: 5,
          event_ids_local: 5,
          contact_state_local: 2,
          contact_tags_local: 1,
          control_events_local: 2,
          control_waits_local: 1,
          // one 15-minute bucket per workspace: ws-a's four types of event, ws-b's one
          event_buckets_local: 5,
          // read through the Distributed tables, contact-level IN resolved on the shard
          contacts_with_tags: 1,
          wait_ms: 4 * 60_000,
          last_read_send: Date.parse("2026-03-02T10:00:00Z") / 1000,
        });
        // The backfills, run again over the filled tables, add nothing.
        expect(result.rerunCounts).toEqual({ control_events: 2, control_state: 1, control_waits: 1 });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);
  });
});

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Runs in its own process (chDB binds one data directory per process). The
 * cluster is one shard on localhost; `tcp_port` only lets the engine see that
 * shard as itself, so Distributed reads and writes go straight to the local
 * tables without a network hop (nothing listens).
 */
const STAND_IN_SCRIPT = `
import { Session } from "chdb";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
const { dir, cluster, statements, events } = JSON.parse(readFileSync(0, "utf8"));
const config = path.join(dir, "config.xml");
writeFileSync(config, \`<clickhouse><tcp_port>9000</tcp_port><remote_servers><\${cluster}><shard><internal_replication>true</internal_replication>
  <replica><host>localhost</host><port>9000</port></replica></shard></\${cluster}></remote_servers>
  <macros><shard>1</shard><replica>r1</replica></macros></clickhouse>\`);
const session = new Session(path.join(dir, "data"), { connectionArgs: ["--config-file=" + config] });
const value = (sql) => Number(session.query(sql, "TSV").trim());
const failed = [];
for (const sql of statements) {
  try { session.query(sql); } catch (e) { failed.push({ sql: sql.slice(0, 200), error: String(e.message).slice(0, 300) }); }
}
const engines = {};
for (const line of session.query("SELECT name, engine FROM system.tables WHERE database = currentDatabase()", "TSV").trim().split("\\n")) {
  const [name, engine] = line.split("\\t");
  engines[name] = engine;
}
const counts = {};
if (failed.length === 0) {
  session.query("INSERT INTO events SETTINGS distributed_foreground_insert = 1 FORMAT JSONEachRow " + events.map((e) => JSON.stringify(e)).join("\\n"));
  for (const t of ["events", "event_ids", "contact_state", "contact_tags", "control_events", "control_waits", "event_buckets"]) {
    counts[t + "_local"] = value("SELECT count() FROM " + t + "_local");
  }
  counts.contacts_with_tags = value("SELECT count() FROM contact_state WHERE (workspace_id, contact) IN (SELECT workspace_id, contact FROM contact_tags) SETTINGS distributed_product_mode = 'local'");
  counts.wait_ms = value("SELECT wait_ms FROM control_waits FINAL");
  // A contacts row written through the Distributed table, as the rounds' refresh writes it: the shard computes its MATERIALIZED send of the latest read campaign.
  session.query("INSERT INTO contacts (workspace_id, contact, campaign_sent, campaign_read, version) SETTINGS distributed_foreground_insert = 1 VALUES ('ws-a', '+919800000003', ['2026-03-01 10:00:00', '2026-03-02 10:00:00', '2026-03-03 10:00:00'], [0, 1, 0], 1)");
  counts.last_read_send = value("SELECT toUnixTimestamp(last_read_send) FROM contacts WHERE contact = '+919800000003'");
}
const rerunCounts = {};
if (failed.length === 0) {
  // Only into tables still there: a later migration may drop one (0018 drops daily_conversations).
  for (const sql of statements.filter((s) => s.startsWith("INSERT") && engines[/^INSERT\\s+INTO\\s+(\\w+)/.exec(s)[1]])) session.query(sql);
  for (const t of ["control_events", "control_state", "control_waits"]) rerunCounts[t] = value("SELECT count() FROM " + t + (t === "control_events" ? "" : " FINAL"));
}
session.close();
console.log(JSON.stringify({ failed, engines, counts, rerunCounts }));
`;
