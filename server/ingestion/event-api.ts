import type { Store } from "@/clickhouse/client";
import type { ChatEvent } from "../events/schema";
import { ingestEvents } from "./pipeline";
import { Rejections, type RejectionSummary } from "./rejections";
import { checkEvent, type Rejected } from "./validate";

export interface BatchAnswer extends RejectionSummary {
  stored: number;
  duplicates: number;
  /** The first rejections (at most 100), each with its position; the summary counts them all. */
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
  // A file saved by an editor may start with a UTF-8 byte-order mark, which JSON.parse refuses.
  if (body.startsWith("\uFEFF")) body = body.slice(1);
  const trimmed = body.trimStart();
  if (!trimmed) return { status: 400, answer: { error: "The body is empty: send a JSON array of events, or NDJSON." } };

  const valid: ChatEvent[] = [];
  const declaredJson = /^application\/json\b/i.test(contentType);
  const isNdjson = /ndjson|jsonl|x-json-stream/i.test(contentType) || (!declaredJson && !trimmed.startsWith("["));
  const label = isNdjson ? "line" : "event";
  const rejections = new Rejections<Rejected>();
  // Positions come in order, so the first rejections listed are the first of the batch.
  const reject = (index: number, problem: string) => rejections.add(problem, () => ({ index, reason: `${label} ${index}: ${problem}` }));
  const check = (value: unknown, index: number) => {
    const checked = checkEvent(value, workspaceId);
    if ("problem" in checked) reject(index, checked.problem);
    else valid.push(checked.event);
  };

  if (isNdjson) {
    body.split("\n").forEach((line, i) => {
      if (!line.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        return reject(i + 1, "not valid JSON");
      }
      check(value, i + 1);
    });
  } else {
    let values: unknown;
    try {
      values = JSON.parse(body);
    } catch {
      values = null;
    }
    if (!Array.isArray(values)) {
      return { status: 400, answer: { error: "The body is not a JSON array of events. Send an array, or NDJSON with one event per line." } };
    }
    values.forEach((value, i) => check(value, i + 1));
  }

  const result = await ingestEvents(store, workspaceId, valid);
  const nothingValid = valid.length === 0 && rejections.count > 0;
  return { status: nothingValid ? 400 : 200, answer: { ...result, rejected: rejections.listed, ...rejections.summary() } };
}
