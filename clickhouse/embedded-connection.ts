import { Readable } from "node:stream";
import { parseError } from "@clickhouse/client";
import { Session } from "chdb";
import { createChdbConnection } from "chdb/connection";
import type { ClickHouseClientConfigOptions } from "@clickhouse/client";

// The Connection contract as @clickhouse/client itself declares it (chdb types
// the same contract from @clickhouse/client-common, a structurally equal copy).
type Connection = NonNullable<ClickHouseClientConfigOptions["connection"]>;
type Params<K extends keyof Connection> = Connection[K] extends (p: infer P) => unknown ? P : never;
type Result<K extends keyof Connection> = Connection[K] extends (...a: never[]) => Promise<infer R> ? R : never;

/**
 * A small pool of chDB connections on one data directory, exposed as one
 * `@clickhouse/client` Connection.
 *
 * Why not a single `createChdbConnection`: one chDB connection runs one query
 * at a time, and chdb's bound-parameter path (`queryBindAsync`, which
 * `chdb/connection` uses for every `query_params` call) is serialised across
 * the whole process, because libchdb's parameter state is not isolated per
 * connection. A 1 s report would then stall every page.
 *
 * The streaming bind path (`Session.queryStreamBind`) binds values inside the
 * engine per query and is not serialised, so parameterised reads go there,
 * each on its own pooled session. Values therefore never enter SQL text.
 * Everything else (DDL, inserts, plain reads) goes through chdb's own
 * `ChdbConnection` of the same slot.
 */
interface Slot {
  conn: Connection;
  session: Session;
}

export class PooledChdbConnection implements Connection {
  readonly connectionName = "chdb-pool";
  private readonly slots: Slot[];
  private readonly idle: Slot[];
  private readonly waiters: Array<(slot: Slot) => void> = [];
  private closed = false;

  constructor(path: string, size: number) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => ({
      conn: createChdbConnection({ path }) as unknown as Connection,
      session: new Session(path),
    }));
    this.idle = [...this.slots];
  }

  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(new Error("The ClickHouse store is closed"));
    const slot = this.idle.pop();
    if (slot) return Promise.resolve(slot);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(slot: Slot) {
    const next = this.waiters.shift();
    if (next) next(slot);
    else this.idle.push(slot);
  }

  private async withSlot<T>(fn: (slot: Slot) => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    try {
      return await fn(slot);
    } finally {
      this.release(slot);
    }
  }

  async query(params: Params<"query">): Promise<Result<"query">> {
    const hasParams = params.query_params && Object.keys(params.query_params).length > 0;
    const hasSettings = params.clickhouse_settings && Object.keys(params.clickhouse_settings).length > 0;
    if (!hasParams || hasSettings) {
      return this.withSlot((slot) => slot.conn.query(params));
    }
    return this.withSlot(async (slot) => {
      const chunks: Buffer[] = [];
      try {
        const stream = slot.session.queryStreamBind(params.query, params.query_params!, {
          format: "JSONEachRow",
          signal: params.abort_signal,
        });
        for await (const chunk of stream) chunks.push(Buffer.from(chunk.raw()));
      } catch (err) {
        throw toClickHouseError(err);
      }
      const body = Buffer.concat(chunks);
      return {
        stream: Readable.from(body.length ? [body] : []),
        query_id: params.query_id ?? crypto.randomUUID(),
        response_headers: {},
        http_status_code: 200,
      };
    });
  }

  exec(params: Params<"exec">): Promise<Result<"exec">> {
    return this.withSlot((slot) => slot.conn.exec(params));
  }

  command(params: Params<"command">): Promise<Result<"command">> {
    return this.withSlot((slot) => slot.conn.command(params));
  }

  insert(params: Params<"insert">): Promise<Result<"insert">> {
    return this.withSlot((slot) => slot.conn.insert(params));
  }

  /**
   * chdb's raw insert: the buffer goes to the engine as it is (no copy into a
   * SQL string, no JSON), on the slot's own session.
   */
  insertTabSeparated(table: string, columns: readonly string[], body: Buffer): Promise<void> {
    if (body.length === 0) return Promise.resolve();
    return this.withSlot(async (slot) => {
      try {
        await slot.session.insert({ table, columns, values: body, format: "TabSeparated" });
      } catch (err) {
        throw toClickHouseError(err);
      }
    });
  }

  ping(params: Params<"ping">): Promise<Result<"ping">> {
    return this.withSlot((slot) => slot.conn.ping(params));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Wait for every slot to come back so no native op is torn down mid-flight.
    const all = await Promise.all(this.slots.map(() => this.acquireForClose()));
    for (const slot of all) {
      await slot.conn.close();
      slot.session.close();
    }
  }

  private acquireForClose(): Promise<Slot> {
    const slot = this.idle.pop();
    if (slot) return Promise.resolve(slot);
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

/** Give stream errors the same typed shape (`ClickHouseError`) the client throws elsewhere. */
function toClickHouseError(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  const mapped = parseError(message);
  mapped.cause = err;
  return mapped;
}
