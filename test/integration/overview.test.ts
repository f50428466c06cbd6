import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contactStatusCounts } from "@/clickhouse/queries/overview";
import { HISTORY_AFTER_MS, deriveStatus, isInHistory, type ControlEvent } from "@/server/domain/chat-profile";
import { type EventInput, insertEvents } from "../helpers/events";
import { callerFor, createTestWorkspace, randomId } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

const store = useTestStore();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A contact's chat, as [event type, hours before now] pairs; outbound messages are session replies unless marked. */
type Step = [type: string, hoursAgo: number, extra?: Partial<EventInput>];

function chat(workspaceId: string, contact: string, now: number, steps: Step[]): EventInput[] {
  return steps.map(([type, hoursAgo, extra]) => ({
    workspace_id: workspaceId,
    contact,
    type,
    ts: now - hoursAgo * HOUR,
    message_kind: type === "message.outbound" ? "session" : "",
    ...extra,
  }));
}

const template = { message_kind: "template", actor_kind: "api" } as const;

describe("overview.summary", () => {
  it("counts contacts by status, history and open requests, and messages per day", async () => {
    const { workspaceId, members } = await createTestWorkspace(store(), { members: [{ role: "analyst" }] });
    const now = Date.now();
    const events = [
      // Asked for a human an hour ago: requesting.
      ...chat(workspaceId, "+919800000001", now, [["message.inbound", 3], ["intervention.requested", 1]]),
      // An agent took it: intervened.
      ...chat(workspaceId, "+919800000002", now, [
        ["message.inbound", 3],
        ["intervention.requested", 2],
        ["agent.intervened", 1],
        ["message.outbound", 0.5, { actor_kind: "agent" }],
      ]),
      // Resolved, then the user wrote again: active.
      ...chat(workspaceId, "+919800000003", now, [
        ["message.inbound", 5],
        ["intervention.requested", 4],
        ["agent.intervened", 3],
        ["chat.resolved", 2],
        ["message.inbound", 1],
      ]),
      // Resolved and quiet since: closed.
      ...chat(workspaceId, "+919800000004", now, [
        ["message.inbound", 5],
        ["intervention.requested", 4],
        ["agent.intervened", 3],
        ["message.outbound", 2.5, { actor_kind: "agent" }],
        ["chat.resolved", 2],
      ]),
      // A bot chat started by a campaign template, still going: active.
      ...chat(workspaceId, "+919800000005", now, [
        ["message.outbound", 6, template],
        ["message.inbound", 5],
        ["message.outbound", 5, { actor_kind: "bot" }],
      ]),
      // Quiet for two days (and a message 40 days ago, outside the default range): history.
      ...chat(workspaceId, "+919800000006", now, [
        ["message.inbound", 40 * 24],
        ["message.inbound", 48],
        ["message.outbound", 47.9, { actor_kind: "bot" }],
      ]),
      // An unanswered request three days old: history, and still an open request.
      ...chat(workspaceId, "+919800000007", now, [["message.inbound", 72], ["intervention.requested", 71.9]]),
      // Campaigns: one sent yesterday, one sent 60 days ago.
      { workspace_id: workspaceId, type: "campaign.created", ts: now - 25 * HOUR, campaign_id: "c-new", name: "New" },
      { workspace_id: workspaceId, type: "campaign.sent", ts: now - 24 * HOUR, campaign_id: "c-new" },
      { workspace_id: workspaceId, type: "campaign.created", ts: now - 61 * DAY, campaign_id: "c-old", name: "Old" },
      { workspace_id: workspaceId, type: "campaign.sent", ts: now - 60 * DAY, campaign_id: "c-old" },
    ];
    await insertEvents(store(), events);
    // Another tenant's busy chat must not show up.
    const other = randomId("ws");
    await insertEvents(store(), [
      ...chat(other, "+919800000001", now, [["message.inbound", 1], ["intervention.requested", 0.5]]),
      { workspace_id: other, type: "campaign.sent", ts: now - HOUR, campaign_id: "c-other" },
    ]);

    const summary = await callerFor(store(), members[0].userId).overview.summary({ workspaceId });

    expect(summary.contacts).toEqual({ total: 7, active: 2, requesting: 1, intervened: 1, closed: 1, history: 2 });
    expect(summary.openUnresolved).toBe(2);
    expect(summary.campaigns).toEqual({ total: 2, sentInRange: 1 });

    const inRange = (e: EventInput) => Number(e.ts) >= Date.parse(summary.range.from);
    const expectedInbound = events.filter((e) => e.type === "message.inbound" && inRange(e)).length;
    const expectedOutbound = events.filter((e) => e.type === "message.outbound" && inRange(e)).length;
    expect(summary.messagesPerDay).toHaveLength(30);
    expect(summary.messagesPerDay.at(-1)?.day).toBe(new Date(now).toISOString().slice(0, 10));
    expect(summary.messagesPerDay.reduce((n, d) => n + d.inbound, 0)).toBe(expectedInbound);
    expect(summary.messagesPerDay.reduce((n, d) => n + d.outbound, 0)).toBe(expectedOutbound);
    expect(expectedInbound).toBe(8);
  });

  it("fills every day of an explicit range, quiet days with zero", async () => {
    const { workspaceId, members } = await createTestWorkspace(store(), { members: [{ role: "manager" }] });
    const on = (iso: string, type: string) => ({ workspace_id: workspaceId, contact: "+14155550100", type, ts: Date.parse(iso) });
    await insertEvents(store(), [
      on("2025-03-01T08:00:00Z", "message.inbound"),
      on("2025-03-01T23:59:59.999Z", "message.inbound"),
      on("2025-03-01T09:00:00Z", "message.outbound"),
      on("2025-03-03T00:00:00Z", "message.inbound"),
      on("2025-03-05T00:00:00Z", "message.inbound"), // the day after the range
      on("2025-03-02T12:00:00Z", "tag.added"), // not a message
    ]);

    const summary = await callerFor(store(), members[0].userId).overview.summary({
      workspaceId,
      from: "2025-02-28",
      to: "2025-03-04",
    });
    expect(summary.range).toEqual({ from: "2025-02-28", to: "2025-03-04", timeZone: "UTC" });
    expect(summary.messagesPerDay).toEqual([
      { day: "2025-02-28", inbound: 0, outbound: 0 },
      { day: "2025-03-01", inbound: 2, outbound: 1 },
      { day: "2025-03-02", inbound: 0, outbound: 0 },
      { day: "2025-03-03", inbound: 1, outbound: 0 },
      { day: "2025-03-04", inbound: 0, outbound: 0 },
    ]);
    // The KPI cards' baseline: the five days before, Feb 23–27, whose only message is the one below.
    expect(summary.previous).toEqual({ range: { from: "2025-02-23", to: "2025-02-27" }, messages: 0, campaignsSent: 0 });
    await insertEvents(store(), [on("2025-02-27T23:00:00Z", "message.outbound")]);
    const again = await callerFor(store(), members[0].userId).overview.summary({ workspaceId, from: "2025-02-28", to: "2025-03-04" });
    expect(again.previous).toMatchObject({ messages: 1 });
    // A range starting on the first day the store holds has no period before it.
    const first = await callerFor(store(), members[0].userId).overview.summary({ workspaceId, from: "1970-01-01", to: "1970-01-31" });
    expect(first.previous).toBeNull();
  });

  it("an empty workspace has zero everywhere", async () => {
    const { workspaceId, members } = await createTestWorkspace(store(), { members: [{ role: "marketer" }] });
    const summary = await callerFor(store(), members[0].userId).overview.summary({ workspaceId, from: "2026-01-01", to: "2026-01-02" });
    expect(summary.contacts).toEqual({ total: 0, active: 0, requesting: 0, intervened: 0, closed: 0, history: 0 });
    expect(summary.openUnresolved).toBe(0);
    expect(summary.campaigns).toEqual({ total: 0, sentInRange: 0 });
    expect(summary.messagesPerDay).toEqual([
      { day: "2026-01-01", inbound: 0, outbound: 0 },
      { day: "2026-01-02", inbound: 0, outbound: 0 },
    ]);
  });
});

describe("contactStatusCounts agrees with the domain rules", () => {
  it("moves a chat to history exactly when isInHistory does, to the millisecond", async () => {
    const ws = randomId("ws");
    const now = Date.parse("2026-11-23T12:34:56.789Z");
    const lastMessageAgo = [HISTORY_AFTER_MS - 1, HISTORY_AFTER_MS, HISTORY_AFTER_MS + 1];
    await insertEvents(
      store(),
      lastMessageAgo.map((ago, i) => ({ workspace_id: ws, contact: `+91980000000${i}`, type: "message.inbound", ts: now - ago })),
    );
    const expectedHistory = lastMessageAgo.filter((ago) => isInHistory(now - ago, now)).length;
    expect(expectedHistory).toBe(1);
    expect(await contactStatusCounts(store(), ws, new Date(now))).toMatchObject({ total: 3, active: 2, history: 1 });
  });

  it("for random chats, counts each status and history as deriveStatus and isInHistory do", async () => {
    const now = Date.parse("2026-11-23T12:00:00Z");
    const type = fc.constantFrom(
      "intervention.requested",
      "agent.intervened",
      "chat.resolved",
      "message.inbound",
      "message.outbound",
    );
    // Minutes before now, up to three days back, so some chats are in history.
    const step = fc.record({ type, minutesAgo: fc.integer({ min: 0, max: 3 * 24 * 60 }) });
    const contactChat = fc.uniqueArray(step, { selector: (s) => s.minutesAgo, minLength: 1, maxLength: 6 });

    await fc.assert(
      fc.asyncProperty(fc.array(contactChat, { minLength: 1, maxLength: 15 }), async (chats) => {
        const ws = randomId("ws");
        const expected = { total: 0, active: 0, requesting: 0, intervened: 0, closed: 0, history: 0, openRequests: 0 };
        const rows: EventInput[] = [];
        chats.forEach((steps, i) => {
          const contact = `+9198${String(i).padStart(8, "0")}`;
          const at = (s: { minutesAgo: number }) => now - s.minutesAgo * 60_000;
          for (const s of steps) {
            rows.push({ workspace_id: ws, contact, type: s.type, ts: at(s), message_kind: s.type === "message.outbound" ? "session" : "" });
          }
          const byTime = [...steps].sort((a, b) => b.minutesAgo - a.minutesAgo);
          const lastControl = byTime.filter((s) => !s.type.startsWith("message.")).at(-1);
          const lastInbound = byTime.filter((s) => s.type === "message.inbound").at(-1);
          const lastMessage = byTime.filter((s) => s.type.startsWith("message.")).at(-1);
          const status = deriveStatus({
            lastControl: (lastControl?.type as ControlEvent) ?? null,
            lastControlAt: lastControl ? at(lastControl) : null,
            lastActiveAt: lastInbound ? at(lastInbound) : null,
          });
          expected.total++;
          if (isInHistory(lastMessage ? at(lastMessage) : null, now)) expected.history++;
          else expected[status]++;
          if (status === "requesting") expected.openRequests++;
        });
        await insertEvents(store(), rows);
        expect(await contactStatusCounts(store(), ws, new Date(now))).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });
});
