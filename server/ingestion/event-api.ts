import type { Store } from "@/clickhouse/client";
import { ingestEvents } from "./pipeline";
import { parseNdjson, validateEvents, type Rejected } from "./validate";

export interface BatchAnswer {
  stored: number;
  duplicates: number;
  rejected: Rejected[];
}

/**
 * A batch from the Event API: a JSON array, or NDJSON (one event per line).
 * Positions in the answer are 1-based: array positions, or line numbers.
 */
export async function acceptEventBatch(
  store: Store,
  workspaceId: string,
  body: string,
  contentType: string,
): Promise<{ status: number; answer: BatchAnswer | { error: string } }> {
  const trimmed = body.trimStart();
  if (!trimmed) return { status: 400, answer: { error: "The body is empty: send a JSON array of events, or NDJSON." } };

  let values: unknown[];
  let positions: number[];
  let label: string;
  const rejected: Rejected[] = [];
  const declaredJson = /^application\/json\b/i.test(contentType);
  const isNdjson = /ndjson|jsonl|x-json-stream/i.test(contentType) || (!declaredJson && !trimmed.startsWith("["));
  if (isNdjson) {
    const parsed = parseNdjson(body);
    values = parsed.values;
    positions = parsed.lineOf;
    rejected.push(...parsed.rejected);
    label = "line";
  } else {
    try {
      const json: unknown = JSON.parse(body);
      if (!Array.isArray(json)) throw new Error("not an array");
      values = json;
    } catch {
      return { status: 400, answer: { error: "The body is not a JSON array of events. Send an array, or NDJSON with one event per line." } };
    }
    positions = values.map((_, i) => i + 1);
    label = "event";
  }

  const checked = validateEvents(values, workspaceId, label);
  // validateEvents numbers the values it saw; map back to lines for NDJSON.
  for (const r of checked.rejected) {
    const position = positions[r.index - 1];
    rejected.push({ index: position, reason: r.reason.replace(`${label} ${r.index}:`, `${label} ${position}:`) });
  }
  rejected.sort((a, b) => a.index - b.index);

  const result = await ingestEvents(store, workspaceId, checked.valid.map((v) => v.event));
  const nothingValid = checked.valid.length === 0 && rejected.length > 0;
  return { status: nothingValid ? 400 : 200, answer: { ...result, rejected } };
}
