import fc from "fast-check";
import { expect } from "vitest";

/**
 * Arbitraries and checks of the fuzz suite (test/integration/fuzz.test.ts):
 * values that are valid by construction, values that are broken by
 * construction, and mutations whose fate only the schema can tell.
 */

/** Text that must never reach a caller: the engine's messages, and a stack. */
export const LEAKS = ["DB::Exception", "Code: ", "ClickHouse", "    at "] as const;

/** Fails when an answer carries engine text or a stack. */
export function expectNoLeak(text: string, what: string) {
  for (const leak of LEAKS) expect(text, `${what} carries ${JSON.stringify(leak)}`).not.toContain(leak);
}

/** A value as JSON for a message; a value nested too deep for JSON.stringify is named by its shape. */
export function shown(value: unknown, max = 300): string {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, max);
  } catch {
    return "(nested too deep to show)";
  }
}

/** Generated input never holds a leak marker itself, so an answer echoing it (a reason quoting a value) is not a false alarm. */
export const withoutLeaks = <T>(arb: fc.Arbitrary<T>) => arb.filter((v) => !LEAKS.some((l) => shown(v, Infinity).includes(l)));

/** Strings people and programs actually send: any Unicode, half surrogate pairs, SQL and LIKE metacharacters, long runs. */
export const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom("", " ", "%", "_", "\\", "'", '"', "\\'", "%' OR 1=1 --", "{workspaceId:String}", "\u0000", "\ud800", "\udfff-x", "💬", "a\u0301", "\u202e", "NaN"),
  fc.string({ maxLength: 3 }).map((s) => s.repeat(300)),
);

/** Values that break columns and parsers: integers past Int32 and Int64, odd floats, wrong kinds, odd times. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1, 2 ** 64, -0, 1.5, 1e308, -1, 0),
  fc.constantFrom("0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "2026-02-30T10:00:00Z", "2026-11-20T10:00:00+99:00", "now"),
  fc.constantFrom(null, true, [], {}, [[[]]], { $gt: "" }),
  nastyString,
  fc.anything({ maxDepth: 2, maxKeys: 3 }),
);

/** A copy of a JSON value with the value at one place (picked by `pick` among its objects' keys) replaced. */
export function mutate(value: unknown, pick: number, replacement: unknown, newKey?: string): unknown {
  const places: Array<{ holder: Record<string, unknown>; key: string }> = [];
  const copy = structuredClone(value);
  const walk = (v: unknown) => {
    if (typeof v !== "object" || v === null) return;
    for (const key of Object.keys(v)) {
      places.push({ holder: v as Record<string, unknown>, key });
      walk((v as Record<string, unknown>)[key]);
    }
    if (newKey !== undefined && !Array.isArray(v)) places.push({ holder: v as Record<string, unknown>, key: newKey });
  };
  walk(copy);
  if (places.length === 0) return replacement;
  const { holder, key } = places[pick % places.length];
  holder[key] = replacement;
  return copy;
}

const HOUR = 3_600_000;
/** A time inside the event window: the last 300 days, or up to 23 hours ahead. */
export const recentTime = (now: number) => fc.integer({ min: -300 * 24, max: 23 }).map((h) => new Date(now + h * HOUR - 1000).toISOString());

/** Phones of one small pool, so events of a run meet the same contacts. */
export const phone = fc.integer({ min: 0, max: 39 }).map((n) => `+9198765${String(43_200 + n)}`);

/** A valid event of the Event API, without its id (the test numbers them so they are new). */
export function validEventArb(now: number) {
  const ts = recentTime(now);
  const wamid = fc.integer({ min: 0, max: 30 }).map((n) => `wamid.fuzz.${n}`);
  const campaign = fc.constantFrom("fuzz-spring", "fuzz-autumn");
  return fc.oneof(
    fc.record({ type: fc.constant("message.inbound"), contact: phone, ts, text: nastyString, context_wamid: fc.option(wamid, { nil: undefined }) }),
    fc.record({ type: fc.constant("message.outbound"), contact: phone, ts, kind: fc.constant("template"), wamid, campaign_id: campaign }),
    fc.record({
      type: fc.constant("message.status"),
      contact: phone,
      ts,
      wamid,
      status: fc.constantFrom("sent", "delivered", "read", "failed"),
      error: fc.option(fc.record({ code: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), title: fc.string({ maxLength: 20 }) }), { nil: undefined }),
      pricing: fc.option(fc.record({ category: fc.constantFrom("marketing", "utility"), billable: fc.boolean() }), { nil: undefined }),
    }),
    fc.record({ type: fc.constant("campaign.created"), ts, campaign_id: campaign, name: fc.string({ minLength: 1, maxLength: 30 }) }),
    fc.record({ type: fc.constant("tag.added"), contact: phone, ts, tag: fc.string({ minLength: 1, maxLength: 20 }), kind: fc.constantFrom("manual", "automated") }),
    fc.record({ type: fc.constant("attribute.set"), contact: phone, ts, attribute: fc.constantFrom("plan", "city", "score"), value: fc.oneof(nastyString, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)) }),
    fc.record({ type: fc.constant("intervention.requested"), contact: phone, ts, text: nastyString }),
  );
}

/** A part of a batch: a valid event, one with a field made nasty (valid or not, the schema says), or anything at all. */
export function batchItemArb(now: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: validEventArb(now), weight: 4 },
    { arbitrary: fc.tuple(validEventArb(now), fc.nat(), nastyValue, fc.option(fc.constantFrom("workspace_id", "event_id", "ts", "extra"), { nil: undefined })).map(([e, pick, v, key]) => mutate(e, pick, v, key)), weight: 3 },
    { arbitrary: fc.anything({ maxDepth: 2 }), weight: 1 },
  );
}

/** Meta's `timestamp` for a time inside the event window. */
export const waTimestamp = (now: number) => fc.integer({ min: 60, max: 300 * 24 * 3600 }).map((s) => String(Math.floor(now / 1000) - s));

/** A CSV cell that can break a reader: quotes, separators, line breaks, a BOM, odd Unicode. */
export const csvCell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('"', '""', 'Ali"ce', '=HYPERLINK("x")', '"open', 'close"', ",", ";", "\t", "|", "\n", "\r\n", "\ufeff", " ", "\ud800"),
);

/** A cell with no digit, quote or line break: never a phone, never a quoting problem, so a row of them is rejected on its own. */
export const garbageCell = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => /^[^\d"\r\n]+$/.test(s) && s.trim() !== "");
