import { EVENT_TYPES, eventSchema, type ChatEvent } from "../events/schema";

export interface Rejected {
  /** 1-based position in the batch (the line, for NDJSON). */
  index: number;
  reason: string;
}

export interface Validated {
  valid: Array<{ index: number; event: ChatEvent }>;
  rejected: Rejected[];
}

const EVENT_TYPE_SET: ReadonlySet<unknown> = new Set(EVENT_TYPES);
const UNKNOWN_TYPE = `type must be one of ${EVENT_TYPES.join(", ")}`;

/**
 * Checks one raw value on its own: the event, or what is wrong with it, every
 * problem at once so a person can fix it in one go. The problem does not say
 * where the value was; callers name its position.
 */
export function checkEvent(item: unknown, workspaceId: string): { event: ChatEvent } | { problem: string } {
  if (typeof item !== "object" || item === null || Array.isArray(item)) return { problem: "each event must be a JSON object" };
  // What the schema would say, without the cost of its error (a body can hold millions of such lines).
  if (!EVENT_TYPE_SET.has((item as { type?: unknown }).type)) return { problem: UNKNOWN_TYPE };
  const parsed = eventSchema.safeParse(item);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const field = issue.path.join(".");
      return issue.message.startsWith(field.split(".")[0] ?? "\0") || !field ? issue.message : `${field}: ${issue.message}`;
    });
    return { problem: problems.join("; ") };
  }
  if (parsed.data.workspace_id !== undefined && parsed.data.workspace_id !== workspaceId) {
    return { problem: `workspace_id "${parsed.data.workspace_id}" is not the workspace of this API key` };
  }
  return { event: parsed.data };
}

/**
 * Validates each event on its own: one bad event never sinks the batch. A
 * reason starts with the event's position: "event 3: ts is not…".
 */
export function validateEvents(raw: readonly unknown[], workspaceId: string, label = "event"): Validated {
  const out: Validated = { valid: [], rejected: [] };
  raw.forEach((item, i) => {
    const index = i + 1;
    const checked = checkEvent(item, workspaceId);
    if ("problem" in checked) out.rejected.push({ index, reason: `${label} ${index}: ${checked.problem}` });
    else out.valid.push({ index, event: checked.event });
  });
  return out;
}
