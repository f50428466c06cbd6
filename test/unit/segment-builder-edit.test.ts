import { describe, expect, it } from "vitest";
import type { Condition, FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { CONDITION_KINDS, countablePart, defaultCondition, newGroup, waitingFor, type BuilderOptions } from "@/components/segments/tree-edit";
import { validateSegment } from "@/server/segments/validate";

const OPTIONS: BuilderOptions = {
  attributes: [{ name: "country", label: "Country", type: "list", options: ["India", "UAE"] }],
  tags: ["Churn risk", "Lead"],
  firstMessageTags: ["Product A"],
  sources: ["organic"],
  campaigns: [{ campaignId: "sale", name: "Sale" }],
  staticSegments: [{ segmentId: "s1", name: "Expo list" }],
  conversionNames: ["order_placed"],
  currencies: ["INR", "USD"],
  timeZone: "Asia/Kolkata",
};
const and = (...children: FilterTree["children"]): FilterTree => ({ kind: "group", join: "and", children });
const lead: Condition = { kind: "tags", op: "any", tags: ["Lead"], tagKind: "any" };

describe("the segment builder's new rules", () => {
  it("start without a chosen value, so adding one narrows nothing until it is complete", () => {
    for (const kind of ["tags", "firstMessageTag", "attribute", "source", "status", "staticList"] as const) {
      const rule = defaultCondition(kind, OPTIONS);
      expect(countablePart(and(lead, rule)), kind).toEqual({ tree: and(lead), pending: 1 });
    }
    // Picking the country attribute offers its values; none is chosen for the person.
    const country = defaultCondition("attribute", OPTIONS);
    expect(country).toMatchObject({ attribute: "", values: [] });
    const picked: Condition = { kind: "attribute", attribute: "country", op: "anyOf", values: [] };
    expect(countablePart(and(picked)).pending).toBe(1);
    expect(countablePart(and({ ...picked, values: ["India"] }))).toEqual({ tree: and({ ...picked, values: ["India"] }), pending: 0 });
  });

  it("a new group holding only an empty rule is not applied either", () => {
    const tree = and(lead, newGroup("or", defaultCondition("tags", OPTIONS)));
    expect(countablePart(tree)).toEqual({ tree: and(lead), pending: 1 });
  });

  it("rules with their own defaults are complete at once, and every complete default validates", () => {
    for (const { kind } of CONDITION_KINDS) {
      const rule = defaultCondition(kind, OPTIONS);
      const { tree, pending } = countablePart(and(rule));
      if (pending) continue;
      expect(validateSegment(tree, { attributes: OPTIONS.attributes }), kind).toMatchObject({ ok: true });
    }
  });

  it("a rule with a wrong value stays in: the count waits for it to be fixed", () => {
    const wrong: Condition = { kind: "lastActive", op: "inLastDays", days: -5 };
    const { tree, pending } = countablePart(and(lead, wrong));
    expect(pending).toBe(0);
    expect(validateSegment(tree, { attributes: OPTIONS.attributes })).toMatchObject({ ok: false, problems: [{ path: "2 (days)" }] });
  });

  it("an unfinished rule says in words what it waits for, never the schema's message", () => {
    const said = ["tags", "firstMessageTag", "attribute", "source", "status", "staticList"].map((kind) => waitingFor(defaultCondition(kind as Condition["kind"], OPTIONS)));
    expect(said).toEqual(["Pick a tag", "Pick a first-message tag", "Pick an attribute", "Pick a source", "Pick a status", "Pick a static list"]);
    expect(waitingFor({ kind: "attribute", attribute: "country", op: "anyOf", values: [] })).toBe("Give a value");
    expect(waitingFor(lead)).toBeNull();
  });
});
