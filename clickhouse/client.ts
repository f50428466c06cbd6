import { createClient, type ClickHouseClient } from "@clickhouse/client";
import { mkdirSync } from "node:fs";
import { Readable } from "node:stream";
import { dataDirHolder } from "./data-dir-lock";
import { storeConfigFromEnv, type StoreConfig } from "./config";
import { PooledChdbConnection } from "./embedded-connection";

export type QueryParams = Record<string, unknown>;

/**
 * The one handle every query module receives. Nothing outside this file knows
 * whether it talks to embedded chDB or to a ClickHouse server.
 */
export interface Store {
  readonly kind: "embedded" | "server";
  readonly cluster?: string;
  query<T>(sql: string, params?: QueryParams): Promise<T[]>;
  command(sql: string, params?: QueryParams): Promise<void>;
  insert<T extends object>(table: string, rows: T[]): Promise<void>;
  /**
   * The bulk path: rows already encoded as TabSeparated, one a line, columns in
   * the given order. No per-row objects or JSON on either side; chDB parses
   * TabSeparated several times faster than JSONEachRow.
   */
  insertTabSeparated(table: string, columns: readonly string[], body: Buffer): Promise<void>;
  ping(): Promise<boolean>;
  /** Creates the configured database on a server (a no-op for the embedded store, which uses its default one). */
  ensureDatabase(): Promise<void>;
  close(): Promise<void>;
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
    const store = wrap("embedded", createClient({ connection }));
    store.insertTabSeparated = (table, columns, body) => connection.insertTabSeparated(table, columns, body);
    return store;
  }
  const client = createClient({
    url: config.url,
    username: config.user,
    password: config.password,
    database: config.database,
    clickhouse_settings: { date_time_input_format: "best_effort" },
  });
  const store = wrap("server", client, config.cluster);
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

function wrap(kind: Store["kind"], client: ClickHouseClient, cluster?: string): Store {
  return {
    kind,
    cluster,
    async query<T>(sql: string, params: QueryParams = {}) {
      const rs = await client.query({ query: sql, query_params: params, format: "JSONEachRow" });
      return rs.json<T>();
    },
    async command(sql: string, params: QueryParams = {}) {
      await client.command({ query: sql, query_params: params });
    },
    async insert<T extends object>(table: string, rows: T[]) {
      if (rows.length === 0) return;
      await client.insert({ table, values: rows, format: "JSONEachRow" });
    },
    async insertTabSeparated(table: string, columns: readonly string[], body: Buffer) {
      if (body.length === 0) return;
      await client.insert({ table, values: Readable.from([body]), format: "TabSeparated", columns: [...columns] as [string, ...string[]] });
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
