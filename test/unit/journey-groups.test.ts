import { describe, expect, it } from "vitest";
import { foldTicks, furthestTick, type FoldableEvent } from "@/components/profile/journey-groups";

const ev = (eventId: string, ts: string, type: string, messageId = "", status = ""): FoldableEvent => ({
  eventId,
  ts: `2026-10-01 ${ts}.000`,
  type,
  messageId,
  status,
});

/** A page as the journey sends it, newest first: a campaign send with three ticks, a reply between them, a tag. */
const page = [
  ev("read", "10:05:00", "message.status", "wamid.summer", "read"),
  ev("reply", "10:03:00", "message.inbound"),
  ev("delivered", "10:01:00", "message.status", "wamid.summer", "delivered"),
  ev("sent", "10:00:01", "message.status", "wamid.summer", "sent"),
  ev("tag", "10:00:00", "tag.added"),
  ev("out", "10:00:00", "message.outbound", "wamid.summer"),
];

describe("foldTicks: a campaign send is one row with its ticks", () => {
  it("folds a message's statuses into its row, oldest tick first, and leaves every other event a row in place", () => {
    const rows = foldTicks(page);
    expect(rows.map((r) => r.event.eventId)).toEqual(["reply", "tag", "out"]);
    expect(rows[2].ticks.map((t) => t.status)).toEqual(["sent", "delivered", "read"]);
    expect(rows.slice(0, 2).every((r) => r.ticks.length === 0)).toBe(true);
    // Nothing is lost: every event of the page is a row or a tick exactly once.
    expect(rows.flatMap((r) => [r.event, ...r.ticks]).map((e) => e.eventId).sort()).toEqual(page.map((e) => e.eventId).sort());
  });

  it("keeps a status whose message is not on the page (an older page, or filtered out) as its own row", () => {
    const newerPage = page.slice(0, 3); // read, reply, delivered: the send itself is on the next, older page
    expect(foldTicks(newerPage).map((r) => [r.event.eventId, r.ticks.length])).toEqual([
      ["read", 0],
      ["reply", 0],
      ["delivered", 0],
    ]);
    const ticksOnly = page.filter((e) => e.type === "message.status"); // the "Ticks" filter
    expect(foldTicks(ticksOnly)).toHaveLength(3);
    const messagesOnly = page.filter((e) => e.type.startsWith("message.") && e.type !== "message.status"); // "Messages"
    expect(foldTicks(messagesOnly).map((r) => r.ticks.length)).toEqual([0, 0]);
  });

  it("folds only into the message the status names, and a failure with it", () => {
    const rows = foldTicks([
      ev("winter-failed", "09:00:01", "message.status", "wamid.winter", "failed"),
      ev("other-read", "09:00:00", "message.status", "wamid.elsewhere", "read"),
      ev("winter-out", "09:00:00", "message.outbound", "wamid.winter"),
      ev("no-id-status", "08:00:00", "message.status", "", "sent"),
      ev("no-id-out", "08:00:00", "message.outbound", ""),
    ]);
    expect(rows.map((r) => [r.event.eventId, r.ticks.map((t) => t.eventId)])).toEqual([
      ["other-read", []],
      ["winter-out", ["winter-failed"]],
      ["no-id-status", []],
      ["no-id-out", []],
    ]);
  });

  it("an empty page has no rows", () => {
    expect(foldTicks([])).toEqual([]);
  });
});

describe("furthestTick", () => {
  it("ranks read over delivered over failed over sent, as the campaign ticks do", () => {
    expect(furthestTick([{ status: "sent" }, { status: "delivered" }, { status: "read" }])).toBe("read");
    expect(furthestTick([{ status: "sent" }, { status: "failed" }])).toBe("failed");
    expect(furthestTick([{ status: "failed" }, { status: "read" }])).toBe("read");
    expect(furthestTick([{ status: "sent" }])).toBe("sent");
    expect(furthestTick([{ status: "deleted" }])).toBeNull();
  });
});
