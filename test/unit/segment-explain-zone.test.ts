import { describe, expect, it } from "vitest";
import type { ContactFacts } from "@/clickhouse/vocabulary/contact-facts";
import { explainTree } from "@/server/segments/explain";

// 18:50 UTC on Tuesday 10 November 2026 is 00:20 on Wednesday the 11th in Kolkata.
const readAt = Date.UTC(2026, 10, 10, 18, 50);
const facts: ContactFacts = {
  contact: "+919812345678",
  firstSeen: Date.UTC(2026, 9, 1, 4, 0),
  lastActive: readAt,
  templateMessages: 1,
  sessionMessages: 2,
  unresolvedQueries: 0,
  shownStatus: "active",
  source: "organic",
  sourceDetail: "",
  firstMessageTag: "",
  tags: new Map(),
  attributes: new Map(),
  campaigns: new Map([["cmp_sale", { sentAt: readAt - 60_000, deliveredAt: readAt - 30_000, readAt, repliedAt: null, failedAt: null }]]),
  optedOut: false,
};

function explain(timeZone: string) {
  const tree = {
    kind: "group" as const,
    join: "and" as const,
    children: [
      { kind: "campaign" as const, event: "read" as const, campaigns: ["cmp_sale"] },
      { kind: "lastActive" as const, op: "inLastDays" as const, days: 3650 },
    ],
  };
  const nodes = explainTree(tree, facts, { now: readAt + 60_000, timeZone, attributeTypes: new Map() }, { campaigns: new Map([["cmp_sale", "Summer sale"]]) });
  return nodes.filter((n) => n.kind === "condition").map((n) => n.actual);
}

describe("why is this contact here: days and times in the workspace's zone", () => {
  it("a read just after midnight in Kolkata is on the Kolkata day, and the last message names the zone it is shown in", () => {
    expect(explain("Asia/Kolkata")).toEqual(["read Summer sale on Nov 11, 2026", "Nov 11, 2026, 00:20 Asia/Kolkata"]);
    expect(explain("UTC")).toEqual(["read Summer sale on Nov 10, 2026", "Nov 10, 2026, 18:50 UTC"]);
  });
});
