/**
 * The rules of the chat profile, in one place. The SQL in clickhouse/ derives
 * the same state from the event log; test/integration checks the two agree.
 */
import { HISTORY_AFTER_MS } from "@/clickhouse/vocabulary/chat-profile";

export const CONTACT_STATUSES = ["active", "requesting", "intervened", "closed"] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** Events that move a chat between the bot and a human. */
export const CONTROL_EVENTS = ["intervention.requested", "agent.intervened", "chat.resolved"] as const;
export type ControlEvent = (typeof CONTROL_EVENTS)[number];

/** A chat with no message either way for this long is in history. */
export { HISTORY_AFTER_MS };

/** WhatsApp's customer-service window: free-form (session) messages are allowed this long after the user's last message. */
export const SESSION_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The status machine: active → requesting (the user asked for a human) →
 * intervened (an agent took the chat) → closed (the agent resolved it) →
 * active again at the user's next message. Only the latest control event and
 * whether the user wrote after a resolve matter, so the state is derivable in
 * any arrival order.
 */
export function deriveStatus(input: {
  lastControl: ControlEvent | null;
  lastControlAt: number | null;
  lastActiveAt: number | null;
}): ContactStatus {
  switch (input.lastControl) {
    case "intervention.requested":
      return "requesting";
    case "agent.intervened":
      return "intervened";
    case "chat.resolved":
      return input.lastActiveAt !== null && input.lastControlAt !== null && input.lastActiveAt > input.lastControlAt
        ? "active"
        : "closed";
    default:
      return "active";
  }
}

/**
 * History is orthogonal to status: a resolved or bot chat that went quiet is
 * in history, and so is an unanswered request — it still counts as an open
 * unresolved query.
 */
export function isInHistory(lastMessageAt: number | null, now: number): boolean {
  return lastMessageAt === null || now - lastMessageAt > HISTORY_AFTER_MS;
}

/**
 * Template messages are business-initiated templates; session messages are
 * every message exchanged inside the 24-hour window (the user's and the
 * business's free-form replies).
 */
export function messageCounter(event: {
  type: string;
  kind?: "template" | "session";
}): "template" | "session" | null {
  if (event.type === "message.inbound") return "session";
  if (event.type === "message.outbound") return event.kind === "template" ? "template" : "session";
  return null;
}

/** Whether a free-form (session) message may be sent now, given the user's last message. */
export function insideSessionWindow(lastActiveAt: number | null, now: number): boolean {
  return lastActiveAt !== null && now - lastActiveAt <= SESSION_WINDOW_MS;
}

/**
 * The source an event gives a contact. The earliest event with a source wins:
 * a user who wrote first is organic, one whose chat an API campaign started is
 * api, an imported contact carries its import label.
 */
export function sourceOf(event: {
  type: string;
  actorKind?: string;
  source?: string;
}): string {
  switch (event.type) {
    case "contact.created":
    case "contact.imported":
      return event.source ?? "";
    case "message.inbound":
      return "organic";
    case "message.outbound":
      return event.actorKind === "api" ? "api" : "";
    default:
      return "";
  }
}

/** Lower-case, trim, and fold runs of white space, so "Hi, I want  Product A " matches "hi, i want product a". */
export function normaliseMessageText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * The first-message tag for a user's first message: the tag whose configured
 * pre-filled text the message starts with (users often add a few words to a
 * click-to-chat text). The longest configured text wins, so "Product A pro"
 * beats "Product A".
 */
export function matchFirstMessageTag(
  text: string,
  tags: ReadonlyArray<{ tag: string; firstMessageText: string }>,
): string | null {
  const message = normaliseMessageText(text);
  if (!message) return null;
  let best: { tag: string; length: number } | null = null;
  for (const t of tags) {
    const prefix = normaliseMessageText(t.firstMessageText);
    if (!prefix || !message.startsWith(prefix)) continue;
    // "…Product A" must not tag "…Product Apple": the text has to end at a word boundary.
    if (/[\p{L}\p{N}]/u.test(message.charAt(prefix.length)) && /[\p{L}\p{N}]$/u.test(prefix)) continue;
    if (!best || prefix.length > best.length) best = { tag: t.tag, length: prefix.length };
  }
  return best?.tag ?? null;
}
