/** The journey's filter: event types grouped the way a person thinks of them. */
export const JOURNEY_GROUPS = [
  { key: "messages", label: "Messages", types: ["message.inbound", "message.outbound"] },
  { key: "delivery", label: "Ticks", types: ["message.status"] },
  { key: "chat", label: "Status changes", types: ["intervention.requested", "agent.intervened", "chat.resolved"] },
  { key: "tags", label: "Tags", types: ["tag.added", "tag.removed"] },
  { key: "attributes", label: "Attributes", types: ["attribute.set"] },
  { key: "contact", label: "Contact", types: ["contact.created", "contact.imported"] },
] as const;

export type JourneyGroupKey = (typeof JOURNEY_GROUPS)[number]["key"];

export function groupOfType(type: string): JourneyGroupKey | "other" {
  return JOURNEY_GROUPS.find((g) => (g.types as readonly string[]).includes(type))?.key ?? "other";
}

/** `?types=tags,attributes` → the groups it names (unknown names ignored). */
export function readGroups(param: string | null): JourneyGroupKey[] {
  if (!param) return [];
  const wanted = new Set(param.split(","));
  return JOURNEY_GROUPS.filter((g) => wanted.has(g.key)).map((g) => g.key);
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
