import { describe, expect, it } from "vitest";
import {
  CONTROL_EVENTS,
  HISTORY_AFTER_MS,
  SESSION_WINDOW_MS,
  deriveStatus,
  insideSessionWindow,
  isInHistory,
  matchFirstMessageTag,
  messageCounter,
  normaliseMessageText,
  sourceOf,
  type ControlEvent,
} from "@/server/domain/chat-profile";

type ChatEvent = { type: ControlEvent | "message.inbound" | "message.outbound"; at: number };

/** Folds a chat's events into deriveStatus's input the way contact_state does: latest by time, not by arrival. */
function statusOf(events: ChatEvent[]) {
  let lastControl: ControlEvent | null = null;
  let lastControlAt: number | null = null;
  let lastActiveAt: number | null = null;
  for (const e of events) {
    if ((CONTROL_EVENTS as readonly string[]).includes(e.type)) {
      if (lastControlAt === null || e.at > lastControlAt) {
        lastControl = e.type as ControlEvent;
        lastControlAt = e.at;
      }
    } else if (e.type === "message.inbound") {
      lastActiveAt = Math.max(lastActiveAt ?? -Infinity, e.at);
    }
  }
  return deriveStatus({ lastControl, lastControlAt, lastActiveAt });
}

const seq = (...types: ChatEvent["type"][]): ChatEvent[] => types.map((type, i) => ({ type, at: 1_000 * (i + 1) }));

describe("deriveStatus: the status machine", () => {
  it("a chat with no control event is active", () => {
    expect(deriveStatus({ lastControl: null, lastControlAt: null, lastActiveAt: null })).toBe("active");
    expect(statusOf(seq("message.inbound", "message.outbound"))).toBe("active");
  });

  it("walks active → requesting → intervened → closed", () => {
    expect(statusOf(seq("message.inbound", "intervention.requested"))).toBe("requesting");
    expect(statusOf(seq("message.inbound", "intervention.requested", "agent.intervened"))).toBe("intervened");
    expect(statusOf(seq("message.inbound", "intervention.requested", "agent.intervened", "chat.resolved"))).toBe("closed");
  });

  it("a resolved chat goes back to active when the user writes again", () => {
    const events = seq("message.inbound", "intervention.requested", "agent.intervened", "chat.resolved", "message.inbound");
    expect(statusOf(events)).toBe("active");
  });

  it("only a user message reopens a resolved chat; a business message does not", () => {
    expect(statusOf(seq("message.inbound", "chat.resolved", "message.outbound"))).toBe("closed");
  });

  it("a user message at the very instant of the resolve does not reopen it", () => {
    expect(deriveStatus({ lastControl: "chat.resolved", lastControlAt: 5_000, lastActiveAt: 5_000 })).toBe("closed");
    expect(deriveStatus({ lastControl: "chat.resolved", lastControlAt: 5_000, lastActiveAt: 5_001 })).toBe("active");
  });

  it("a resolved chat whose user never wrote is closed", () => {
    expect(deriveStatus({ lastControl: "chat.resolved", lastControlAt: 5_000, lastActiveAt: null })).toBe("closed");
  });

  it("messages do not end a request or an intervention; only the next control event does", () => {
    expect(statusOf(seq("intervention.requested", "message.inbound", "message.outbound"))).toBe("requesting");
    expect(statusOf(seq("intervention.requested", "agent.intervened", "message.inbound"))).toBe("intervened");
    expect(statusOf(seq("chat.resolved", "message.inbound", "intervention.requested"))).toBe("requesting");
  });
});

describe("isInHistory", () => {
  const now = Date.UTC(2026, 10, 23, 12);

  it("a chat with no message at all is in history", () => {
    expect(isInHistory(null, now)).toBe(true);
  });

  it("moves a chat to history only after 24 hours without a message", () => {
    expect(HISTORY_AFTER_MS).toBe(24 * 60 * 60 * 1000);
    expect(isInHistory(now - 60_000, now)).toBe(false);
    expect(isInHistory(now - HISTORY_AFTER_MS, now)).toBe(false);
    expect(isInHistory(now - HISTORY_AFTER_MS - 1, now)).toBe(true);
    expect(isInHistory(now - 2 * HISTORY_AFTER_MS, now)).toBe(true);
  });
});

describe("messageCounter: template versus session messages", () => {
  it("counts every user message as a session message", () => {
    expect(messageCounter({ type: "message.inbound" })).toBe("session");
  });

  it("counts business templates as template messages and free-form replies as session messages", () => {
    expect(messageCounter({ type: "message.outbound", kind: "template" })).toBe("template");
    expect(messageCounter({ type: "message.outbound", kind: "session" })).toBe("session");
  });

  it("an outbound message without a kind is a session message", () => {
    expect(messageCounter({ type: "message.outbound" })).toBe("session");
  });

  it("counts nothing for non-message events", () => {
    for (const type of [...CONTROL_EVENTS, "message.status", "tag.added", "campaign.sent"]) {
      expect(messageCounter({ type })).toBeNull();
    }
  });
});

describe("insideSessionWindow", () => {
  const now = Date.UTC(2026, 10, 23, 12);

  it("is open for 24 hours after the user's last message, inclusive", () => {
    expect(SESSION_WINDOW_MS).toBe(24 * 60 * 60 * 1000);
    expect(insideSessionWindow(now - 1, now)).toBe(true);
    expect(insideSessionWindow(now - SESSION_WINDOW_MS, now)).toBe(true);
    expect(insideSessionWindow(now - SESSION_WINDOW_MS - 1, now)).toBe(false);
  });

  it("is closed when the user never wrote", () => {
    expect(insideSessionWindow(null, now)).toBe(false);
  });
});

describe("sourceOf", () => {
  it("a user who writes first is organic", () => {
    expect(sourceOf({ type: "message.inbound", actorKind: "user" })).toBe("organic");
  });

  it("an outbound message sent through the API is api; one sent by the bot or an agent gives no source", () => {
    expect(sourceOf({ type: "message.outbound", actorKind: "api" })).toBe("api");
    expect(sourceOf({ type: "message.outbound", actorKind: "bot" })).toBe("");
    expect(sourceOf({ type: "message.outbound", actorKind: "agent" })).toBe("");
  });

  it("a created or imported contact carries its custom label", () => {
    expect(sourceOf({ type: "contact.imported", source: "trade-fair-2026" })).toBe("trade-fair-2026");
    expect(sourceOf({ type: "contact.created", source: "website" })).toBe("website");
    expect(sourceOf({ type: "contact.imported" })).toBe("");
  });

  it("other events give no source, whatever they carry", () => {
    expect(sourceOf({ type: "tag.added", source: "x" })).toBe("");
    expect(sourceOf({ type: "intervention.requested", actorKind: "user" })).toBe("");
  });
});

describe("normaliseMessageText", () => {
  it("lower-cases, trims and folds runs of white space", () => {
    expect(normaliseMessageText("  Hi, I want\t\tProduct  A \n")).toBe("hi, i want product a");
  });

  it("folds compatibility forms (full-width letters, non-breaking spaces)", () => {
    expect(normaliseMessageText("ＰＲＯＤＵＣＴ\u00a0Ａ")).toBe("product a");
  });

  it("leaves an empty or blank text empty", () => {
    expect(normaliseMessageText("")).toBe("");
    expect(normaliseMessageText(" \n\t ")).toBe("");
  });
});

describe("matchFirstMessageTag", () => {
  it("does not match a text that only starts with the same letters", () => {
    const product = [{ tag: "Product A", firstMessageText: "Hi, I want Product A" }];
    expect(matchFirstMessageTag("Hi, I want Product Apple juice", product)).toBeNull();
    expect(matchFirstMessageTag("Hi, I want Product A, please", product)).toBe("Product A");
    expect(matchFirstMessageTag("Hi, I want Product A", product)).toBe("Product A");
  });

  const tags = [
    { tag: "Product A", firstMessageText: "Hi, I want to know about Product A" },
    { tag: "Product A Pro", firstMessageText: "Hi, I want to know about Product A Pro" },
    { tag: "Pricing", firstMessageText: "What does it cost?" },
    { tag: "No text", firstMessageText: "" },
  ];

  it("matches the configured pre-filled text exactly", () => {
    expect(matchFirstMessageTag("What does it cost?", tags)).toBe("Pricing");
  });

  it("matches when the user added words after the pre-filled text", () => {
    expect(matchFirstMessageTag("Hi, I want to know about Product A. Is it in stock?", tags)).toBe("Product A");
  });

  it("prefers the longest matching text, in any configuration order", () => {
    const message = "Hi, I want to know about Product A Pro please";
    expect(matchFirstMessageTag(message, tags)).toBe("Product A Pro");
    expect(matchFirstMessageTag(message, [...tags].reverse())).toBe("Product A Pro");
  });

  it("normalises both sides: case, spacing and compatibility forms", () => {
    expect(matchFirstMessageTag("  HI,  i want to know ABOUT product a  ", tags)).toBe("Product A");
    expect(matchFirstMessageTag("what does it cost?", [{ tag: "Pricing", firstMessageText: "  WHAT  does it COST? " }])).toBe(
      "Pricing",
    );
    expect(matchFirstMessageTag("ＷＨＡＴ does it cost?", tags)).toBe("Pricing");
  });

  it("requires the text at the start of the message, not anywhere in it", () => {
    expect(matchFirstMessageTag("Hello! What does it cost?", tags)).toBeNull();
  });

  it("matches nothing for a message shorter than the configured text", () => {
    expect(matchFirstMessageTag("Hi, I want to know", tags)).toBeNull();
  });

  it("never matches on an empty configured text or an empty message", () => {
    expect(matchFirstMessageTag("anything at all", [{ tag: "No text", firstMessageText: "  " }])).toBeNull();
    expect(matchFirstMessageTag("", tags)).toBeNull();
    expect(matchFirstMessageTag("   ", tags)).toBeNull();
  });

  it("returns null when no tags are configured", () => {
    expect(matchFirstMessageTag("Hi", [])).toBeNull();
  });
});
