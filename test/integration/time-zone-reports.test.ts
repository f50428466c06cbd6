import { describe, expect, it } from "vitest";
import { addDays, dayStart, zoneDay } from "@/clickhouse/vocabulary/dates";
import { eventSchema, type Actor } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { callerFor, createTestWorkspace } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

const store = useTestStore();

/**
 * The same events in a workspace in Asia/Kolkata (UTC+5:30) and one in UTC.
 * Tuesday 10 November 2026 ends in Kolkata at 18:30 UTC, so 23:40 there is
 * 18:10 UTC (the same day in both, hour 23 against 18) and 00:20 on Wednesday
 * the 11th is 18:50 UTC on Tuesday the 10th.
 */
const KOLKATA = "Asia/Kolkata";
const AGENT: Actor = { kind: "agent", id: "agent:asha", name: "Asha Rao" };

let seq = 0;
const ev = (e: Record<string, unknown>) => eventSchema.parse({ event_id: `tz${++seq}`, ...e });
/** A Kolkata wall-clock time of November 2026, "10T23:40", as the instant it is. */
const ist = (dayAndTime: string) => new Date(Date.parse(`2026-11-${dayAndTime}:00+05:30`)).toISOString();

/** Two workspaces with the same events, one per zone; an analyst of each reads them. */
async function twins(events: ReturnType<typeof ev>[]) {
  const callers: Record<"kolkata" | "utc", { caller: ReturnType<typeof callerFor>; workspaceId: string }> = {} as never;
  for (const [key, timeZone] of [["kolkata", KOLKATA], ["utc", "UTC"]] as const) {
    const ws = await createTestWorkspace(store(), { timeZone, members: [{ role: "analyst" }] });
    await ingestEvents(store(), ws.workspaceId, events);
    callers[key] = { caller: callerFor(store(), ws.members[0].userId), workspaceId: ws.workspaceId };
  }
  return callers;
}

function campaign(id: string, name: string, sentAt: string, recipients: Array<[phone: string, read: boolean]>) {
  return [
    ev({ type: "campaign.created", campaign_id: id, name, template: "t", ts: sentAt }),
    ev({ type: "campaign.sent", campaign_id: id, ts: sentAt }),
    ...recipients.flatMap(([contact, read]) => [
      ev({ type: "message.outbound", kind: "template", contact, ts: sentAt, wamid: `w.${id}.${contact}`, campaign_id: id, template: "t" }),
      ev({ type: "message.status", contact, ts: sentAt, wamid: `w.${id}.${contact}`, status: "delivered" }),
      ...(read ? [ev({ type: "message.status", contact, ts: sentAt, wamid: `w.${id}.${contact}`, status: "read" })] : []),
    ]),
  ];
}

describe("reports cut days and hours in the workspace's time zone", () => {
  it("a campaign delivered at 23:40 in Kolkata counts on that Kolkata day and in its hour 23; in UTC on the UTC day and hour 18", async () => {
    const { kolkata, utc } = await twins([
      ...campaign("late", "Late night sale", ist("10T23:40"), [
        ["+919800000001", true],
        ["+919800000002", true],
        ["+919800000003", false],
      ]),
      // 00:20 on Wednesday in Kolkata, still Tuesday in UTC.
      ...campaign("midnight", "Midnight drop", ist("11T00:20"), [["+919800000004", true]]),
    ]);
    const list = async (w: typeof kolkata, from: string, to: string) =>
      (await w.caller.campaigns.list({ workspaceId: w.workspaceId, from, to })).rows.map((r) => r.campaignId).sort();
    expect(await list(kolkata, "2026-11-10", "2026-11-10")).toEqual(["late"]);
    expect(await list(kolkata, "2026-11-11", "2026-11-11")).toEqual(["midnight"]);
    expect(await list(utc, "2026-11-10", "2026-11-10")).toEqual(["late", "midnight"]);
    expect(await list(utc, "2026-11-11", "2026-11-11")).toEqual([]);

    const days = async (w: typeof kolkata) =>
      (await w.caller.campaigns.summary({ workspaceId: w.workspaceId, from: "2026-11-09", to: "2026-11-12" })).days.map((d) => [d.day, d.campaigns, d.delivered, d.read]);
    expect(await days(kolkata)).toEqual([
      ["2026-11-09", 0, 0, 0],
      ["2026-11-10", 1, 3, 2],
      ["2026-11-11", 1, 1, 1],
      ["2026-11-12", 0, 0, 0],
    ]);
    expect(await days(utc)).toEqual([
      ["2026-11-09", 0, 0, 0],
      ["2026-11-10", 2, 4, 3],
      ["2026-11-11", 0, 0, 0],
      ["2026-11-12", 0, 0, 0],
    ]);

    const busy = async (w: typeof kolkata) => {
      const timing = await w.caller.campaigns.timing({ workspaceId: w.workspaceId, from: "2026-11-10", to: "2026-11-11" });
      return { timeZone: timing.timeZone, cells: timing.cells.filter((c) => c.delivered > 0).map((c) => [c.weekday, c.hour, c.delivered, c.read]) };
    };
    // Tuesday = 2, Wednesday = 3.
    expect(await busy(kolkata)).toEqual({ timeZone: KOLKATA, cells: [[2, 23, 3, 2], [3, 0, 1, 1]] });
    expect(await busy(utc)).toEqual({ timeZone: "UTC", cells: [[2, 18, 4, 3]] });
  });

  it("Overview's messages per day and Unresolved's requests per day change day at the zone's midnight", async () => {
    const contact = "+919811111111";
    const { kolkata, utc } = await twins([
      ev({ type: "message.inbound", contact, ts: ist("10T23:50"), text: "my refund is late" }),
      ev({ type: "intervention.requested", contact, ts: ist("10T23:50"), text: "refund late", actor: { kind: "user", id: contact } }),
      ev({ type: "message.inbound", contact, ts: ist("11T00:10"), text: "parcel missing" }),
      ev({ type: "intervention.requested", contact, ts: ist("11T00:10"), text: "parcel missing", actor: { kind: "user", id: contact } }),
      ev({ type: "message.outbound", kind: "session", contact, ts: ist("11T00:12"), text: "On it" }),
    ]);
    const range = { from: "2026-11-10", to: "2026-11-11" };

    const messages = async (w: typeof kolkata) =>
      (await w.caller.overview.summary({ workspaceId: w.workspaceId, ...range })).messagesPerDay.map((d) => [d.day, d.inbound, d.outbound]);
    expect(await messages(kolkata)).toEqual([["2026-11-10", 1, 0], ["2026-11-11", 1, 1]]);
    expect(await messages(utc)).toEqual([["2026-11-10", 2, 1], ["2026-11-11", 0, 0]]);
    const summary = await kolkata.caller.overview.summary({ workspaceId: kolkata.workspaceId, ...range });
    expect(summary.range).toEqual({ ...range, timeZone: KOLKATA });

    const volume = async (w: typeof kolkata) =>
      (await w.caller.unresolved.volume({ workspaceId: w.workspaceId, ...range })).days.map((d) => [d.day, d.requests, d.conversations, d.escalated]);
    // One contact writing on two Kolkata days is two conversations; on one UTC day, one.
    expect(await volume(kolkata)).toEqual([["2026-11-10", 1, 1, 1], ["2026-11-11", 1, 1, 1]]);
    expect(await volume(utc)).toEqual([["2026-11-10", 2, 1, 1], ["2026-11-11", 0, 0, 0]]);

    // What was asked on Wednesday in Kolkata: only the request after its midnight (a partial UTC day, read from the requests).
    const words = async (w: typeof kolkata, day: string) =>
      (await w.caller.unresolved.terms({ workspaceId: w.workspaceId, from: day, to: day })).words.map((t) => t.term).sort();
    expect(await words(kolkata, "2026-11-10")).toEqual(["late", "refund"]);
    expect(await words(kolkata, "2026-11-11")).toEqual(["missing", "parcel"]);
    expect(await words(utc, "2026-11-10")).toEqual(["late", "missing", "parcel", "refund"]);
    // The list's total too: without a search it sums the 15-minute summaries, cut at the zone's midnight.
    const asked = async (w: typeof kolkata, day: string) => {
      const page = await w.caller.unresolved.asked({ workspaceId: w.workspaceId, from: day, to: day });
      return [page.total, page.requests.map((r) => r.text)];
    };
    expect(await asked(kolkata, "2026-11-10")).toEqual([1, ["refund late"]]);
    expect(await asked(kolkata, "2026-11-11")).toEqual([1, ["parcel missing"]]);
    expect(await asked(utc, "2026-11-10")).toEqual([2, ["parcel missing", "refund late"]]);
    expect(await asked(utc, "2026-11-11")).toEqual([0, []]);
  });

  it("the top terms of a long range add its whole UTC days (request_terms) and its partial ones (the requests) exactly once", async () => {
    const contact = "+919822222222";
    const request = (at: string, text: string) => ev({ type: "intervention.requested", contact, ts: ist(at), text, actor: { kind: "user", id: contact } });
    const { kolkata } = await twins([
      request("02T05:00", "outside before"), // 1 Nov 23:30 UTC: before the range
      request("03T03:00", "refund early"), // 2 Nov 21:30 UTC: the range's first partial UTC day
      request("04T12:00", "refund middle"), // a whole UTC day
      request("06T12:00", "refund middle"),
      request("07T23:00", "refund late"), // 7 Nov 17:30 UTC: the last partial UTC day
      request("08T00:30", "outside after"), // after the range
    ]);
    const terms = await kolkata.caller.unresolved.terms({ workspaceId: kolkata.workspaceId, from: "2026-11-03", to: "2026-11-07" });
    expect(Object.fromEntries(terms.words.map((t) => [t.term, t.requests]))).toEqual({ refund: 4, middle: 2, early: 1, late: 1 });
    expect(terms.phrases).toEqual([{ term: "refund middle", requests: 2 }]);
  });

  it("weeks of the speed report start on the zone's Monday", async () => {
    const contact = "+919833333333";
    // Monday 16 November 00:10 in Kolkata is Sunday 15 November 18:40 in UTC.
    const { kolkata, utc } = await twins([
      ev({ type: "intervention.requested", contact, ts: ist("15T23:00"), text: "help", actor: { kind: "user", id: contact } }),
      ev({ type: "agent.intervened", contact, ts: ist("16T00:10"), actor: AGENT }),
    ]);
    const weeks = async (w: typeof kolkata) =>
      (await w.caller.unresolved.speed({ workspaceId: w.workspaceId, from: "2026-11-09", to: "2026-11-22" })).intervene.weeks.map((x) => [x.week, x.events]);
    expect(await weeks(kolkata)).toEqual([["2026-11-16", 1]]);
    expect(await weeks(utc)).toEqual([["2026-11-09", 1]]);
  });

  it("a range without dates ends today in the zone; segment rules on days use the zone", async () => {
    const contact = "+919844444444";
    const { kolkata, utc } = await twins([ev({ type: "message.inbound", contact, ts: ist("11T00:10"), text: "hi" })]);
    const summary = await kolkata.caller.overview.summary({ workspaceId: kolkata.workspaceId });
    expect(summary.range.to).toBe(zoneDay(Date.now(), KOLKATA));
    expect(summary.range.timeZone).toBe(KOLKATA);

    const firstSeenOn = (day: string) => ({ kind: "group", join: "and", children: [{ kind: "firstSeen", from: day, to: day }] });
    const count = async (w: typeof kolkata, day: string) => (await w.caller.segments.count({ workspaceId: w.workspaceId, tree: firstSeenOn(day) })).matching;
    expect([await count(kolkata, "2026-11-10"), await count(kolkata, "2026-11-11")]).toEqual([0, 1]);
    expect([await count(utc, "2026-11-10"), await count(utc, "2026-11-11")]).toEqual([1, 0]);
  });
});

describe("the zone's days as TypeScript cuts them (range bounds, segment rules) and as ClickHouse does (toDate)", () => {
  it.each([["Asia/Kolkata"], ["Asia/Kathmandu"], ["America/New_York"], ["America/Santiago"], ["Australia/Lord_Howe"], ["Pacific/Chatham"], ["Asia/Beirut"]])(
    "agree on every day of 2025–2027: %s",
    async (timeZone) => {
      const days = Array.from({ length: 3 * 365 }, (_, i) => addDays("2025-01-01", i));
      const starts = days.map((d) => dayStart(d, timeZone));
      // The first instant of each day falls on it, and the millisecond before on the day before.
      const [row] = await store().query<{ on: string[]; before: string[] }>(
        `SELECT arrayMap(t -> toString(toDate(fromUnixTimestamp64Milli(t, 'UTC'), {timeZone:String})), {starts:Array(Int64)}) AS on,
                arrayMap(t -> toString(toDate(fromUnixTimestamp64Milli(t - 1, 'UTC'), {timeZone:String})), {starts:Array(Int64)}) AS before
         WHERE {workspaceId:String} != ''`,
        { workspaceId: "none", timeZone, starts },
        { report: "test:time-zone-reports" },
      );
      expect(row.on).toEqual(days);
      expect(row.before).toEqual(days.map((d) => addDays(d, -1)));
    },
  );
});
