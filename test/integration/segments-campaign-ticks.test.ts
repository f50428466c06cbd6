import { beforeAll, describe, expect, it } from "vitest";
import { eventSchema } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { exportResponse } from "@/server/segments/export-http";
import type { Condition, FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { callerFor, createTestWorkspace } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

const store = useTestStore();

/**
 * The segment builder's campaign behaviour against the campaign report: for
 * each stage, the segment "<stage> campaign X" has exactly the contacts of
 * X's drill-down for that stage (default 72 h reply window).
 *
 * Campaign "x" is sent ten days ago (T) to eleven people:
 *
 *   q1  delivered, read, replied through WhatsApp's context       replied
 *   q2  delivered, no read tick, wrote T+3 h without context       replied in the window (so read)
 *   q3  delivered, no read tick, replied through the context       replied (a reply proves the read)
 *   q4  a read tick and no delivered one                           read (a read proves the delivery)
 *   q5  delivered, then a failed status                            ignored, not failed
 *   q6  delivered, wrote T+73 h without context                    ignored: outside the window
 *   q7  failed                                                     failed
 *   q8  delivered, read                                            read, not replied
 *   q9  sent, nothing since                                        received only (pending)
 *   q10 delivered, wrote T+1 h answering campaign "y" by context   ignored x; replied y
 *   q11 failed, wrote T+1 h                                        failed: nothing arrived to answer
 */
const Q = (n: number) => `+9198711000${String(n).padStart(2, "0")}`;
const HOUR = 3_600_000;
const T = Math.floor((Date.now() - 10 * 24 * HOUR) / 60_000) * 60_000;

let seq = 0;
const ev = (e: Record<string, unknown>) => eventSchema.parse({ event_id: `ticks-${++seq}`, ...e });
const at = (ms: number) => new Date(ms).toISOString();
const wamid = (campaign: string, contact: string) => `wamid.${campaign}.${contact}`;
const send = (campaign: string, contact: string, ts = T) =>
  ev({ type: "message.outbound", kind: "template", contact, ts: at(ts), wamid: wamid(campaign, contact), campaign_id: campaign, template: `${campaign}_v1` });
const status = (campaign: string, contact: string, ts: number, s: string, extra: Record<string, unknown> = {}) =>
  ev({ type: "message.status", contact, ts: at(ts), wamid: wamid(campaign, contact), status: s, ...extra });
const inbound = (contact: string, ts: number, extra: Record<string, unknown> = {}) => ev({ type: "message.inbound", contact, ts: at(ts), text: "hello", ...extra });
const FAILED = { error: { code: 131026, title: "Message undeliverable" } };
const MIN = 60_000;

function events() {
  const x = "x";
  const delivered = (n: number) => status(x, Q(n), T + MIN, "delivered");
  return [
    ev({ type: "campaign.created", campaign_id: x, name: "X", template: "x_v1", ts: at(T - HOUR) }),
    ev({ type: "campaign.created", campaign_id: "y", name: "Y", template: "y_v1", ts: at(T - 25 * HOUR) }),
    send("y", Q(10), T - 24 * HOUR),
    status("y", Q(10), T - 24 * HOUR + MIN, "delivered"),
    ...Array.from({ length: 11 }, (_, i) => send(x, Q(i + 1))),
    delivered(1),
    status(x, Q(1), T + 2 * MIN, "read"),
    inbound(Q(1), T + 5 * MIN, { context_wamid: wamid(x, Q(1)) }),
    delivered(2),
    inbound(Q(2), T + 3 * HOUR),
    delivered(3),
    inbound(Q(3), T + 10 * MIN, { context_wamid: wamid(x, Q(3)) }),
    status(x, Q(4), T + 2 * MIN, "read"),
    delivered(5),
    status(x, Q(5), T + 5 * MIN, "failed", FAILED),
    delivered(6),
    inbound(Q(6), T + 73 * HOUR),
    status(x, Q(7), T + MIN, "failed", FAILED),
    delivered(8),
    status(x, Q(8), T + 30 * MIN, "read"),
    delivered(10),
    inbound(Q(10), T + HOUR, { context_wamid: wamid("y", Q(10)) }),
    status(x, Q(11), T + MIN, "failed", FAILED),
    inbound(Q(11), T + HOUR),
  ];
}

const EVENTS = ["received", "read", "ignored", "replied", "failed"] as const;
const STAGE = { received: "sent", read: "read", ignored: "ignored", replied: "replied", failed: "failed" } as const;

describe("segments: campaign behaviour counts ticks as the campaign report does", () => {
  let workspaceId: string;
  let caller: ReturnType<typeof callerFor>;

  beforeAll(async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "admin" }] });
    workspaceId = ws.workspaceId;
    caller = callerFor(store(), ws.members[0].userId);
    await ingestEvents(store(), workspaceId, events());
    // Another workspace: the same phones, writing inside x's window.
    const other = await createTestWorkspace(store());
    await ingestEvents(store(), other.workspaceId, [inbound(Q(6), T + HOUR), inbound(Q(8), T + HOUR)]);
  });

  const tree = (c: Condition): FilterTree => ({ kind: "group", join: "and", children: [c] });

  /** The segment's members, by count and by preview, which must agree. */
  async function segment(c: Condition): Promise<string[]> {
    const [count, preview] = await Promise.all([
      caller.segments.count({ workspaceId, tree: tree(c) }),
      caller.segments.preview({ workspaceId, tree: tree(c), sort: "phone", direction: "asc", pageSize: 200 }),
    ]);
    const members = preview.rows.map((r) => r.contact);
    expect(count.matching).toBe(members.length);
    return members;
  }

  async function drillDown(campaignId: string, stage: (typeof STAGE)[keyof typeof STAGE]): Promise<string[]> {
    const res = await caller.campaigns.contacts({ workspaceId, campaignId, stage, pageSize: 200 });
    expect(res.total).toBe(res.rows.length);
    return res.rows.map((r) => r.contact).sort();
  }

  const EXPECTED = {
    received: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    read: [1, 2, 3, 4, 8],
    ignored: [5, 6, 10],
    replied: [1, 2, 3],
    failed: [7, 11],
  } as const;

  it.each(EVENTS)("%s campaign x: exactly the contacts of x's drill-down for that stage", async (event) => {
    const members = await segment({ kind: "campaign", event, campaigns: ["x"] });
    expect(members).toEqual(await drillDown("x", STAGE[event]));
    expect(members).toEqual(EXPECTED[event].map(Q));
  });

  it.each(EVENTS)("%s any campaign: the contacts of that stage in some campaign's drill-down", async (event) => {
    const members = await segment({ kind: "campaign", event, campaigns: [] });
    const union = new Set([...(await drillDown("x", STAGE[event])), ...(await drillDown("y", STAGE[event]))]);
    expect(members).toEqual([...union].sort());
  });

  it("why is this contact here: campaigns and broadcast tags by their names, with what the contact did and when", async () => {
    const day = (ms: number) => new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" }).format(ms);
    const read = await caller.segments.explain({ workspaceId, tree: tree({ kind: "campaign", event: "read", campaigns: ["x"] }), contact: Q(8) });
    expect(read[1]).toMatchObject({ text: "read X", met: true, actual: `read X on ${day(T + 30 * MIN)}` });
    const any = await caller.segments.explain({ workspaceId, tree: tree({ kind: "campaign", event: "received", campaigns: [] }), contact: Q(10) });
    expect(any[1].actual?.split("; ").sort()).toEqual([`got X on ${day(T + MIN)}, not read`, `replied to Y on ${day(T + HOUR)}`]);
    const tags = await caller.segments.explain({ workspaceId, tree: tree({ kind: "tags", op: "any", tags: ["broadcast:x"], tagKind: "any" }), contact: Q(8) });
    expect(tags[1]).toMatchObject({ text: "Tags has any of Broadcast · X", met: true });
    expect(tags[1].actual).toContain("Broadcast · X (automated)");
  });

  it("the CSV export names a broadcast tag by its campaign", async () => {
    const link = Buffer.from(JSON.stringify(tree({ kind: "campaign", event: "read", campaigns: ["x"] }))).toString("base64url");
    const res = await exportResponse(store(), workspaceId, "draft", new URL(`http://localhost/export?tree=${link}`));
    const rows = (await res.text()).trimEnd().split("\r\n");
    expect(rows[0]).toBe("phone,name,tags");
    expect(rows.find((r) => r.startsWith(Q(8)))).toBe(`${Q(8)},,Broadcast · X`);
  });

  it("replied any campaign includes q10's context reply to y, which is not a reply to x", async () => {
    expect(await segment({ kind: "campaign", event: "replied", campaigns: ["y"] })).toEqual([Q(10)]);
    expect(await segment({ kind: "campaign", event: "replied", campaigns: [] })).toContain(Q(10));
  });

  it("fatigue: received a campaign in the last 30 days and read none, a reply counting as a read", async () => {
    // q10 replied to y, q1–q4 and q8 read x (q2 and q3 by replying).
    expect(await segment({ kind: "campaignFatigue", atLeast: 1, days: 30 })).toEqual([5, 6, 7, 9, 11].map(Q));
    expect(await segment({ kind: "campaignFatigue", atLeast: 2, days: 30 })).toEqual([]);
    // x was sent ten days ago: outside a 5-day window.
    expect(await segment({ kind: "campaignFatigue", atLeast: 1, days: 5 })).toEqual([]);
  });

  it("why is this contact here: the explanation reads the same ticks", async () => {
    const met = async (contact: string, c: Condition) => {
      const nodes = await caller.segments.explain({ workspaceId, tree: tree(c), contact });
      return nodes.find((n) => n.kind === "condition")!.met;
    };
    expect(await met(Q(2), { kind: "campaign", event: "replied", campaigns: ["x"] })).toBe(true);
    expect(await met(Q(2), { kind: "campaign", event: "ignored", campaigns: ["x"] })).toBe(false);
    expect(await met(Q(6), { kind: "campaign", event: "ignored", campaigns: ["x"] })).toBe(true);
    expect(await met(Q(6), { kind: "campaign", event: "replied", campaigns: [] })).toBe(false);
    expect(await met(Q(5), { kind: "campaign", event: "failed", campaigns: ["x"] })).toBe(false);
    expect(await met(Q(4), { kind: "campaign", event: "ignored", campaigns: ["x"] })).toBe(false);
    expect(await met(Q(11), { kind: "campaign", event: "failed", campaigns: ["x"] })).toBe(true);
    expect(await met(Q(5), { kind: "campaignFatigue", atLeast: 1, days: 30 })).toBe(true);
    expect(await met(Q(3), { kind: "campaignFatigue", atLeast: 1, days: 30 })).toBe(false);
  });
});
