import { describe, expect, it } from "vitest";
import { segmentMembers } from "@/clickhouse/queries/segments/audience";
import { ATTRIBUTE_ENTRIES_SQL } from "@/clickhouse/queries/segments/compile";
import type { Condition, FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { insertEvents } from "../helpers/events";
import { useTestStore } from "../helpers/store";

const store = useTestStore();
const rule = (condition: Condition): FilterTree => ({ kind: "group", join: "and", children: [condition] });

/**
 * Exact attribute rules (one of a list, none of, true, false) are answered
 * from the attribute_entries text index (0025), over one string per
 * attribute: "<key length>:<key><value>". Keys from the Event API may hold any
 * character, so the entries of two different attributes must never be equal.
 */
describe("exact attribute rules over the attribute entries", () => {
  it("tell apart keys that hold ':' or letters of several bytes, and keep contacts without the attribute in 'none of'", async () => {
    const ws = "ws-attribute-entries";
    const now = Date.now();
    const set = (contact: string, attribute: string, value: string | boolean) => ({ workspace_id: ws, contact, type: "attribute.set", ts: now, attribute, value: String(value) });
    await insertEvents(store(), [
      set("+919800000101", "a:b", "c"),
      set("+919800000102", "a", ":bc"),
      set("+919800000106", "a:", "bc"),
      set("+919800000103", "städt", "Köln"),
      set("+919800000104", "opted_in", true),
      { workspace_id: ws, contact: "+919800000105", type: "message.inbound", ts: now, name: "No attributes" },
    ]);
    const members = (condition: Condition) => segmentMembers(store(), ws, rule(condition), { now: new Date(now), timeZone: "UTC" });

    expect(await members({ kind: "attribute", attribute: "a", op: "anyOf", values: [":bc"] })).toEqual(["+919800000102"]);
    expect(await members({ kind: "attribute", attribute: "a:", op: "anyOf", values: ["bc"] })).toEqual(["+919800000106"]);
    expect(await members({ kind: "attribute", attribute: "a:b", op: "anyOf", values: ["c"] })).toEqual(["+919800000101"]);
    expect(await members({ kind: "attribute", attribute: "städt", op: "anyOf", values: ["Köln", "Bonn"] })).toEqual(["+919800000103"]);
    expect(await members({ kind: "attribute", attribute: "städt", op: "anyOf", values: ["köln"] })).toEqual([]);
    expect(await members({ kind: "attribute", attribute: "a", op: "noneOf", values: [":bc"] })).toEqual([
      "+919800000101",
      "+919800000103",
      "+919800000104",
      "+919800000105",
      "+919800000106",
    ]);
    expect(await members({ kind: "attribute", attribute: "opted_in", op: "isTrue", values: [] })).toEqual(["+919800000104"]);
    expect(await members({ kind: "attribute", attribute: "opted_in", op: "isFalse", values: [] })).toEqual([]);
  });

  it("are written as the very expression the index is built on", async () => {
    // The engine answers from the index only when the rule spells the index's expression.
    const exempt = { report: "attribute-entries-test", tenant: "exempt: reads the schema" } as const;
    const [index] = await store().query<{ expr: string }>("SELECT expr FROM system.data_skipping_indices WHERE table = 'contacts' AND name = 'attribute_entries'", {}, exempt);
    const [formatted] = await store().query<{ ours: string; theirs: string }>(
      "SELECT formatQuery({ours:String}) AS ours, formatQuery({theirs:String}) AS theirs",
      { ours: `SELECT ${ATTRIBUTE_ENTRIES_SQL}`, theirs: `SELECT ${index!.expr}` },
      exempt,
    );
    expect(formatted!.ours).toBe(formatted!.theirs);
  });
});
