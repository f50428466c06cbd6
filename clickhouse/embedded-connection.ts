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
 *
 * `log_comment` (the statement's report, see client.ts) is the one setting
 * taken out of `clickhouse_settings`: chdb would prefix every statement with a
 * `SET` and send parameterised ones down the serialised bind path. A `SET`
 * lasts for the connection it runs on and no other, so each connection of a
 * slot is told once and again only when the report changes.
 */
interface Slot {
  conn: Connection;
  session: Session;
  /** The log_comment each of the slot's two connections was last SET to; null before the connection's first statement. */
  comment: { conn: string | null; session: string | null };
}

/**
 * Every connection runs without the engine's JIT compilation of expressions,
 * aggregate functions and sort descriptions. The engine compiles an expression
 * the fourth time it sees it, and that one run pays 20–180 ms of LLVM on this
 * 2-core machine (a profile's tags 19 → 42 ms, the 30-day campaign list 27 →
 * 130, a funnel 85 → 250, measured with system.events' CompileExpressionsMicroseconds
 * at 1M contacts), while the heaviest reports (breakdowns, compare 5, segment
 * counts, Unresolved's entry points) took the same CPU time, within ±5%, with
 * and without the compiled code.
 */
const CONNECTION_SETTINGS = "compile_expressions = 0, compile_aggregate_expressions = 0, compile_sort_description = 0";

/** What may be pasted into `SET log_comment = '…'`: a report name (client.ts checks the same), or nothing. */
const LOG_COMMENT = /^(?:[a-z0-9][a-z0-9:._-]{0,119})?$/;

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
      comment: { conn: null, session: null },
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

  /**
   * Makes `comment` the log_comment of the slot's connection `which`, when it
   * is not already; a connection's first statement also gets CONNECTION_SETTINGS.
   */
  private async setComment(slot: Slot, which: keyof Slot["comment"], comment: string): Promise<void> {
    if (slot.comment[which] === comment) return;
    if (!LOG_COMMENT.test(comment)) throw new Error(`log_comment must be a report name, not ${JSON.stringify(comment)}`);
    const query = `SET log_comment = '${comment}'${slot.comment[which] === null ? `, ${CONNECTION_SETTINGS}` : ""}`;
    if (which === "conn") {
      await slot.conn.command({ query, query_id: crypto.randomUUID() });
    } else {
      try {
        await slot.session.queryAsync(query);
      } catch (err) {
        throw toClickHouseError(err);
      }
    }
    slot.comment[which] = comment;
  }

  /** Runs `fn` on the slot's ChdbConnection with the call's log_comment set, and its other settings passed on. */
  private onConn<P extends { clickhouse_settings?: Record<string, unknown> }, R>(
    params: P,
    fn: (conn: Connection, params: P) => Promise<R>,
  ): Promise<R> {
    const { comment, settings } = takeLogComment(params.clickhouse_settings);
    return this.withSlot(async (slot) => {
      await this.setComment(slot, "conn", comment);
      return fn(slot.conn, { ...params, clickhouse_settings: settings });
    });
  }

  async query(params: Params<"query">): Promise<Result<"query">> {
    const { comment, settings } = takeLogComment(params.clickhouse_settings);
    const hasParams = params.query_params && Object.keys(params.query_params).length > 0;
    const hasSettings = Object.keys(settings).length > 0;
    if (!hasParams || hasSettings) {
      return this.onConn(params, (conn, p) => conn.query(p));
    }
    return this.withSlot(async (slot) => {
      await this.setComment(slot, "session", comment);
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
    return this.onConn(params, (conn, p) => conn.exec(p));
  }

  command(params: Params<"command">): Promise<Result<"command">> {
    return this.onConn(params, (conn, p) => conn.command(p));
  }

  insert(params: Params<"insert">): Promise<Result<"insert">> {
    return this.onConn(params, (conn, p) => conn.insert(p));
  }

  /**
   * chdb's raw insert: the buffer goes to the engine as it is (no copy into a
   * SQL string, no JSON), on the slot's own session.
   */
  insertTabSeparated(
    table: string,
    columns: readonly string[],
    body: Buffer,
    logComment = "",
    settings?: Record<string, string | number | boolean>,
  ): Promise<void> {
    if (body.length === 0) return Promise.resolve();
    return this.withSlot(async (slot) => {
      await this.setComment(slot, "session", logComment);
      try {
        await slot.session.insert({ table, columns, values: body, format: "TabSeparated", settings });
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

/** The call's log_comment ("" when it has none) and the rest of its settings. */
function takeLogComment(settings: Record<string, unknown> | undefined): { comment: string; settings: Record<string, unknown> } {
  const { log_comment, ...rest } = settings ?? {};
  return { comment: log_comment === undefined ? "" : String(log_comment), settings: rest };
}

/** Give stream errors the same typed shape (`ClickHouseError`) the client throws elsewhere. */
function toClickHouseError(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  const mapped = parseError(message);
  mapped.cause = err;
  return mapped;
}
