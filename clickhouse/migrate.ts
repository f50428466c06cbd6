import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Store } from "./client";
import { rebuildAllContacts, rebuildAllReadModels } from "./queries/read-models";
import { backfillAllOptEvents } from "./queries/opt-outs-backfill";
import { backfillRecipientOptOuts } from "./queries/recipients-opt-outs-backfill";
import { linkAllEarlierStatuses } from "./queries/status-links";
import { backfillCampaignBillable } from "./queries/campaign-cost";
import { rebuildAllUnresolvedSummaries } from "./queries/unresolved-summaries";
import { storeConfigFromEnv } from "./config";

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

/**
 * Where the schema is created.
 *
 * - single node (no cluster): the statements as written, placeholders empty;
 * - `cluster`: every DDL runs `ON CLUSTER '<cluster>'` and every MergeTree
 *   engine is its `Replicated` twin (one shard, any number of replicas);
 * - `cluster` + `sharded`: as above, and every table of a workspace is split
 *   in two, a local table per shard under a Distributed one, so the data
 *   spreads over several shards; the tables of no workspace are copied to
 *   every node (see {@link renderStatement}).
 */
export interface DdlMode {
  cluster?: string;
  sharded?: boolean;
  /** The database the Distributed tables point into; required when sharded (migrate() asks the server). */
  database?: string;
}

/** On a sharded cluster, `<name>` is the Distributed table and `<name>_local` the storage on each shard. */
export const LOCAL_SUFFIX = "_local";

/** How a sharded cluster spreads every table that belongs to a workspace (see shardedTablesOf). */
export const SHARDING_KEY = "cityHash64(workspace_id)";

/**
 * Replication arguments of a table that belongs to no workspace (`users`,
 * `schema_migrations`) on a sharded cluster: one replica group spanning every
 * node, where the server default (`/clickhouse/tables/{uuid}/{shard}`,
 * `{replica}`) would make one group per shard.
 */
export const GLOBAL_REPLICA_ARGS = "'/clickhouse/tables/{uuid}/global', '{shard}-{replica}'";

/** The migrations bookkeeping table; migrate() creates it before anything else, rendered like a migration. */
export const SCHEMA_MIGRATIONS_DDL = `CREATE TABLE IF NOT EXISTS schema_migrations \${ON_CLUSTER}
(version UInt32, name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
ENGINE = \${REPLICATED}ReplacingMergeTree ORDER BY version`;

/**
 * Settings of a migration's INSERT on a sharded cluster (a backfill, or seed
 * rows): written through the Distributed tables, synchronously, and with the
 * whole SELECT run by the node that runs the migration. See renderStatement.
 */
const SHARDED_INSERT_SETTINGS = "distributed_foreground_insert = 1, parallel_distributed_insert_select = 0";

const CREATE_TABLE = /^(CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?)(\w+)\b/i;
const MERGE_TREE_ENGINE = /\bENGINE\s*=\s*(?:\$\{REPLICATED\}|Replicated)?\w*MergeTree\b/i;
const CREATE_MV = /^CREATE\s+MATERIALIZED\s+VIEW\b/i;
const ALTER_TABLE = /^(ALTER\s+TABLE\s+)(\w+)\b([\s\S]*)$/i;
const ON_CLUSTER_CLAUSE = /^\s*ON\s+CLUSTER\s+'[^']*'/i;
const INSERT_HEAD = /^(INSERT\s+INTO\s+(?:TABLE\s+)?\w+\s*(?:\([^()]*\))?)\s*([\s\S]*)$/i;
const DROP_TABLE = /^(DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?)(\w+)\b/i;
/** Statements that act on one table's stored parts: on a sharded cluster they act on `<name>_local`. */
const STORAGE_STATEMENT = /^((?:TRUNCATE\s+(?:TABLE\s+)?|OPTIMIZE\s+TABLE\s+|DELETE\s+FROM\s+|UPDATE\s+)(?:IF\s+EXISTS\s+)?)(\w+)\b/i;
/** A table named after FROM / JOIN / IN / TO (not a function, not `db.table`); string literals and comments match first and are kept. */
const TABLE_REFERENCE = /'(?:[^'\\]|\\.)*'|`[^`]*`|--[^\n]*|\b(FROM|JOIN|IN|TO)(\s+)(\w+)\b(?!\s*[.(])/gi;
/** ALTER commands a Distributed table takes too (its column list must follow the local table's). */
const COLUMN_COMMAND = /^(ADD|DROP|MODIFY|RENAME|COMMENT)\s+COLUMN\b/i;

/**
 * The MergeTree-family tables these statements create that a sharded cluster
 * spreads over its shards: every table with a workspace_id column, all by the
 * same key, {@link SHARDING_KEY}. The others (`users`, `schema_migrations`:
 * small, read by id or whole, by no workspace) are copied to every node
 * instead, with {@link GLOBAL_REPLICA_ARGS}.
 *
 * Why the workspace alone and not (workspace_id, contact): every table is then
 * placed by the same key, so all of one workspace, with all of its contacts,
 * sits on one shard. A segment's joins of contact_state, contact_tags,
 * contact_attributes and campaign_recipients, a journey, a materialized view
 * reading another table (control_wait_rows_mv reads control_events) never leave
 * that shard: with distributed_product_mode = 'local' (docs/cluster sets it)
 * the IN / JOIN subqueries of a query on a Distributed table read the local
 * tables of each shard, which is exact only because every workspace's rows
 * of every table are on the same shard; and a join with `users` finds every
 * user on every node. Hashing the contact as well would scatter a workspace
 * over every shard and turn each of those joins into a cross-shard shuffle
 * (or a wrong answer). The price: one workspace cannot outgrow one shard (its
 * replicas share its reads).
 */
export function shardedTablesOf(statements: readonly string[]): Set<string> {
  const tables = new Set<string>();
  for (const statement of statements) {
    const name = CREATE_TABLE.exec(statement)?.[2];
    if (!name || !MERGE_TREE_ENGINE.test(statement)) continue;
    const columns = splitTopLevel(statement.slice(statement.indexOf("(") + 1)).map((c) => c.split(/\s/)[0]);
    if (columns.includes("workspace_id")) tables.add(name);
  }
  return tables;
}

/**
 * Renders one migration statement, written with `${ON_CLUSTER}` and
 * `${REPLICATED}` placeholders, for a mode; returns the statements to run, in
 * order. Single node and replicated cluster: the placeholders filled in, one
 * statement. A sharded cluster (`tables`: the sharded tables of all
 * migrations, from shardedTablesOf) rewrites by statement kind:
 *
 * - CREATE TABLE t … ENGINE = …MergeTree, t sharded: `t_local` with that
 *   definition (Replicated, on every node; the server's default replica path
 *   has the `{shard}` macro, so each shard's replicas hold its part), then
 *   `t AS t_local ENGINE = Distributed(cluster, database, 't_local',
 *   cityHash64(workspace_id))`. The app reads and writes `t` as before.
 *   A MergeTree table with no workspace_id keeps its name and gets
 *   GLOBAL_REPLICA_ARGS: a full copy on every node, never behind a Distributed
 *   table (which would read it once per shard).
 * - CREATE MATERIALIZED VIEW v TO t AS SELECT … FROM s: `TO t_local` and every
 *   table the SELECT names (after FROM / JOIN / IN) becomes its `_local`. A view
 *   fires on inserts into the table it reads, and an insert into the
 *   Distributed `events` reaches a shard as an insert into its `events_local`:
 *   the view on that node (one replica of the shard) turns the block into rows
 *   of `t_local` there, and replication copies them to the other replicas (a
 *   replica fetching parts fires no view, so nothing is counted twice). Since
 *   `t` is spread by the same key as `events`, those rows are on the shard a
 *   read of `t` looks for them; a view reading the Distributed `t` or writing
 *   into it would instead re-route every block over the network, and a view
 *   that reads another table (control_wait_rows_mv reads control_open and
 *   control_events) finds the chat's state and history on its own shard. A
 *   view may write a Null table instead (control_wait_rows, 0041: one
 *   statement's rows for two tables), which is created as written on every
 *   node: the views on it run on the node the block reached and write its
 *   local tables.
 * - ALTER TABLE t: on `t_local` ON CLUSTER (settings, projections, mutations
 *   concern the stored parts only); a column change (ADD / DROP / MODIFY /
 *   RENAME / COMMENT COLUMN) runs on the Distributed `t` as well, after the
 *   local tables (before them for DROP), so `t` never lists a column the
 *   shards lack. One ALTER may not mix the two kinds.
 * - INSERT INTO t … (a backfill): left on the Distributed tables, run once from
 *   the migrating node with `distributed_foreground_insert = 1` (the rows are
 *   on their shards before the next statement, which may read them) and
 *   `parallel_distributed_insert_select = 0`. The SELECT reads every shard and
 *   the insert routes each row by the workspace key, i.e. back to the shard it
 *   was derived on. Running it per shard on the `_local` tables instead (what
 *   parallel_distributed_insert_select = 2 does when the SELECT is a plain read
 *   of one Distributed table) would break the backfills' "only while the table
 *   is empty" guard: it counts the Distributed table, so the first shard to
 *   finish would make the others skip their part. Backfills run once, on an
 *   upgrade, so reading through one node is an acceptable cost.
 * - DROP TABLE t: the Distributed `t`, then `t_local`. TRUNCATE, OPTIMIZE,
 *   DELETE FROM, UPDATE: on `t_local`.
 * - Anything else that names a sharded table (RENAME, EXCHANGE, a view with
 *   its own inner table…) is refused with an error, so a new kind of
 *   statement gets a rule here rather than a silently wrong schema.
 */
export function renderStatement(statement: string, mode: DdlMode = {}, tables?: ReadonlySet<string>): string[] {
  const cluster = mode.cluster;
  const onCluster = cluster ? `ON CLUSTER '${cluster}'` : "";
  const filled = statement.replaceAll("${ON_CLUSTER}", onCluster).replaceAll("${REPLICATED}", cluster ? "Replicated" : "");
  if (!cluster || !mode.sharded) return [filled];

  const sharded = tables ?? shardedTablesOf([statement]);
  const local = (name: string) => (sharded.has(name) ? `${name}${LOCAL_SUFFIX}` : name);
  const refuse = (why: string): never => {
    throw new Error(`Cannot render for a sharded cluster (${why}): ${filled.slice(0, 160)}`);
  };

  const create = CREATE_TABLE.exec(filled);
  if (create && sharded.has(create[2])) {
    const [, head, name] = create;
    if (/\bAS\s+(?:SELECT|WITH)\b/i.test(filled)) refuse("CREATE TABLE … AS SELECT");
    if (!mode.database) refuse("the database of the Distributed tables is not known");
    return [
      filled.replace(CREATE_TABLE, `$1${local(name)}`),
      `${head}${name} ${onCluster} AS ${local(name)}\n` +
        `ENGINE = Distributed('${cluster}', '${mode.database}', '${local(name)}', ${SHARDING_KEY})`,
    ];
  }
  if (create) {
    // A MergeTree table of no workspace, copied to every node: explicit
    // replication arguments, unless the statement has its own. Other engines as written.
    return [
      filled.replace(
        /\b(ENGINE\s*=\s*Replicated\w*MergeTree)\b(?:\(\s*([^()]*?)\s*\))?/i,
        (engine, head: string, args?: string) =>
          args?.startsWith("'") ? engine : `${head}(${GLOBAL_REPLICA_ARGS}${args ? `, ${args}` : ""})`,
      ),
    ];
  }

  if (CREATE_MV.test(filled)) {
    if (!/\bTO\s+\w+/i.test(filled)) refuse("a materialized view needs TO <table>");
    return [
      filled.replace(TABLE_REFERENCE, (all, keyword?: string, space?: string, name?: string) =>
        keyword && name ? `${keyword}${space}${local(name)}` : all,
      ),
    ];
  }

  const alter = ALTER_TABLE.exec(filled);
  if (alter && sharded.has(alter[2])) {
    const [, head, name, rest] = alter;
    const commands = splitTopLevel(rest.replace(ON_CLUSTER_CLAUSE, ""));
    const columnCommands = commands.filter((c) => COLUMN_COMMAND.test(c)).length;
    if (columnCommands === 0) return [`${head}${local(name)}${rest}`];
    if (columnCommands < commands.length) refuse("an ALTER mixing column and storage commands; split it in two");
    const both = [`${head}${local(name)}${rest}`, filled];
    return commands.every((c) => /^DROP\s/i.test(c)) ? both.reverse() : both;
  }
  if (alter) return [filled];

  const insert = INSERT_HEAD.exec(filled);
  if (insert) {
    const [, head, rest] = insert;
    const own = /^SETTINGS\s+/i.exec(rest);
    const settings = `SETTINGS ${SHARDED_INSERT_SETTINGS}${own ? "," : ""}`;
    return [`${head.trimEnd()}\n${settings}\n${own ? rest.slice(own[0].length) : rest}`];
  }

  const drop = DROP_TABLE.exec(filled);
  if (drop && sharded.has(drop[2])) return [filled, filled.replace(DROP_TABLE, `$1${local(drop[2])}`)];

  const storage = STORAGE_STATEMENT.exec(filled);
  if (storage && sharded.has(storage[2])) return [filled.replace(STORAGE_STATEMENT, `$1${local(storage[2])}`)];

  const named = [...sharded.keys()].find((name) => new RegExp(`\\b${name}\\b`).test(filled));
  if (named && !/^(CREATE\s+(OR\s+REPLACE\s+)?VIEW|DROP|SELECT|WITH)\b/i.test(filled)) refuse(`no rule for this statement on table ${named}`);
  return [filled];
}

/**
 * Splits at the commas outside brackets, quotes and `--` comments (which are
 * dropped): an ALTER's commands, or a column list (which ends at its closing
 * bracket).
 */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let part = "";
  let depth = 0;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") {
        part += c + (text[i + 1] ?? "");
        i++;
        continue;
      }
      if (c === quote) quote = "";
    } else if (c === "-" && text[i + 1] === "-") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
      part += " ";
      continue;
    } else if (c === "'" || c === '"' || c === "`") quote = c;
    else if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && --depth < 0) break;
    else if (c === "," && depth === 0) {
      parts.push(part);
      part = "";
      continue;
    }
    part += c;
  }
  parts.push(part);
  return parts.map((p) => p.trim()).filter(Boolean);
}

function readStatements(file: string): string[] {
  return readFileSync(path.join(MIGRATIONS_DIR, file), "utf8")
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter(Boolean);
}

/**
 * Reads `NNNN_name.sql` files and renders each statement for the mode (a
 * cluster name alone means a replicated cluster): `${ON_CLUSTER}` and
 * `${REPLICATED}` are the only difference the files spell out, a sharded
 * cluster is derived from them by {@link renderStatement}.
 */
export function loadMigrations(mode: DdlMode | string = {}): Migration[] {
  const ddlMode: DdlMode = typeof mode === "string" ? { cluster: mode } : mode;
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => ({ file, raw: readStatements(file) }));
  const tables = shardedTablesOf([SCHEMA_MIGRATIONS_DDL, ...files.flatMap((f) => f.raw)]);
  return files.map(({ file, raw }) => ({
    version: Number(file.slice(0, 4)),
    name: file.replace(/\.sql$/, ""),
    statements: raw.flatMap((s) => renderStatement(s, ddlMode, tables)),
  }));
}

/** CLICKHOUSE_SHARDED, for a server store on the cluster the environment names. */
function shardedFromEnv(store: Store): boolean {
  if (store.kind !== "server" || !store.cluster) return false;
  const config = storeConfigFromEnv();
  return config.kind === "server" && config.cluster === store.cluster && Boolean(config.sharded);
}

/**
 * Backfills, written in code because they are the code the app runs: 0011's
 * and 0015's are the read models' own rebuild, so an upgraded store and one
 * that followed every ingestion round cannot disagree
 * (test/integration/read-models-upgrade.test.ts); 0017's links statuses
 * stored before their message with the statement ingestion runs
 * (status-links.ts); 0024's fills Unresolved's summaries with the read
 * models' own refresh (unresolved-summaries.ts); 0032's counts campaigns'
 * billable messages with the rounds' own statement (campaign-cost.ts); 0045's and 0046's
 * rewrite the contacts (their attribute paths, their campaign behaviours) with the rounds' own refresh;
 * 0047's refills wait_buckets, made anew, as 0024's did. One that several pending migrations name runs once,
 * after all their statements, in the order of the migrations.
 */
type AfterMigration = (store: Store, log: (line: string) => void) => Promise<void>;
const AFTER_MIGRATION: Record<number, AfterMigration> = {
  11: rebuildAllReadModels,
  15: rebuildAllReadModels,
  17: linkAllEarlierStatuses,
  20: backfillAllOptEvents,
  23: rebuildAllReadModels,
  24: rebuildAllUnresolvedSummaries,
  26: backfillRecipientOptOuts,
  32: backfillCampaignBillable,
  45: rebuildAllContacts,
  46: rebuildAllContacts,
  47: rebuildAllUnresolvedSummaries,
};

/** Migrations and their bookkeeping change the store of every workspace at once. */
const MIGRATING = "exempt: a migration changes the schema of every workspace";

/**
 * Applies the migrations not yet recorded. Every statement is idempotent, so a
 * run cut short is safe to repeat. `sharded` defaults to CLICKHOUSE_SHARDED.
 */
export async function migrate(
  store: Store,
  log: (line: string) => void = () => {},
  options: { sharded?: boolean } = {},
): Promise<number> {
  const cluster = store.cluster;
  const sharded = Boolean(cluster) && (options.sharded ?? shardedFromEnv(store));
  await store.ensureDatabase();
  const database = sharded
    ? (await store.query<{ db: string }>("SELECT currentDatabase() AS db", {}, { report: "migrate:database", tenant: MIGRATING }))[0]?.db
    : undefined;
  const mode: DdlMode = { cluster, sharded, database };
  for (const statement of renderStatement(SCHEMA_MIGRATIONS_DDL, mode)) {
    await store.command(statement, {}, { report: "migrate:schema-migrations", tenant: MIGRATING });
  }
  const applied = new Set(
    (
      await store.query<{ version: number }>("SELECT version FROM schema_migrations", {}, { report: "migrate:applied", tenant: MIGRATING })
    ).map((r) => Number(r.version)),
  );
  // A backfill runs once, after every statement: it is the code the app runs
  // today and writes today's columns. Its migrations are recorded after it,
  // so a run cut short repeats it.
  const backfills = new Set<AfterMigration>();
  const recordAfterBackfills: Migration[] = [];
  const record = (migration: Migration) =>
    store.insert("schema_migrations", [{ version: migration.version, name: migration.name }], { report: `migrate:${migration.name}`, tenant: MIGRATING });
  let count = 0;
  for (const migration of loadMigrations(mode)) {
    if (applied.has(migration.version)) continue;
    const report = `migrate:${migration.name}`;
    for (const statement of migration.statements) await store.command(statement, {}, { report, tenant: MIGRATING });
    const backfill = AFTER_MIGRATION[migration.version];
    if (backfill) {
      backfills.add(backfill);
      recordAfterBackfills.push(migration);
    } else {
      await record(migration);
    }
    log(`applied migration ${migration.name}`);
    count++;
  }
  for (const backfill of backfills) await backfill(store, log);
  for (const migration of recordAfterBackfills) await record(migration);
  return count;
}
