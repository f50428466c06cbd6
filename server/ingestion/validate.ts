import { eventSchema, type ChatEvent } from "../events/schema";

export interface Rejected {
  /** 1-based position in the batch (the line, for NDJSON). */
  index: number;
  reason: string;
}

export interface Validated {
  valid: Array<{ index: number; event: ChatEvent }>;
  rejected: Rejected[];
}

/**
 * Validates each event on its own: one bad event never sinks the batch. The
 * reason names every problem of the event, so a person can fix it in one go.
 */
export function validateEvents(raw: readonly unknown[], workspaceId: string, label = "event"): Validated {
  const out: Validated = { valid: [], rejected: [] };
  raw.forEach((item, i) => {
    const index = i + 1;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      out.rejected.push({ index, reason: `${label} ${index}: each event must be a JSON object` });
      return;
    }
    const parsed = eventSchema.safeParse(item);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => {
        const field = issue.path.join(".");
        return issue.message.startsWith(field.split(".")[0] ?? "\0") || !field ? issue.message : `${field}: ${issue.message}`;
      });
      out.rejected.push({ index, reason: `${label} ${index}: ${problems.join("; ")}` });
      return;
    }
    if (parsed.data.workspace_id !== undefined && parsed.data.workspace_id !== workspaceId) {
      out.rejected.push({
        index,
        reason: `${label} ${index}: workspace_id "${parsed.data.workspace_id}" is not the workspace of this API key`,
      });
      return;
    }
    out.valid.push({ index, event: parsed.data });
  });
  return out;
}

/** Splits an NDJSON body into values; a line that is not JSON is rejected with its line number. */
export function parseNdjson(body: string): { values: unknown[]; lineOf: number[]; rejected: Rejected[] } {
  const values: unknown[] = [];
  const lineOf: number[] = [];
  const rejected: Rejected[] = [];
  body.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    try {
      values.push(JSON.parse(line));
      lineOf.push(i + 1);
    } catch {
      rejected.push({ index: i + 1, reason: `line ${i + 1}: not valid JSON` });
    }
  });
  return { values, lineOf, rejected };
}
