import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { upsertAttributeDefinitions } from "@/clickhouse/queries/attributes";
import { countSegment, segmentMembers } from "@/clickhouse/queries/segments/audience";
import { upsertTagDefinitions } from "@/clickhouse/queries/tags";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { evaluateNode, type ContactFacts } from "@/server/segments/evaluate";
import type { Condition, FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { validateSegment } from "@/server/segments/validate";
import { randomId } from "../helpers/factories";
import { useTestStore } from "../helpers/store";
import { ATTRIBUTES, CAMPAIGNS, FIRST_MESSAGE_TAGS, generateContacts, treeArb } from "./segments-data";

/**
 * The compiled SQL against a plain TypeScript reading of the same events: for
 * every tree, the same count and the same members. The data goes through the
 * real ingestion pipeline, so the derived tables are what production has.
 */

const store = useTestStore();
const now = Date.now();
const DAY = 86_400_000;
const workspaceId = randomId("ws");
const attributeTypes = new Map(ATTRIBUTES.map((a) => [a.name, a.type]));
/**
 * The zones trees are checked in: the demo's (+5:30), UTC, one behind UTC with
 * DST, one at +5:45, and one whose day starts 14 hours before UTC's.
 */
const ZONES = ["Asia/Kolkata", "UTC", "America/Los_Angeles", "Asia/Kathmandu", "Pacific/Kiritimati"] as const;
let facts: ContactFacts[] = [];

beforeAll(async () => {
  await upsertTagDefinitions(store(), workspaceId, FIRST_MESSAGE_TAGS);
  await upsertAttributeDefinitions(store(), workspaceId, ATTRIBUTES);
  const data = generateContacts(300, now, 7);
  facts = data.facts;
  // In four batches by time, so the derived tables hold several parts whose
  // rows for one contact still have to be merged when read.
  const byTime = [...data.events].sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
  const quarter = Math.ceil(byTime.length / 4);
  for (let i = 0; i < byTime.length; i += quarter) await ingestEvents(store(), workspaceId, byTime.slice(i, i + quarter));
  // Another tenant with the same phones must never leak in.
  const other = generateContacts(40, now, 99);
  await ingestEvents(store(), randomId("ws"), other.events);
});

function expected(tree: FilterTree, timeZone: string = ZONES[0]): string[] {
  return facts
    .filter((f) => evaluateNode(tree, f, { now, timeZone, attributeTypes }))
    .map((f) => f.contact)
    .sort();
}

async function check(tree: FilterTree, timeZone: string = ZONES[0]) {
  const valid = validateSegment(tree, { attributes: ATTRIBUTES });
  expect(valid, JSON.stringify(tree)).toEqual({ ok: true, tree: expect.anything() });
  const want = expected(tree, timeZone);
  const clock = { now: new Date(now), timeZone };
  const [members, count] = await Promise.all([
    segmentMembers(store(), workspaceId, tree, clock, attributeTypes),
    countSegment(store(), workspaceId, tree, clock, attributeTypes),
  ]);
  expect(members, `${timeZone} ${JSON.stringify(tree)}`).toEqual(want);
  const optedOut = facts.filter((f) => f.optedOut && want.includes(f.contact)).length;
  expect(count).toEqual({ matching: want.length, total: facts.length, optedOut });
  return want.length;
}

const and = (...children: FilterTree["children"]): FilterTree => ({ kind: "group", join: "and", children });
const or = (...children: FilterTree["children"]): FilterTree => ({ kind: "group", join: "or", children });
const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);

/** One condition of every kind and every operator, each checked on its own and negated. */
const EVERY_CONDITION: Condition[] = [
  { kind: "tags", op: "any", tags: ["lead", "vip"], tagKind: "any" },
  { kind: "tags", op: "all", tags: ["lead", "vip"], tagKind: "any" },
  { kind: "tags", op: "none", tags: ["churn-risk"], tagKind: "any" },
  { kind: "tags", op: "any", tags: ["lead", "product-a"], tagKind: "manual" },
  { kind: "tags", op: "any", tags: ["product-a", "product-b"], tagKind: "automated" },
  { kind: "firstMessageTag", op: "any", tags: ["product-a"] },
  { kind: "firstMessageTag", op: "none", tags: ["product-a"] },
  { kind: "firstMessageTag", op: "empty", tags: [] },
  { kind: "attribute", attribute: "city", op: "is", values: ["mumbai"] },
  { kind: "attribute", attribute: "city", op: "isNot", values: ["Mumbai"] },
  { kind: "attribute", attribute: "city", op: "contains", values: ["DELHI"] },
  { kind: "attribute", attribute: "city", op: "startsWith", values: ["new"] },
  { kind: "attribute", attribute: "city", op: "oneOf", values: ["Pune", "dubai"] },
  { kind: "attribute", attribute: "city", op: "isSet", values: [] },
  { kind: "attribute", attribute: "email", op: "isNotSet", values: [] },
  { kind: "attribute", attribute: "email", op: "contains", values: ["user1"] },
  { kind: "attribute", attribute: "score", op: "eq", values: ["50"] },
  { kind: "attribute", attribute: "score", op: "ne", values: ["50"] },
  { kind: "attribute", attribute: "score", op: "lt", values: ["20"] },
  { kind: "attribute", attribute: "score", op: "le", values: ["20"] },
  { kind: "attribute", attribute: "score", op: "gt", values: ["80.5"] },
  { kind: "attribute", attribute: "score", op: "ge", values: ["-2"] },
  { kind: "attribute", attribute: "score", op: "between", values: ["-3", "40"] },
  { kind: "attribute", attribute: "renewal", op: "before", values: [day(0)] },
  { kind: "attribute", attribute: "renewal", op: "after", values: [day(10)] },
  { kind: "attribute", attribute: "renewal", op: "between", values: [day(-20), day(20)] },
  { kind: "attribute", attribute: "renewal", op: "inLastDays", values: ["30"] },
  { kind: "attribute", attribute: "renewal", op: "inNextDays", values: ["15"] },
  { kind: "attribute", attribute: "vip", op: "isTrue", values: [] },
  { kind: "attribute", attribute: "vip", op: "isFalse", values: [] },
  { kind: "attribute", attribute: "plan", op: "anyOf", values: ["pro", "enterprise"] },
  { kind: "attribute", attribute: "plan", op: "noneOf", values: ["free"] },
  { kind: "source", op: "any", values: ["organic"], ad: false },
  { kind: "source", op: "any", values: ["expo-2026", "crm"], ad: false },
  { kind: "source", op: "any", values: [], ad: true },
  { kind: "source", op: "none", values: ["api"], ad: true },
  { kind: "status", values: ["active"] },
  { kind: "status", values: ["requesting", "intervened"] },
  { kind: "status", values: ["closed", "history"] },
  { kind: "lastActive", op: "inLastDays", days: 7 },
  { kind: "lastActive", op: "before", to: day(-30) },
  { kind: "lastActive", op: "between", from: day(-60), to: day(-10) },
  { kind: "firstSeen", from: day(-90), to: day(-30) },
  { kind: "counter", counter: "templateMessages", op: "ge", value: 3 },
  { kind: "counter", counter: "sessionMessages", op: "lt", value: 2 },
  { kind: "counter", counter: "unresolvedQueries", op: "eq", value: 1 },
  { kind: "counter", counter: "unresolvedQueries", op: "ne", value: 0 },
  { kind: "counter", counter: "sessionMessages", op: "gt", value: 3 },
  { kind: "counter", counter: "templateMessages", op: "le", value: 1 },
  { kind: "campaign", event: "received", campaigns: ["c-diwali"] },
  { kind: "campaign", event: "read", campaigns: ["c-diwali", "c-restock"] },
  { kind: "campaign", event: "ignored", campaigns: [] },
  { kind: "campaign", event: "replied", campaigns: [] },
  { kind: "campaign", event: "failed", campaigns: CAMPAIGNS },
  { kind: "campaignFatigue", atLeast: 2, days: 120 },
  { kind: "campaignFatigue", atLeast: 1, days: 30 },
  { kind: "converted", campaigns: [], name: "" },
  { kind: "converted", campaigns: ["c-diwali"], name: "" },
  { kind: "converted", campaigns: ["c-restock", "c-survey"], name: "order_placed" },
  { kind: "converted", campaigns: [], name: "booking" },
  { kind: "revenue", days: 30, currency: "INR", min: 1 },
  { kind: "revenue", days: 120, currency: "INR", min: 2500.5 },
  { kind: "revenue", days: 60, currency: "USD", min: 100 },
  { kind: "neverConverted" },
  { kind: "optedOut" },
];

describe("segments: compiled SQL agrees with the reference evaluator", () => {
  it("on the empty tree: every contact of the workspace, none of another", async () => {
    expect(await check(and())).toBe(300);
  });

  it.each(EVERY_CONDITION.map((c) => [`${c.kind} ${"op" in c ? c.op : ""} ${JSON.stringify(c).slice(0, 90)}`, c]))(
    "%s, and its NOT",
    async (_name, condition) => {
      const n = await check(and(condition));
      const negated = await check(and({ ...condition, not: true }));
      expect(n + negated).toBe(300);
    },
  );

  const DAY_CONDITIONS = EVERY_CONDITION.filter(
    (c) => c.kind === "lastActive" || c.kind === "firstSeen" || (c.kind === "attribute" && c.attribute === "renewal"),
  );
  it.each(ZONES.slice(1).map((z) => [z]))("conditions on days read them in the workspace's zone too: %s", async (timeZone) => {
    for (const condition of DAY_CONDITIONS) {
      const n = await check(and(condition), timeZone);
      const negated = await check(and({ ...condition, not: true }), timeZone);
      expect(n + negated).toBe(300);
    }
  });

  it("opted out: keyword replies and 131050 failures give a real share, and an opt-in after an opt-out counts as in", async () => {
    const out = facts.filter((f) => f.optedOut).length;
    expect(out).toBeGreaterThan(10);
    expect(out).toBeLessThan(150);
    const n = await check(and({ kind: "optedOut" }, { kind: "campaign", event: "received", campaigns: [] }));
    const negated = await check(and({ kind: "optedOut", not: true }, { kind: "campaign", event: "received", campaigns: [] }));
    expect(n + negated).toBe(expected(and({ kind: "campaign", event: "received", campaigns: [] })).length);
  });

  it("most single conditions pick a real part of the audience (the data is not degenerate)", () => {
    const sizes = EVERY_CONDITION.map((c) => expected(and(c)).length);
    expect(sizes.filter((n) => n > 0 && n < 300).length).toBeGreaterThan(EVERY_CONDITION.length * 0.8);
  });

  it("on nested groups with NOT at every level", async () => {
    const tree = or(
      and(
        { kind: "tags", op: "any", tags: ["lead"], tagKind: "any" },
        { kind: "group", join: "or", not: true, children: [{ kind: "status", values: ["history"] }, { kind: "source", op: "any", values: ["api"], ad: false }] },
      ),
      {
        kind: "group",
        join: "and",
        children: [
          { kind: "campaign", event: "read", campaigns: [] },
          { kind: "attribute", attribute: "plan", op: "anyOf", values: ["pro"], not: true },
          or({ kind: "counter", counter: "sessionMessages", op: "ge", value: 2 }, and({ kind: "firstMessageTag", op: "empty", tags: [] })),
        ],
      },
    );
    await check(tree);
    await check({ ...tree, not: true });
  });

  it("on random trees (fast-check): every valid tree compiles, runs and matches", async () => {
    await fc.assert(
      fc.asyncProperty(treeArb(now), fc.constantFrom(...ZONES), async (tree, timeZone) => {
        await check(tree, timeZone);
      }),
      { numRuns: 120, seed: Number(process.env.SEGMENT_SEED ?? 20261123) },
    );
  });
});
