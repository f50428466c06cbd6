import { beforeAll, describe, expect, it } from "vitest";
import { FIRST_DAY, LAST_DAY } from "@/clickhouse/vocabulary/dates";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { insertEvents } from "../helpers/events";
import { callerFor, createTestWorkspace, type TestWorkspace } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

const store = useTestStore();
const SUPPORTED = `${FIRST_DAY} to ${LAST_DAY}`;
let ws: TestWorkspace;
const caller = () => callerFor(store(), ws.members[0].userId);

type Range = { from?: string; to?: string };
type Caller = ReturnType<typeof caller>;

/** Every procedure that takes a report range (server/schemas/report-range.ts). */
const RANGE_PROCEDURES: Record<string, (c: Caller, input: { workspaceId: string } & Range) => Promise<unknown>> = {
  "overview.summary": (c, i) => c.overview.summary(i),
  "unresolved.volume": (c, i) => c.unresolved.volume(i),
  "unresolved.speed": (c, i) => c.unresolved.speed(i),
  "unresolved.interveneSpeed": (c, i) => c.unresolved.interveneSpeed(i),
  "unresolved.sources": (c, i) => c.unresolved.sources(i),
  "unresolved.asked": (c, i) => c.unresolved.asked(i),
  "unresolved.terms": (c, i) => c.unresolved.terms(i),
  "unresolved.repeaters": (c, i) => c.unresolved.repeaters(i),
  "campaigns.list": (c, i) => c.campaigns.list(i),
  "campaigns.summary": (c, i) => c.campaigns.summary(i),
  "campaigns.timing": (c, i) => c.campaigns.timing(i),
};

const OUTSIDE: Range[] = [
  { from: "9999-01-01", to: "9999-12-31" },
  { from: "2149-06-01", to: "2149-06-30" },
  { from: "2299-12-01", to: "2299-12-31" },
  { from: "2105-12-31", to: "2106-01-01" },
  { from: "1969-12-31", to: "1970-01-02" },
  { to: "9999-12-31" },
  { from: "9999-01-01" },
];

const INSIDE: Range[] = [
  { from: "2105-12-01", to: "2105-12-31" },
  { from: FIRST_DAY, to: "1970-01-31" },
  // The default start is 29 days before `to`; here it would fall before the first day.
  { to: "1970-01-05" },
];

beforeAll(async () => {
  ws = await createTestWorkspace(store(), { members: [{ role: "admin" }] });
  const at = (iso: string, contact: string, type = "message.inbound") => ({ workspace_id: ws.workspaceId, contact, type, ts: Date.parse(iso), text: "hi" });
  await insertEvents(store(), [
    at("2105-12-31T23:59:59.999Z", "+919800000001"),
    at("2105-12-31T23:59:59.999Z", "+919800000001", "intervention.requested"),
    at("2105-12-01T00:00:00Z", "+919800000002"),
  ]);
});

describe("report ranges", () => {
  it("refuse a range outside the supported dates with a 400 that names them, on every range procedure", async () => {
    for (const [name, call] of Object.entries(RANGE_PROCEDURES)) {
      for (const range of OUTSIDE) {
        await expect(call(caller(), { workspaceId: ws.workspaceId, ...range }), `${name} ${JSON.stringify(range)}`).rejects.toMatchObject({
          code: "BAD_REQUEST",
          message: expect.stringContaining(SUPPORTED),
        });
      }
    }
  });

  it("answer at the edges of the supported dates, on every range procedure", async () => {
    for (const [name, call] of Object.entries(RANGE_PROCEDURES)) {
      for (const range of INSIDE) {
        await expect(call(caller(), { workspaceId: ws.workspaceId, ...range }), `${name} ${JSON.stringify(range)}`).resolves.toBeDefined();
      }
    }
  });

  it("count what happened on the last supported day on that day", async () => {
    const summary = await caller().overview.summary({ workspaceId: ws.workspaceId, from: "2105-12-01", to: LAST_DAY });
    expect(summary.messagesPerDay).toHaveLength(31);
    expect(summary.messagesPerDay.at(-1)).toEqual({ day: LAST_DAY, inbound: 1, outbound: 0 });
    expect(summary.messagesPerDay[0]).toEqual({ day: "2105-12-01", inbound: 1, outbound: 0 });
    const volume = await caller().unresolved.volume({ workspaceId: ws.workspaceId, from: "2105-12-01", to: LAST_DAY });
    expect(volume.days.at(-1)).toMatchObject({ day: LAST_DAY, requests: 1 });
    const early = await caller().overview.summary({ workspaceId: ws.workspaceId, to: "1970-01-05" });
    expect(early.range).toEqual({ from: FIRST_DAY, to: "1970-01-05", timeZone: "UTC" });
  });
});

describe("profile.journey", () => {
  it("refuses a jump outside the supported dates, naming them, and jumps to the last supported moment", async () => {
    const input = { workspaceId: ws.workspaceId, contact: "+919800000001" };
    for (const at of ["9999-12-31", "2106-01-01", "1969-12-31", "2299-01-01T00:00:00Z", "2106-01-01T00:00:00Z", "1969-12-31T23:59:59Z"]) {
      await expect(caller().profile.journey({ ...input, at }), at).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(SUPPORTED) });
    }
    for (const at of [LAST_DAY, "2105-12-31T23:59:59.999Z", `${FIRST_DAY}T00:00:00Z`]) {
      await expect(caller().profile.journey({ ...input, at }), at).resolves.toBeDefined();
    }
    const last = await caller().profile.journey({ ...input, at: LAST_DAY });
    expect(last.events.map((e) => e.type).sort()).toEqual(["intervention.requested", "message.inbound"]);
  });
});

describe("segment rule dates", () => {
  const firstSeen = (from: string, to: string): FilterTree => ({ kind: "group", join: "and", children: [{ kind: "firstSeen", from, to }] });

  it("refuse dates outside the supported range with a 400 naming it, in every kind of date rule", async () => {
    await caller().attributes.create({ workspaceId: ws.workspaceId, label: "Renewal", type: "date" });
    const trees: FilterTree[] = [
      firstSeen("2000-01-01", "9999-12-31"),
      firstSeen("1969-12-31", "2000-01-01"),
      { kind: "group", join: "and", children: [{ kind: "lastActive", op: "before", to: "2106-01-01" }] },
      { kind: "group", join: "and", children: [{ kind: "lastActive", op: "between", from: "2000-01-01", to: "2149-06-07" }] },
      { kind: "group", join: "and", children: [{ kind: "attribute", attribute: "renewal", op: "after", values: ["9999-01-01"] }] },
    ];
    for (const tree of trees) {
      await expect(caller().segments.count({ workspaceId: ws.workspaceId, tree }), JSON.stringify(tree)).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining(SUPPORTED),
      });
    }
  });

  it("match every contact from the first to the last supported day", async () => {
    for (const tree of [firstSeen("2000-01-01", LAST_DAY), firstSeen(FIRST_DAY, LAST_DAY), firstSeen(FIRST_DAY, "2105-12-31")]) {
      expect(await caller().segments.count({ workspaceId: ws.workspaceId, tree })).toEqual({ matching: 2, total: 2, optedOut: 0 });
    }
    const lastDay = await caller().segments.count({ workspaceId: ws.workspaceId, tree: firstSeen(LAST_DAY, LAST_DAY) });
    expect(lastDay).toEqual({ matching: 1, total: 2, optedOut: 0 });
  });
});
