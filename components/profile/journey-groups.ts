/** The journey's filter: event types grouped the way a person thinks of them. */
export const JOURNEY_GROUPS = [
  { key: "messages", label: "Messages", types: ["message.inbound", "message.outbound"] },
  { key: "delivery", label: "Ticks", types: ["message.status"] },
  { key: "chat", label: "Status changes", types: ["intervention.requested", "agent.intervened", "chat.resolved"] },
  { key: "tags", label: "Tags", types: ["tag.added", "tag.removed"] },
  { key: "attributes", label: "Attributes", types: ["attribute.set"] },
  { key: "contact", label: "Contact", types: ["contact.created", "contact.imported"] },
  { key: "conversions", label: "Conversions", types: ["conversion"] },
  { key: "marketing", label: "Opt-outs", types: ["contact.opted_out", "contact.opted_in"] },
] as const;

export type JourneyGroupKey = (typeof JOURNEY_GROUPS)[number]["key"];

export function groupOfType(type: string): JourneyGroupKey | "other" {
  return JOURNEY_GROUPS.find((g) => (g.types as readonly string[]).includes(type))?.key ?? "other";
}

export function typesOfGroups(groups: readonly JourneyGroupKey[]) {
  return JOURNEY_GROUPS.filter((g) => groups.includes(g.key)).flatMap((g) => g.types);
}

/** `?at=` as the server takes it: a day or an exact ISO time; anything else is dropped with a note. */
export function readAt(param: string | null): { at?: string; problem?: string } {
  if (!param) return {};
  if (/^\d{4}-\d{2}-\d{2}$/.test(param) && !Number.isNaN(Date.parse(`${param}T00:00:00Z`))) return { at: param };
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d\d:\d\d)$/.test(param) && !Number.isNaN(Date.parse(param))) return { at: param };
  return { problem: `“${param.slice(0, 40)}” is not a date like 2026-10-01, so the journey starts from the latest event.` };
}

/** What folding ticks needs of a journey event. */
export interface FoldableEvent {
  eventId: string;
  ts: string;
  type: string;
  /** WhatsApp's message id; a status carries its message's. */
  messageId: string;
  status: string;
}

/** A row of the journey: one event, and for an outbound message the statuses folded into it, oldest first. */
export interface JourneyRowOf<E extends FoldableEvent> {
  event: E;
  ticks: E[];
}

/**
 * One page of the journey (newest first) as rows: the statuses of an outbound
 * message (sent, delivered, read, failed) fold into that message's row, so a
 * campaign send reads as one row with its ticks, not five.
 *
 * Folding is per page, on purpose: rows already shown never move or vanish
 * when an older page loads. So a status whose message is on another (older)
 * page, or not loaded under the type filter (Ticks alone), stays a row of its
 * own, as before. Each page is a slice of the one sorted journey, so paging
 * and the type filters keep working unchanged.
 */
export function foldTicks<E extends FoldableEvent>(page: readonly E[]): Array<JourneyRowOf<E>> {
  const sends = new Set(page.filter((e) => e.type === "message.outbound" && e.messageId).map((e) => e.messageId));
  const statuses = new Map<string, E[]>();
  const rows: Array<JourneyRowOf<E>> = [];
  for (const e of page) {
    if (e.type === "message.status" && sends.has(e.messageId)) {
      statuses.set(e.messageId, [...(statuses.get(e.messageId) ?? []), e]);
    } else {
      rows.push({ event: e, ticks: [] });
    }
  }
  for (const row of rows) {
    const e = row.event;
    if (e.type !== "message.outbound" || !statuses.has(e.messageId)) continue;
    // Oldest first, as they happened; ties (same millisecond) by id, as the journey orders them.
    row.ticks = statuses.get(e.messageId)!.sort((a, b) => (a.ts === b.ts ? (a.eventId < b.eventId ? -1 : 1) : a.ts < b.ts ? -1 : 1));
    // A second outbound event with the same id (it should not happen) keeps its row, without ticks twice.
    statuses.delete(e.messageId);
  }
  return rows;
}

export type Tick = "sent" | "delivered" | "read" | "failed";

/** The furthest tick among a message's statuses; a read outranks a late failure report (as the profile's campaign ticks). */
export function furthestTick(statuses: ReadonlyArray<{ status: string }>): Tick | null {
  const has = new Set(statuses.map((s) => s.status));
  for (const tick of ["read", "delivered", "failed", "sent"] as const) if (has.has(tick)) return tick;
  return null;
}
