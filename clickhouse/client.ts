import { createClient, type ClickHouseClient } from "@clickhouse/client";
import { mkdirSync } from "node:fs";
import { Readable } from "node:stream";
import { dataDirHolder } from "./data-dir-lock";
import { storeConfigFromEnv, type StoreConfig } from "./config";
import { PooledChdbConnection } from "./embedded-connection";

export type QueryParams = Record<string, unknown>;

/**
 * Why a statement may run without binding a workspace, written where the
 * statement is: `{ tenant: "exempt: sign-in looks a user up by email" }`.
 */
export type TenantExemption = `exempt: ${string}`;

export interface StatementOptions {
  /**
   * The report the statement serves (`campaign-list`, `users:by-email`): sent
   * as its `log_comment`, and named in a refusal and in the slow-statement log,
   * so a slow or refused statement can be traced to its screen. Lower-case
   * letters, digits and `:._-`; every query and command names one.
   */
  report: string;
  /** Only for a statement that spans workspaces by design: the reason. */
  tenant?: TenantExemption;
}

/** An insert is named `insert:<table>` unless it names its report. */
export type InsertOptions = Omit<StatementOptions, "report"> & { report?: string };

export interface TabSeparatedOptions extends InsertOptions {
  /**
   * The workspace every row of the body belongs to, as the caller wrote it
   * (the body is not parsed again to check it); `columns` must include
   * `workspace_id`, unless the insert is exempt.
   */
  workspaceId?: string;
  /** ClickHouse settings of this insert alone; names and values from code, never from input. */
  settings?: InsertSettings;
}

export type InsertSettings = Record<string, string | number | boolean>;

/**
 * The one handle every query module receives. Nothing outside this file knows
 * whether it talks to embedded chDB or to a ClickHouse server.
 *
 * Tenancy is checked here, at run time: a statement must bind the workspace
 * (a `{workspaceId:String}` placeholder in its SQL and a non-empty
 * `params.workspaceId`), an inserted row must carry its `workspace_id`, or the
 * call must say why not (`tenant: "exempt: <why>"`). Anything else is refused
 * with a TenantScopeError before it reaches ClickHouse.
 */
export interface Store {
  readonly kind: "embedded" | "server";
  readonly cluster?: string;
  /** The embedded store's data directory (files the app keeps beside it, such as the webhook inbox, go there). */
  readonly dataDir?: string;
  query<T>(sql: string, params: QueryParams, options: StatementOptions): Promise<T[]>;
  command(sql: string, params: QueryParams, options: StatementOptions): Promise<void>;
  insert<T extends object>(table: string, rows: T[], options?: InsertOptions): Promise<void>;
  /**
   * The bulk path: rows already encoded as TabSeparated, one a line, columns in
   * the given order. No per-row objects or JSON on either side; chDB parses
   * TabSeparated several times faster than JSONEachRow.
   */
  insertTabSeparated(table: string, columns: readonly string[], body: Buffer, options: TabSeparatedOptions): Promise<void>;
  ping(): Promise<boolean>;
  /** Creates the configured database on a server (a no-op for the embedded store, which uses its default one). */
  ensureDatabase(): Promise<void>;
  close(): Promise<void>;
}

/** A statement or insert that does not bind the workspace and does not say why. */
export class TenantScopeError extends Error {
  constructor(
    readonly report: string,
    problem: string,
  ) {
    super(
      `Refused the statement of report "${report}": ${problem}. ` +
        `Every statement filters on workspace_id = {workspaceId:String} with a non-empty params.workspaceId ` +
        `(and every inserted row carries workspace_id); one that spans workspaces by design passes { tenant: "exempt: <why>" }.`,
    );
    this.name = "TenantScopeError";
  }
}

/** The data directory is held by another process (the running app, usually). */
export class StoreLockedError extends Error {
  constructor(dataDir: string, pid?: number | null) {
    super(
      `The data directory ${dataDir} is in use by another ChatLens process${pid ? ` (pid ${pid})` : ""} — is the app running? ` +
        `Stop it, or point CHATLENS_DATA_DIR at another directory.`,
    );
    this.name = "StoreLockedError";
  }
}

export function createStore(config: StoreConfig = storeConfigFromEnv()): Store {
  if (config.kind === "embedded") {
    mkdirSync(config.dataDir, { recursive: true });
    const holder = dataDirHolder(config.dataDir);
    if (holder) throw new StoreLockedError(config.dataDir, holder);
    let connection: PooledChdbConnection;
    try {
      connection = new PooledChdbConnection(config.dataDir, config.poolSize);
    } catch (err) {
      if (/Cannot lock file|lock/i.test(String((err as Error)?.message))) throw new StoreLockedError(config.dataDir);
      throw err;
    }
    return wrap("embedded", createClient({ connection }), {
      dataDir: config.dataDir,
      insertTabSeparated: (table, columns, body, logComment, settings) => connection.insertTabSeparated(table, columns, body, logComment, settings),
    });
  }
  const client = createClient({
    url: config.url,
    username: config.user,
    password: config.password,
    database: config.database,
    clickhouse_settings: { date_time_input_format: "best_effort" },
  });
  const store = wrap("server", client, { cluster: config.cluster });
  store.ensureDatabase = async () => {
    const admin = createClient({ url: config.url, username: config.user, password: config.password });
    try {
      const onCluster = config.cluster ? ` ON CLUSTER '${config.cluster}'` : "";
      await admin.command({ query: `CREATE DATABASE IF NOT EXISTS ${config.database}${onCluster}` });
    } finally {
      await admin.close();
    }
  };
  return store;
}

/** A report name: it goes into SQL text as a setting on the embedded store, so code constants only, never input. */
const REPORT_NAME = /^[a-z0-9][a-z0-9:._-]{0,119}$/;
const WORKSPACE_PLACEHOLDER = /\{\s*workspaceId\s*:\s*String\s*\}/;
const EXEMPTION = /^exempt:\s*\S/;

/** The report a call names (an insert's defaults to `insert:<table>`); a missing or malformed name is a bug, refused here. */
function reportOf(report: string | undefined): string {
  if (report === undefined || !REPORT_NAME.test(report)) {
    throw new Error(`Invalid report name ${JSON.stringify(report)}: every statement names its report, lower-case letters, digits and ":._-", at most 120 characters`);
  }
  return report;
}

/** True when the call is exempt (with a reason); throws when it claims to be without giving one. */
function exempt(options: InsertOptions, report: string): boolean {
  if (options.tenant === undefined) return false;
  if (!EXEMPTION.test(options.tenant)) throw new TenantScopeError(report, `its exemption ${JSON.stringify(options.tenant)} gives no reason`);
  return true;
}

const isWorkspaceId = (value: unknown): value is string => typeof value === "string" && value !== "";

function checkStatement(sql: string, params: QueryParams, options: StatementOptions, report: string) {
  if (exempt(options, report)) return;
  if (!WORKSPACE_PLACEHOLDER.test(sql)) throw new TenantScopeError(report, "its SQL has no {workspaceId:String} placeholder");
  if (!isWorkspaceId(params.workspaceId)) throw new TenantScopeError(report, "params.workspaceId is not a non-empty string");
}

function checkRows(table: string, rows: readonly object[], options: InsertOptions, report: string) {
  if (exempt(options, report)) return;
  const i = rows.findIndex((row) => !isWorkspaceId((row as { workspace_id?: unknown }).workspace_id));
  if (i >= 0) throw new TenantScopeError(report, `row ${i} of the insert into ${table} has no workspace_id`);
}

function checkTabSeparated(table: string, columns: readonly string[], options: TabSeparatedOptions, report: string) {
  if (exempt(options, report)) return;
  if (!isWorkspaceId(options.workspaceId)) throw new TenantScopeError(report, `the insert into ${table} names no workspaceId`);
  if (!columns.includes("workspace_id")) throw new TenantScopeError(report, `the insert into ${table} has no workspace_id column`);
}

/** Statements slower than this (CHATLENS_SLOW_QUERY_MS, default 500) are logged with their report. */
function slowStatementMs(): number {
  const raw = process.env.CHATLENS_SLOW_QUERY_MS;
  const ms = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  return Number.isFinite(ms) && ms >= 0 ? ms : 500;
}

async function timed<T>(report: string, workspaceId: unknown, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  let failed = true;
  try {
    const result = await run();
    failed = false;
    return result;
  } finally {
    const ms = performance.now() - started;
    if (ms > slowStatementMs()) {
      // One line whatever the id holds.
      const workspace = isWorkspaceId(workspaceId) ? workspaceId.replace(/[^\w.:@-]/g, "?") : "-";
      console.warn(`[chatlens] slow statement: report=${report} ms=${Math.round(ms)} workspace=${workspace}${failed ? " failed" : ""}`);
    }
  }
}

/**
 * The rows of an embedded statement's JSONEachRow answer, parsed as one
 * document. The embedded connection hands over the whole body once the
 * statement has finished (an error is thrown instead, never appended), so the
 * client's row-by-row stream, which looks for an error at the end of each
 * chunk of an HTTP body, only adds its cost: 20,000 rows of an export page
 * (8.5 MB) took 182 ms through it against 127 this way. A raw line break
 * cannot occur inside a row (JSON escapes it), so one separates rows.
 */
function jsonLines<T>(text: string): T[] {
  const rows = text.trimEnd();
  return rows === "" ? [] : (JSON.parse(`[${rows.replaceAll("\n", ",")}]`) as T[]);
}

type RawTabSeparated = (table: string, columns: readonly string[], body: Buffer, logComment: string, settings?: InsertSettings) => Promise<void>;

function wrap(
  kind: Store["kind"],
  client: ClickHouseClient,
  { cluster, dataDir, insertTabSeparated }: { cluster?: string; dataDir?: string; insertTabSeparated?: RawTabSeparated } = {},
): Store {
  const rawTabSeparated: RawTabSeparated =
    insertTabSeparated ??
    (async (table, columns, body, log_comment, settings) => {
      await client.insert({
        table,
        values: Readable.from([body]),
        format: "TabSeparated",
        columns: [...columns] as [string, ...string[]],
        clickhouse_settings: { ...settings, log_comment },
      });
    });
  return {
    kind,
    cluster,
    dataDir,
    async query<T>(sql: string, params: QueryParams, options: StatementOptions) {
      const report = reportOf(options?.report);
      checkStatement(sql, params, options, report);
      return timed(report, params.workspaceId, async () => {
        const rs = await client.query({ query: sql, query_params: params, format: "JSONEachRow", clickhouse_settings: { log_comment: report } });
        return kind === "embedded" ? jsonLines<T>(await rs.text()) : rs.json<T>();
      });
    },
    async command(sql: string, params: QueryParams, options: StatementOptions) {
      const report = reportOf(options?.report);
      checkStatement(sql, params, options, report);
      await timed(report, params.workspaceId, () => client.command({ query: sql, query_params: params, clickhouse_settings: { log_comment: report } }));
    },
    async insert<T extends object>(table: string, rows: T[], options: InsertOptions = {}) {
      if (rows.length === 0) return;
      const report = reportOf(options.report ?? `insert:${table}`);
      checkRows(table, rows, options, report);
      const workspaceId = (rows[0] as { workspace_id?: unknown }).workspace_id;
      await timed(report, workspaceId, () => client.insert({ table, values: rows, format: "JSONEachRow", clickhouse_settings: { log_comment: report } }));
    },
    async insertTabSeparated(table: string, columns: readonly string[], body: Buffer, options: TabSeparatedOptions) {
      if (body.length === 0) return;
      const report = reportOf(options.report ?? `insert:${table}`);
      checkTabSeparated(table, columns, options, report);
      await timed(report, options.workspaceId, () => rawTabSeparated(table, columns, body, report, options.settings));
    },
    async ping() {
      const result = await client.ping();
      return result.success;
    },
    ensureDatabase: async () => {},
    close: () => client.close(),
  };
}

// One store per process: Next.js may load this module more than once (route
// handlers, server components), but chDB allows a data directory to be opened
// by one engine only, so the instance lives on globalThis.
const globalStore = globalThis as unknown as { __chatlensStore?: Store };

export function getStore(): Store {
  globalStore.__chatlensStore ??= createStore();
  return globalStore.__chatlensStore;
}

/** For tests and scripts that create their own store and want getStore() to return it. */
export function setStore(store: Store | undefined) {
  globalStore.__chatlensStore = store;
}
