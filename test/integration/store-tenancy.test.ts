import { afterEach, describe, expect, it, vi } from "vitest";
import { TenantScopeError, type StatementOptions, type Store } from "@/clickhouse/client";
import { randomId } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

// The store refuses, at run time, any statement that does not bind the
// workspace and does not say why; every statement carries its report as
// log_comment, and slow ones are logged with it.

const store = useTestStore();
const TEST_TABLE = "exempt: a table of this test, not of any workspace";

/** What a call rejects with (fails the test when it resolves). */
async function refusal(call: Promise<unknown>): Promise<Error> {
  const err = await call.then(
    () => {
      throw new Error("expected the store to refuse the statement");
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TenantScopeError);
  return err as Error;
}

async function tableExists(s: Store, name: string): Promise<boolean> {
  const rows = await s.query<{ n: string }>(
    "SELECT count() AS n FROM system.tables WHERE database = currentDatabase() AND name = {name:String}",
    { name },
    { report: "store-tenancy:table-exists", tenant: TEST_TABLE },
  );
  return Number(rows[0].n) > 0;
}

describe("the store's tenancy rule", () => {
  it("refuses a statement without the workspace, naming its report and what to do", async () => {
    const err = await refusal(store().query("SELECT count() AS n FROM events", {}, { report: "leaky-report" }));
    expect(err.message).toContain('report "leaky-report"');
    expect(err.message).toContain("has no {workspaceId:String} placeholder");
    expect(err.message).toContain('{ tenant: "exempt: <why>" }');
  });

  it("refuses a placeholder whose parameter is missing or empty, and a tenant bound under another name", async () => {
    const sql = "SELECT count() AS n FROM events WHERE workspace_id = {workspaceId:String}";
    expect((await refusal(store().query(sql, {}, { report: "no-param" }))).message).toContain("params.workspaceId is not a non-empty string");
    await refusal(store().query(sql, { workspaceId: "" }, { report: "empty-param" }));
    await refusal(store().query(sql, { workspaceId: 42 }, { report: "number-param" }));
    await refusal(store().query("SELECT count() AS n FROM events WHERE workspace_id = {ws:String}", { ws: randomId("ws") }, { report: "other-name" }));
  });

  it("refuses a statement that names no report, or a malformed one, before checking anything else", async () => {
    // The type asks for a report; a call that gets past it (plain JavaScript, a cast) is still refused.
    const unnamed = store().query("SELECT 1 AS one", {}, { tenant: "exempt: a test of report names" } as unknown as StatementOptions);
    await expect(unnamed).rejects.toThrow('Invalid report name undefined: every statement names its report');
    await expect(store().command("SELECT 1", {}, { report: "Bad Name", tenant: "exempt: a test of report names" })).rejects.toThrow(
      'Invalid report name "Bad Name"',
    );
  });

  it("refuses before anything reaches ClickHouse", async () => {
    const table = `tenancy_${randomId("t").replace(/\W/g, "_")}`;
    await refusal(store().command(`CREATE TABLE ${table} (x UInt8) ENGINE = Memory`, {}, { report: "leaky-ddl" }));
    expect(await tableExists(store(), table)).toBe(false);
  });

  it("runs a statement that binds the workspace", async () => {
    const workspaceId = randomId("ws");
    const rows = await store().query<{ n: string }>(
      "SELECT count() AS n FROM events WHERE workspace_id = {workspaceId:String}",
      { workspaceId },
      { report: "store-tenancy:scoped" },
    );
    expect(Number(rows[0].n)).toBe(0);
  });

  it("runs an exempt statement, and refuses an exemption without a reason", async () => {
    expect(await store().query<{ one: number }>("SELECT 1 AS one", {}, { report: "store-tenancy:exempt", tenant: "exempt: a test of the rule" })).toEqual([
      { one: 1 },
    ]);
    const err = await refusal(store().query("SELECT 1 AS one", {}, { report: "lazy-exemption", tenant: "exempt:  " }));
    expect(err.message).toContain("gives no reason");
  });

  it("refuses a report name that is not a code constant", async () => {
    const workspaceId = randomId("ws");
    const sql = "SELECT 1 AS one WHERE {workspaceId:String} != ''";
    await expect(store().query(sql, { workspaceId }, { report: "x'; DROP TABLE events --" })).rejects.toThrow(/Invalid report name/);
    await expect(store().query(sql, { workspaceId }, { report: "Campaign List" })).rejects.toThrow(/Invalid report name/);
  });
});

describe("the tenancy rule for inserts", () => {
  const table = `tenancy_rows_${randomId("t").replace(/\W/g, "_")}`;

  it("checks every row's workspace_id, unless the insert is exempt", async () => {
    await store().command(
      `CREATE TABLE ${table} (workspace_id String, x UInt32, comment String DEFAULT getSetting('log_comment')) ENGINE = MergeTree ORDER BY workspace_id`,
      {},
      { report: "store-tenancy:create", tenant: TEST_TABLE },
    );
    const ws = randomId("ws");
    const missing = await refusal(store().insert(table, [{ workspace_id: ws, x: 1 }, { x: 2 }], { report: "rows-report" }));
    expect(missing.message).toContain(`row 1 of the insert into ${table} has no workspace_id`);
    await refusal(store().insert(table, [{ workspace_id: "", x: 3 }]));
    await store().insert(table, [{ workspace_id: ws, x: 4 }], { report: "store-tenancy:rows" });
    await store().insert(table, [{ workspace_id: "", x: 5 }], { report: "store-tenancy:exempt-rows", tenant: TEST_TABLE });

    const rows = await store().query<{ workspace_id: string; x: number; comment: string }>(
      `SELECT workspace_id, x, comment FROM ${table} ORDER BY x`,
      {},
      { report: "store-tenancy:read-rows", tenant: TEST_TABLE },
    );
    expect(rows).toEqual([
      { workspace_id: ws, x: 4, comment: "store-tenancy:rows" },
      { workspace_id: "", x: 5, comment: "store-tenancy:exempt-rows" },
    ]);
  });

  it("takes the bulk TabSeparated path's workspace from the caller, without reading the body", async () => {
    const ws = randomId("ws");
    const body = (x: number) => Buffer.from(`${ws}\t${x}\n`);
    const noWorkspace = await refusal(store().insertTabSeparated(table, ["workspace_id", "x"], body(10), { report: "bulk-report" }));
    expect(noWorkspace.message).toContain(`the insert into ${table} names no workspaceId`);
    const noColumn = await refusal(store().insertTabSeparated(table, ["x"], Buffer.from("11\n"), { workspaceId: ws }));
    expect(noColumn.message).toContain("has no workspace_id column");
    // No options at all (plain JavaScript): checked like any other, and refused.
    const noOptions = await refusal(store().insertTabSeparated(table, ["workspace_id", "x"], body(15), {}));
    expect(noOptions.message).toContain(`report "insert:${table}"`);

    await store().insertTabSeparated(table, ["workspace_id", "x"], body(12), { report: "store-tenancy:bulk", workspaceId: ws });
    await store().insertTabSeparated(table, ["x"], Buffer.from("13\n"), { report: "store-tenancy:bulk-exempt", tenant: TEST_TABLE });
    // An insert that names no report is named by its table.
    await store().insertTabSeparated(table, ["workspace_id", "x"], body(14), { workspaceId: ws });

    const rows = await store().query<{ x: number; comment: string }>(
      `SELECT x, comment FROM ${table} WHERE x >= 10 ORDER BY x`,
      {},
      { report: "store-tenancy:read-rows", tenant: TEST_TABLE },
    );
    expect(rows).toEqual([
      { x: 12, comment: "store-tenancy:bulk" },
      { x: 13, comment: "store-tenancy:bulk-exempt" },
      { x: 14, comment: `insert:${table}` },
    ]);
  });
});

// chDB 3.4 (ClickHouse 26.7 embedded) keeps no system.query_log, even with a
// config file that declares one, so these tests read the setting the engine
// ran each statement with (getSetting('log_comment')), which is what a server
// writes into query_log.log_comment.
describe("log_comment", () => {
  it("is the report of each statement, on every path of the embedded pool", async () => {
    const workspaceId = randomId("ws");
    const comment = async (report: string) => {
      const [row] = await store().query<{ comment: string }>(
        "SELECT getSetting('log_comment') AS comment, {workspaceId:String} AS ws",
        { workspaceId },
        { report },
      );
      return row.comment;
    };
    // Parameterised reads (the streaming path), many reports at once on few connections.
    const reports = Array.from({ length: 40 }, (_, i) => `store-tenancy:report-${i % 7}`);
    expect(await Promise.all(reports.map(comment))).toEqual(reports);

    // A read without parameters.
    const exempt = { tenant: "exempt: a test of log_comment" } as const;
    expect(await store().query("SELECT getSetting('log_comment') AS comment", {}, { report: "store-tenancy:plain", ...exempt })).toEqual([
      { comment: "store-tenancy:plain" },
    ]);
    expect(await comment("store-tenancy:after")).toBe("store-tenancy:after");
  });

  it("is sent with commands too", async () => {
    const table = `tenancy_cmd_${randomId("t").replace(/\W/g, "_")}`;
    const workspaceId = randomId("ws");
    await store().command(`CREATE TABLE ${table} (workspace_id String, comment String) ENGINE = Memory`, {}, {
      report: "store-tenancy:create",
      tenant: TEST_TABLE,
    });
    await store().command(
      `INSERT INTO ${table} SELECT {workspaceId:String}, getSetting('log_comment')`,
      { workspaceId },
      { report: "store-tenancy:command" },
    );
    const rows = await store().query(`SELECT workspace_id, comment FROM ${table}`, {}, { report: "store-tenancy:read", tenant: TEST_TABLE });
    expect(rows).toEqual([{ workspace_id: workspaceId, comment: "store-tenancy:command" }]);
  });
});

describe("the slow-statement log", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.CHATLENS_SLOW_QUERY_MS;
  });

  it("writes one line with the report, the milliseconds and the workspace past CHATLENS_SLOW_QUERY_MS", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const workspaceId = randomId("ws");
    const sql = "SELECT count() AS n FROM events WHERE workspace_id = {workspaceId:String}";

    await store().query(sql, { workspaceId }, { report: "store-tenancy:fast" });
    expect(warn).not.toHaveBeenCalled();

    process.env.CHATLENS_SLOW_QUERY_MS = "0";
    await store().query(sql, { workspaceId }, { report: "store-tenancy:slow" });
    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0][0]);
    expect(line).toMatch(new RegExp(`^\\[chatlens\\] slow statement: report=store-tenancy:slow ms=\\d+ workspace=${workspaceId}$`));
  });
});
