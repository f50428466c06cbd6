import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileSegment } from "@/clickhouse/queries/segments/compile";
import { decodeTree, encodeTree, readTreeLink } from "@/server/segments/url";
import { MAX_CONDITIONS, MAX_DEPTH, conditionsWithPaths, type Condition, type FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { describeProblems, validateSegment } from "@/server/segments/validate";
import { ATTRIBUTES, treeArb } from "../integration/segments-data";

const ctx = { attributes: ATTRIBUTES };
const now = Date.parse("2026-11-23T09:30:00Z");
const and = (...children: FilterTree["children"]): FilterTree => ({ kind: "group", join: "and", children });
const city = (op: string, values: string[] = ["Pune"]) => ({ kind: "attribute", attribute: "city", op, values }) as Condition;

function problems(tree: unknown) {
  const r = validateSegment(tree, ctx);
  return r.ok ? [] : r.problems;
}

describe("validateSegment", () => {
  it("accepts every random valid tree, and says nothing", () => {
    fc.assert(
      fc.property(treeArb(now), (tree) => {
        expect(problems(tree)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("names the path of an unknown attribute anywhere in a random tree", () => {
    fc.assert(
      fc.property(treeArb(now), fc.nat(), (tree, pick) => {
        const all = [...conditionsWithPaths(tree)];
        fc.pre(all.length > 0);
        const [target, path] = all[pick % all.length];
        Object.assign(target, { kind: "attribute", attribute: "shoe_size", op: "is", values: ["42"] });
        const found = problems(tree);
        expect(found).toContainEqual({ path: path.join("."), message: 'attribute "shoe_size" is not defined in this workspace' });
      }),
      { numRuns: 200 },
    );
  });

  it("refuses an operator that does not fit the attribute's type, listing the ones that do", () => {
    const found = problems(and(city("is"), { kind: "attribute", attribute: "plan", op: "contains", values: ["pro"] }));
    expect(found).toHaveLength(1);
    expect(found[0].path).toBe("2");
    expect(found[0].message).toContain('"contains" does not fit attribute "plan", a list attribute; use is any of, is none of');
  });

  it("checks operands: count, numbers, dates, list options, day counts", () => {
    const score = (op: string, values: string[]) => ({ kind: "attribute", attribute: "score", op, values }) as Condition;
    const renewal = (op: string, values: string[]) => ({ kind: "attribute", attribute: "renewal", op, values }) as Condition;
    const msgs = problems(
      and(
        score("gt", ["ten"]),
        score("between", ["5"]),
        score("between", ["9", "1"]),
        renewal("before", ["23/11/2026"]),
        renewal("inLastDays", ["0"]),
        { kind: "attribute", attribute: "plan", op: "anyOf", values: ["platinum"] },
        city("is", [" "]),
      ),
    ).map((p) => `${p.path}: ${p.message}`);
    expect(msgs).toEqual([
      '1: attribute "score" is a number; "ten" is not one',
      '2: "between" needs 2 values',
      "3: the first number must not be above the second",
      '4: attribute "renewal" is a date; use a date like 2026-11-23, not "23/11/2026"',
      "5: the number of days must be a whole number from 1 to 3650",
      '6: "platinum" is not an option of attribute "plan" (free, pro, enterprise)',
      '7: fill in the value for attribute "city"',
    ]);
  });

  it("refuses empty inner groups, too deep nesting and too many conditions", () => {
    expect(problems(and(and()))).toEqual([{ path: "1", message: "this group is empty; add a condition or remove the group" }]);
    let deep: FilterTree = and(city("isSet", []));
    for (let i = 0; i < MAX_DEPTH; i++) deep = and(deep);
    expect(problems(deep)[0].message).toContain(`at most ${MAX_DEPTH} deep`);
    const many = and(...Array.from({ length: MAX_CONDITIONS + 1 }, () => city("isSet", [])));
    expect(describeProblems(problems(many))).toBe(`a segment has at most ${MAX_CONDITIONS} conditions; this one has ${MAX_CONDITIONS + 1}`);
  });

  it("refuses a tree of any depth before reading it, with the path of the first group too deep", () => {
    for (const depth of [MAX_DEPTH + 1, 700, 100_000]) {
      let deep: unknown = city("isSet", []);
      for (let i = 0; i < depth; i++) deep = { kind: "group", join: "and", children: [deep] };
      expect(problems(deep), `${depth} deep`).toEqual([{ path: "1.1.1.1.1", message: `groups nest at most ${MAX_DEPTH} deep; move this group up a level` }]);
    }
    // Two branches too deep: both named, in the tree's order.
    const six = (leaf: Condition) => and(and(and(and(and(and(leaf))))));
    expect(problems(and(...six(city("isSet", [])).children, ...six(city("isNotSet", [])).children)).map((p) => p.path)).toEqual(["1.1.1.1.1", "2.1.1.1.1"]);
  });

  it("turns a malformed tree into a message with the condition's position, never a throw", () => {
    const found = problems(and(city("is"), and({ kind: "tags", op: "some", tags: ["x"] } as unknown as Condition)));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].path).toMatch(/^2\.1/);
    expect(problems("not a tree").length).toBeGreaterThan(0);
    expect(problems({ kind: "group", join: "xor", children: [] })[0].path).toBe("(join)");
  });

  it("says in words what a typed number needs: a cleared field (NaN), a fraction, a number out of range", () => {
    const counter = (value: number) => ({ kind: "counter", counter: "sessionMessages", op: "ge", value }) as Condition;
    expect(problems(and(counter(Number.NaN)))).toEqual([{ path: "1 (value)", message: "type a number" }]);
    expect(problems(and(counter(1.5)))).toEqual([{ path: "1 (value)", message: "type a whole number" }]);
    expect(problems(and({ kind: "lastActive", op: "inLastDays", days: -5 }))).toEqual([{ path: "1 (days)", message: "type at least 1" }]);
    expect(problems(and({ kind: "campaignFatigue", atLeast: 5000, days: 30 }))).toEqual([{ path: "1 (atLeast)", message: "type at most 1,000" }]);
  });
});

describe("compileSegment", () => {
  it("never puts a value into SQL text: random trees carry every value as a parameter", () => {
    fc.assert(
      fc.property(treeArb(now), (tree) => {
        const { where, params } = compileSegment(tree, { now: new Date(now), timeZone: "UTC" }, new Map(ATTRIBUTES.map((a) => [a.name, a.type])));
        for (const [condition] of conditionsWithPaths(tree)) {
          // Status names are whitelisted SQL of the status machine (contact-status.ts), not input.
          if (condition.kind === "status") continue;
          const values = "values" in condition ? condition.values : "tags" in condition ? condition.tags : [];
          for (const v of values) if (v.length > 2) expect(where).not.toContain(`'${v}'`);
          // A key goes into SQL text only as the JSON path of a key that is one (attribute-paths.ts).
          if (condition.kind === "attribute") expect(where.replaceAll(`attribute_paths.\`${condition.attribute}\``, "")).not.toContain(condition.attribute);
        }
        // Every placeholder is bound, and every set is scoped to the workspace.
        for (const [, name] of where.matchAll(/\{(p\d+):/g)) expect(params).toHaveProperty(name);
        const tables = where.match(/\bFROM \w+/g)?.length ?? 0;
        expect(where.match(/workspace_id = \{workspaceId:String\}/g)?.length ?? 0).toBe(tables);
      }),
      { numRuns: 300 },
    );
  });

  it("an attribute name that looks like SQL stays a parameter, and only a catalogue key is read as a path", () => {
    const name = "x') OR 1=1 --";
    const { where, params } = compileSegment(and({ kind: "attribute", attribute: name, op: "isSet", values: [] }), { now: new Date(now), timeZone: "UTC" });
    expect(where).not.toContain("OR 1=1");
    expect(where).not.toContain("attribute_paths");
    expect(Object.values(params)).toContain(name);
    const city = compileSegment(and({ kind: "attribute", attribute: "city", op: "isSet", values: [] }), { now: new Date(now), timeZone: "UTC" });
    expect(city.where).toContain("attribute_paths.`city`.:String");
    expect(Object.values(city.params)).not.toContain("city");
  });
});

describe("tree links", () => {
  it("round-trip any tree through the compact URL form", () => {
    fc.assert(
      fc.property(treeArb(now), (tree) => {
        expect(decodeTree(encodeTree(tree))).toEqual(tree);
      }),
      { numRuns: 200 },
    );
  });

  it("read a broken link as no tree", () => {
    expect(decodeTree("%%%")).toBeNull();
    expect(decodeTree("")).toBeNull();
  });

  it("read a link nesting deeper than a segment may as no tree, saying why, at any depth", () => {
    for (const depth of [MAX_DEPTH + 1, 5000, 100_000]) {
      const json = '{"kind":"group","join":"and","children":['.repeat(depth) + "]}".repeat(depth);
      const link = Buffer.from(json).toString("base64url");
      expect(decodeTree(link), `${depth} deep`).toBeNull();
      expect(readTreeLink(link)).toEqual({ ok: false, message: `The filter in the link cannot be used: condition 1.1.1.1.1: groups nest at most ${MAX_DEPTH} deep; move this group up a level.` });
    }
    // A 2.6 MB link parsed a few times over: seconds on a busy 2-core machine.
  }, 30_000);
});
