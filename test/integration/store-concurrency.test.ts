import { describe, expect, it } from "vitest";
import { useTestStore } from "../helpers/store";

/** These statements test the pool and read no workspace's data. */
const POOL_TEST = { report: "store-concurrency", tenant: "exempt: a test of the pool, not of any workspace" } as const;

describe("embedded store: pooled chDB sessions", () => {
  const store = useTestStore();

  it("a fast parameterised query is not stuck behind a slow one", async () => {
    const finished: string[] = [];
    const slow = store()
      .query<{ n: string }>("SELECT count() AS n FROM numbers(400000000) WHERE number % {m:UInt64} = 0", { m: 7 }, POOL_TEST)
      .then((rows) => {
        finished.push("slow");
        return rows;
      });
    // The fast query goes in once the slow one is running, not after a guessed pause.
    await expect
      .poll(async () => {
        const [row] = await store().query<{ n: string }>(
          "SELECT count() AS n FROM system.processes WHERE query LIKE '%numbers(400000000)%' AND query NOT LIKE '%system.processes%'",
          {},
          POOL_TEST,
        );
        return Number(row.n);
      })
      .toBe(1);
    const fast = store()
      .query<{ v: string }>("SELECT {x:UInt64} + 1 AS v", { x: 41 }, POOL_TEST)
      .then((rows) => {
        finished.push("fast");
        return rows;
      });

    const [slowRows, fastRows] = await Promise.all([slow, fast]);
    expect(finished).toEqual(["fast", "slow"]);
    expect(Number(fastRows[0].v)).toBe(42);
    // Multiples of 7 in [0, 400_000_000): 0, 7, …, 399_999_995.
    expect(Number(slowRows[0].n)).toBe(Math.floor((400_000_000 - 1) / 7) + 1);
  });

  it("concurrent parameterised queries each get their own values back", async () => {
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        store().query<{ s: string; n: string; arr: string[] }>(
          "SELECT {s:String} AS s, {n:UInt32} * 2 AS n, {arr:Array(String)} AS arr FROM numbers(1000) WHERE number = {n:UInt32} % 1000",
          { s: `value-${i}`, n: i * 13, arr: [`a${i}`, `b${i}`] },
          POOL_TEST,
        ),
      ),
    );
    results.forEach((rows, i) => {
      expect(rows).toEqual([{ s: `value-${i}`, n: i * 26, arr: [`a${i}`, `b${i}`] }]);
    });
  });

  it("rows come back whole, text with line breaks, quotes and commas included, down the bound path and the plain one", async () => {
    const awkward = ['line one\nline two', 'a "quoted", comma', "tab\tand\r\nCRLF", "emoji 🙂 and ünïcödé", "", "}\n{"];
    const bound = await store().query<{ i: string; t: string; list: string[] }>(
      "SELECT number AS i, {texts:Array(String)}[number + 1] AS t, arraySlice({texts:Array(String)}, 1, number) AS list FROM numbers(length({texts:Array(String)}))",
      { texts: awkward },
      POOL_TEST,
    );
    expect(bound.map((r) => r.t)).toEqual(awkward);
    expect(bound.map((r) => r.list)).toEqual(awkward.map((_, i) => awkward.slice(0, i)));
    const plain = await store().query<{ t: string }>(
      `SELECT arrayJoin([${awkward.map((t) => `'${t.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`).join(", ")}]) AS t`,
      {},
      POOL_TEST,
    );
    expect(plain.map((r) => r.t)).toEqual(awkward);
    // A page of an export holds tens of thousands of rows; none is lost or split.
    const many = await store().query<{ n: string }>("SELECT toString(number) AS n FROM numbers({n:UInt32})", { n: 50_000 }, POOL_TEST);
    expect(many).toHaveLength(50_000);
    expect(many[49_999]).toEqual({ n: "49999" });
    expect(await store().query("SELECT 1 AS x WHERE {no:UInt8} = 1", { no: 0 }, POOL_TEST)).toEqual([]);
  });

  it("a failing parameterised query rejects with ClickHouse's error and leaves the pool usable", async () => {
    await expect(store().query("SELECT {x:UInt8} AS x", { x: "not a number" }, POOL_TEST)).rejects.toThrow();
    const rows = await Promise.all(Array.from({ length: 8 }, (_, i) => store().query<{ x: number }>("SELECT {x:UInt8} AS x", { x: i }, POOL_TEST)));
    expect(rows.map((r) => Number(r[0].x))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("no connection of the pool compiles expressions, so the fourth run of a report is as fast as the third", async () => {
    const compiled = async () => {
      const [row] = await store().query<{ n: string }>("SELECT sum(value) AS n FROM system.events WHERE event = 'CompileFunction'", {}, POOL_TEST);
      return Number(row?.n ?? 0);
    };
    const before = await compiled();
    // The engine would compile these on their fourth run (min_count_to_compile_* = 3): run each
    // eight times, on every connection at once, down the bound path and the plain one.
    const report = (i: number) =>
      i % 2
        ? store().query("SELECT sum(number * 3 + {k:UInt64}) AS s FROM numbers(100000) GROUP BY number % 7 ORDER BY s * 2 + 1", { k: 1 }, POOL_TEST)
        : store().query("SELECT sum(number * 5 + 1) AS s FROM numbers(100000) GROUP BY number % 11 ORDER BY s * 3 + 1", {}, POOL_TEST);
    for (let round = 0; round < 8; round++) await Promise.all([0, 1, 2, 3].map(report));
    expect(await compiled()).toBe(before);
    const settings = "SELECT getSetting('compile_expressions') AS e, getSetting('compile_aggregate_expressions') AS a, getSetting('compile_sort_description') AS s";
    const bound = await store().query<Record<string, unknown>>(`${settings}, {k:UInt8} AS k`, { k: 1 }, POOL_TEST);
    const plain = await store().query<Record<string, unknown>>(settings, {}, POOL_TEST);
    for (const row of [...bound, ...plain]) expect([row.e, row.a, row.s].map(Number)).toEqual([0, 0, 0]);
  });
});
