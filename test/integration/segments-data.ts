import fc from "fast-check";
import { broadcastTag } from "@/clickhouse/vocabulary/broadcast-tag";
import { DEFAULT_KEYWORDS, STOPPED_MARKETING_ERROR, matchOptKeyword } from "@/clickhouse/vocabulary/opt-outs";
import { deriveStatus, isInHistory, matchFirstMessageTag, sourceOf, type ControlEvent } from "@/server/domain/chat-profile";
import { eventSchema, type ChatEvent, type ChatEventInput } from "@/server/events/schema";
import type { CampaignTicks, ContactFacts } from "@/server/segments/evaluate";
import type { ConversionFact } from "@/clickhouse/vocabulary/contact-facts";
import type { Condition, FilterNode, FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { operatorsForType } from "@/clickhouse/vocabulary/filter-tree";

/**
 * Contacts with known properties for the segment oracle tests: a seeded
 * random history per contact, as events for the real ingestion pipeline, and
 * the facts a plain reading of those events gives (independent of the SQL).
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
/** The campaign report's default reply window (DEFAULT_REPLY_WINDOW_HOURS), spelled out here on purpose. */
const REPLY_WINDOW = 72 * 60 * MINUTE;

export const ATTRIBUTES = [
  { name: "city", type: "text", options: [] as string[] },
  { name: "email", type: "email", options: [] },
  { name: "score", type: "number", options: [] },
  { name: "renewal", type: "date", options: [] },
  { name: "vip", type: "boolean", options: [] },
  { name: "plan", type: "list", options: ["free", "pro", "enterprise"] },
];
export const TAGS = ["lead", "vip", "churn-risk", "wholesale", "product-a", "product-b"];
export const FIRST_MESSAGE_TAGS = [
  { tag: "product-a", firstMessageText: "Hi, I want Product A" },
  { tag: "product-b", firstMessageText: "Hello, tell me about Product B" },
];
export const CAMPAIGNS = ["c-diwali", "c-restock", "c-survey", "c-welcome"];
export const SOURCES = ["organic", "api", "expo-2026", "crm"];
const CITIES = ["Mumbai", "Pune", "mumbai", "Delhi", "New Delhi", "Dubai"];
const FIRST_TEXTS = ["Hi, I want Product A", "hi,  i want product a please", "Hello, tell me about Product B", "Hi there", "Product A"];

/** A tiny deterministic PRNG, so a failing seed can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

export interface GeneratedData {
  events: ChatEvent[];
  facts: ContactFacts[];
}

/** Replies that opt out or back in under the default keywords, and two that do not. */
const KEYWORD_REPLIES = ["STOP", " stop ", "Baja", "बंद करो", "START", "Alta", "stop please", "started"] as const;

/** `count` contacts with histories in the 120 days before `now`. */
export function generateContacts(count: number, now: number, seed = 42): GeneratedData {
  const r = prng(seed);
  // Opt-outs come from a stream of their own, so the histories stay as they were without them.
  const optOuts = prng(seed + 7_777);
  // Conversions draw from their own stream, so the other facts stay what they were.
  const rc = prng(seed * 7919 + 13);
  const events: ChatEvent[] = [];
  const facts: ContactFacts[] = [];
  let id = 0;
  for (let i = 0; i < count; i++) {
    const contact = `+9198${String(10_000_000 + i * 7919).padStart(8, "0")}`;
    const mine: Array<{ e: Record<string, unknown>; ts: number }> = [];
    // Every event of a contact at its own minute, so "the latest" is never a tie.
    let t = now - r.int(0, 120 * 24) * 60 * MINUTE;
    const at = () => (t += r.int(1, 90) * MINUTE);
    const add = (e: Record<string, unknown>, ts: number) => mine.push({ e: { event_id: `seg-${seed}-${id++}`, contact, ...e }, ts });

    const arrival = r.pick(["organic", "ad", "import", "api", "quiet"] as const);
    if (arrival === "import") add({ type: "contact.imported", name: `Imported ${i}`, source: r.pick(["expo-2026", "crm"]), source_detail: "leads.csv" }, at());
    if (arrival === "api") add({ type: "contact.created", name: `Api ${i}`, source: "api", source_detail: "storefront" }, at());
    if (arrival !== "quiet") {
      const referral = arrival === "ad" ? { source_type: "ad", headline: `Sale ${r.int(1, 3)}` } : undefined;
      add({ type: "message.inbound", text: r.pick(FIRST_TEXTS), profile_name: `User ${i}`, referral }, at());
    } else {
      add({ type: "attribute.set", attribute: "city", value: r.pick(CITIES) }, at());
    }
    for (let k = r.int(0, 4); k > 0; k--) {
      const kind = r.chance(0.5) ? "template" : "session";
      add({ type: "message.outbound", kind, actor: { kind: kind === "template" ? "api" : "bot" } }, at());
    }
    for (let k = r.int(0, 3); k > 0; k--) add({ type: "message.inbound", text: "more" }, at());
    // The status machine.
    for (const step of ["intervention.requested", "agent.intervened", "chat.resolved", "message.inbound"] as const) {
      if (!r.chance(0.45)) break;
      add(step === "message.inbound" ? { type: step, text: "thanks" } : { type: step }, at());
    }
    for (let k = r.int(0, 4); k > 0; k--) {
      add({ type: r.chance(0.75) ? "tag.added" : "tag.removed", tag: r.pick(TAGS), kind: r.pick(["manual", "automated"]) }, at());
    }
    for (let k = r.int(0, 5); k > 0; k--) {
      const a = r.pick(ATTRIBUTES);
      add({ type: "attribute.set", attribute: a.name, value: r.chance(0.1) ? null : attributeValue(a.name, r, now) }, at());
    }
    for (const campaign of CAMPAIGNS) {
      if (!r.chance(0.45)) continue;
      const wamid = `wamid.${seed}.${id++}`;
      const sent = at();
      add({ type: "message.outbound", kind: "template", campaign_id: campaign, wamid, actor: { kind: "system" } }, sent);
      // Besides the plain fates: a reply without context in the reply window
      // (with or without a read tick), one just after it, a context reply with
      // no read tick, a read tick with no delivered one, a failure after delivery.
      const fate = r.pick(["none", "delivered", "read", "read", "failed", "replied", "answered", "answeredUnread", "late", "silentReply", "readOnly", "failedAfterDelivery"] as const);
      const failed = () => add({ type: "message.status", wamid, status: "failed", error: { code: 131026, title: "undeliverable" } }, at());
      if (fate === "failed") failed();
      if (fate !== "none" && fate !== "failed" && fate !== "readOnly") add({ type: "message.status", wamid, status: "delivered" }, at());
      if (fate === "read" || fate === "replied" || fate === "answered" || fate === "readOnly") add({ type: "message.status", wamid, status: "read" }, at());
      if (fate === "replied" || fate === "silentReply") add({ type: "message.inbound", text: "yes please", context_wamid: wamid }, at());
      if (fate === "answered" || fate === "answeredUnread") add({ type: "message.inbound", text: "ok" }, at());
      if (fate === "late") {
        t = sent + REPLY_WINDOW + r.int(1, 600) * MINUTE;
        add({ type: "message.inbound", text: "sorry, late" }, t);
      }
      if (fate === "failedAfterDelivery") failed();
      if (fate === "failed" && optOuts.chance(0.3)) {
        // Meta's "stopped marketing messages": an opt-out of its own.
        add({ type: "message.status", wamid, status: "failed", error: { code: STOPPED_MARKETING_ERROR, title: "stopped marketing" } }, at());
      }
    }
    // Keyword replies, from a stream of their own so the histories above stay as they were.
    for (let k = optOuts.chance(0.3) ? optOuts.int(1, 3) : 0; k > 0; k--) {
      t += optOuts.int(1, 90) * MINUTE;
      add({ type: "message.inbound", text: optOuts.pick(KEYWORD_REPLIES) }, t);
    }
    // Conversions: some within days of the last campaign, some weeks later; a
    // value in INR or USD or none; order ids that repeat within a contact.
    for (let k = rc.chance(0.4) ? rc.int(1, 3) : 0; k > 0; k--) {
      t += rc.int(0, 12) * DAY + rc.int(1, 600) * MINUTE;
      const valued = rc.chance(0.75);
      add(
        {
          type: "conversion",
          name: rc.pick(["order_placed", "order_placed", "booking", "signup"]),
          ...(valued ? { value: rc.int(0, 4000) + (rc.chance(0.3) ? 0.5 : 0), currency: rc.pick(["INR", "INR", "USD"]) } : {}),
          ...(rc.chance(0.4) ? { order_id: `O-${rc.int(1, 2)}` } : {}),
        },
        t,
      );
    }
    // Histories that ran past now are moved back, whole, to end a minute ago.
    const shift = Math.max(0, t - (now - MINUTE));
    const parsed = mine.map(({ e, ts }) => eventSchema.parse({ ...e, ts: new Date(ts - shift).toISOString() } as ChatEventInput));
    events.push(...parsed);
    facts.push(factsOf(contact, parsed, now));
  }
  return { events, facts };
}

function attributeValue(name: string, r: ReturnType<typeof prng>, now: number): string | number | boolean {
  switch (name) {
    case "city":
      return r.pick(CITIES);
    case "email":
      return `user${r.int(1, 30)}@example.com`;
    case "score":
      return r.int(-5, 100) + (r.chance(0.3) ? 0.5 : 0);
    case "renewal":
      return new Date(now + r.int(-60, 60) * DAY).toISOString().slice(0, 10);
    case "vip":
      return r.chance(0.5);
    default:
      return r.pick(["free", "pro", "enterprise"]);
  }
}

const ms = (e: { ts: string }) => Date.parse(e.ts);

/** What a person reading the events would say about the contact. */
function factsOf(contact: string, events: ChatEvent[], now: number): ContactFacts {
  const sorted = [...events].sort((a, b) => ms(a) - ms(b));
  const inbound = sorted.filter((e) => e.type === "message.inbound");
  const messages = sorted.filter((e) => e.type === "message.inbound" || e.type === "message.outbound");
  const control = sorted.filter((e) => ["intervention.requested", "agent.intervened", "chat.resolved"].includes(e.type)).at(-1);
  const lastActive = inbound.length ? ms(inbound.at(-1)!) : null;
  const lastMessage = messages.length ? ms(messages.at(-1)!) : null;
  const status = deriveStatus({ lastControl: (control?.type as ControlEvent) ?? null, lastControlAt: control ? ms(control) : null, lastActiveAt: lastActive });

  const sourceEvent = sorted.find((e) => sourceOf({ type: e.type, actorKind: e.actor?.kind, source: "source" in e ? e.source : undefined }) !== "");
  const source = sourceEvent ? sourceOf({ type: sourceEvent.type, actorKind: sourceEvent.actor?.kind, source: "source" in sourceEvent ? sourceEvent.source : undefined }) : "";
  const detailOf = (e: ChatEvent) =>
    e.type === "message.inbound" && e.referral ? `ad: ${e.referral.headline}` : (e.type === "contact.created" || e.type === "contact.imported") && e.source_detail ? e.source_detail : "";
  const sourceDetail = sorted.map(detailOf).find(Boolean) ?? "";

  // Tags: the first inbound message may add a first-message tag (ingestion derives it at the message's time).
  const firstText = inbound[0]?.type === "message.inbound" ? inbound[0].text : undefined;
  const firstMessageTag = firstText ? (matchFirstMessageTag(firstText, FIRST_MESSAGE_TAGS) ?? "") : "";
  const tagEvents: Array<{ tag: string; added: boolean; kind: string; ts: number }> = sorted
    .filter((e) => e.type === "tag.added" || e.type === "tag.removed")
    .map((e) => ({ tag: (e as { tag: string }).tag, added: e.type === "tag.added", kind: (e as { kind: string }).kind, ts: ms(e) }));
  if (firstMessageTag) tagEvents.push({ tag: firstMessageTag, added: true, kind: "automated", ts: ms(inbound[0]) });
  // Each campaign sent tags the contact with its broadcast tag, at the first send.
  const firstSend = new Map<string, number>();
  for (const e of sorted) if (e.type === "message.outbound" && e.campaign_id && !firstSend.has(e.campaign_id)) firstSend.set(e.campaign_id, ms(e));
  for (const [campaign, ts] of firstSend) tagEvents.push({ tag: broadcastTag(campaign), added: true, kind: "automated", ts });
  const tags = new Map<string, string>();
  for (const e of tagEvents.sort((a, b) => a.ts - b.ts)) {
    if (e.added) tags.set(e.tag, e.kind);
    else tags.delete(e.tag);
  }
  // When a tag was removed after its last add, a later re-add's kind counts; a removed tag is gone.

  const attributes = new Map<string, string>();
  for (const e of sorted) if (e.type === "attribute.set") attributes.set(e.attribute, e.value === null ? "" : String(e.value));

  // Campaign ticks as the campaign report counts them. First each campaign's
  // raw first ticks, as WhatsApp reported them.
  const raw = new Map<string, CampaignTicks>();
  const wamidCampaign = new Map<string, string>();
  const tick = (campaign: string, field: keyof CampaignTicks, ts: number) => {
    const c = raw.get(campaign) ?? { sentAt: null, deliveredAt: null, readAt: null, repliedAt: null, failedAt: null };
    if (c[field] === null || ts < c[field]!) c[field] = ts;
    raw.set(campaign, c);
  };
  // Inbound messages that answer no campaign through their context: the candidates of a window reply.
  const uncontexted: number[] = [];
  for (const e of sorted) {
    if (e.type === "message.outbound" && e.campaign_id) {
      if (e.wamid) wamidCampaign.set(e.wamid, e.campaign_id);
      tick(e.campaign_id, "sentAt", ms(e));
    }
    if (e.type === "message.status") {
      const campaign = wamidCampaign.get(e.wamid);
      if (!campaign) continue;
      if (e.status === "sent") tick(campaign, "sentAt", ms(e));
      if (e.status === "delivered" || e.status === "read") tick(campaign, "deliveredAt", ms(e));
      if (e.status === "read") tick(campaign, "readAt", ms(e));
      if (e.status === "failed") tick(campaign, "failedAt", ms(e));
    }
    if (e.type === "message.inbound") {
      if (e.context_wamid && wamidCampaign.has(e.context_wamid)) tick(wamidCampaign.get(e.context_wamid)!, "repliedAt", ms(e));
      else uncontexted.push(ms(e));
    }
  }
  // Then the report's rules: without a context reply, a delivered message's
  // reply is the first uncontexted message at or after the send, if it came
  // within the window; a reply proves a read, a read a delivery; a failure
  // counts only when the message was never delivered.
  const earliest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
  const campaigns = new Map<string, CampaignTicks>();
  for (const [campaign, c] of raw) {
    const send = c.sentAt ?? c.deliveredAt ?? c.repliedAt ?? c.failedAt;
    const next = send === null ? undefined : uncontexted.find((ts) => ts >= send);
    const inWindow = c.deliveredAt !== null && send !== null && next !== undefined && next <= send + REPLY_WINDOW ? next : null;
    const repliedAt = c.repliedAt ?? inWindow;
    const readAt = earliest(c.readAt, repliedAt);
    const deliveredAt = earliest(c.deliveredAt, readAt);
    campaigns.set(campaign, {
      sentAt: c.sentAt ?? deliveredAt ?? c.failedAt ?? repliedAt,
      deliveredAt,
      readAt,
      repliedAt,
      failedAt: deliveredAt === null ? c.failedAt : null,
    });
  }

  return {
    contact,
    firstSeen: ms(sorted[0]),
    lastActive,
    templateMessages: sorted.filter((e) => e.type === "message.outbound" && e.kind === "template").length,
    sessionMessages: sorted.filter((e) => e.type === "message.inbound" || (e.type === "message.outbound" && e.kind === "session")).length,
    unresolvedQueries: sorted.filter((e) => e.type === "intervention.requested").length,
    shownStatus: isInHistory(lastMessage, now) ? "history" : status,
    source,
    sourceDetail,
    firstMessageTag,
    tags,
    attributes,
    campaigns,
    optedOut: optedOutOf(sorted),
    conversions: conversionsOf(sorted, campaigns),
  };
}

/**
 * The conversions a person would count: an order id of the contact once (its
 * earliest, ties by event id), each with the campaign delivered to the contact
 * last at or before it (effective delivery: a read or reply proves it).
 */
function conversionsOf(sorted: ChatEvent[], campaigns: ReadonlyMap<string, CampaignTicks>): ConversionFact[] {
  const counted = new Map<string, Extract<ChatEvent, { type: "conversion" }>>();
  for (const e of sorted) {
    if (e.type !== "conversion") continue;
    const key = e.order_id ? `o:${e.order_id}` : `e:${e.event_id}`;
    const earlier = counted.get(key);
    if (!earlier || ms(e) < ms(earlier) || (ms(e) === ms(earlier) && e.event_id < earlier.event_id)) counted.set(key, e);
  }
  return [...counted.values()].map((e) => {
    let touch: { campaignId: string; deliveredAt: number } | null = null;
    for (const [campaignId, t] of campaigns) {
      if (t.deliveredAt !== null && t.deliveredAt <= ms(e) && (!touch || t.deliveredAt > touch.deliveredAt)) touch = { campaignId, deliveredAt: t.deliveredAt };
    }
    return {
      ts: ms(e),
      name: e.name,
      value: e.value ?? null,
      currency: e.currency ?? "",
      campaignId: touch?.campaignId ?? null,
      deliveredAt: touch?.deliveredAt ?? null,
    };
  });
}

/** The latest opt-out or opt-in by time (the derived event's id breaks a tie), as ingestion derives them. */
function optedOutOf(sorted: ChatEvent[]): boolean {
  const changes: Array<{ ts: number; id: string; out: boolean }> = [];
  for (const e of sorted) {
    if (e.type === "message.status" && e.status === "failed" && e.error?.code === STOPPED_MARKETING_ERROR) {
      changes.push({ ts: ms(e), id: `${e.event_id}:opt-out`, out: true });
    }
    const match = e.type === "message.inbound" && e.text ? matchOptKeyword(e.text, DEFAULT_KEYWORDS) : null;
    if (match) changes.push({ ts: ms(e), id: `${e.event_id}:${match.optedOut ? "opt-out" : "opt-in"}`, out: match.optedOut });
  }
  changes.sort((a, b) => a.ts - b.ts || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return changes.at(-1)?.out ?? false;
}

// ---- Random filter trees over the same vocabulary -------------------------

const dayArb = (now: number) => fc.integer({ min: -100, max: 100 }).map((d) => new Date(now + d * DAY).toISOString().slice(0, 10));
const sortedPair = <T>(a: fc.Arbitrary<T>) => fc.tuple(a, a).map(([x, y]) => (x <= y ? [x, y] : [y, x]));
const some = <T>(xs: readonly T[], minLength = 1) => fc.subarray([...xs], { minLength });

function attributeArb(now: number): fc.Arbitrary<Condition> {
  return fc.constantFrom(...ATTRIBUTES).chain((a) =>
    fc.constantFrom(...operatorsForType(a.type)).chain((op) => {
      const text = fc.constantFrom("Mumbai", "mum", "delhi", "New", "user1", "example.com", "user12@example.com", "pune");
      const num = fc.integer({ min: -10, max: 110 }).map(String);
      let values: fc.Arbitrary<string[]>;
      if (op === "isSet" || op === "isNotSet" || op === "isTrue" || op === "isFalse") values = fc.constant([]);
      else if (op === "oneOf") values = some(["mumbai", "Pune", "DELHI", "Dubai", "user3@example.com"]);
      else if (op === "anyOf" || op === "noneOf") values = some(a.options);
      else if (op === "inLastDays" || op === "inNextDays") values = fc.integer({ min: 1, max: 90 }).map((n) => [String(n)]);
      else if (op === "between") values = a.type === "date" ? sortedPair(dayArb(now)) : sortedPair(fc.integer({ min: -10, max: 110 })).map((p) => p.map(String));
      else if (a.type === "date") values = dayArb(now).map((d) => [d]);
      else if (a.type === "number") values = num.map((n) => [n]);
      else values = text.map((v) => [v]);
      return fc.record({ kind: fc.constant("attribute" as const), not: fc.boolean(), attribute: fc.constant(a.name), op: fc.constant(op), values });
    }),
  ) as fc.Arbitrary<Condition>;
}

export function conditionArb(now: number): fc.Arbitrary<Condition> {
  const day = dayArb(now);
  const not = fc.boolean();
  return fc.oneof(
    fc.record({ kind: fc.constant("tags" as const), not, op: fc.constantFrom("any", "all", "none"), tags: some([...TAGS, "ghost"]), tagKind: fc.constantFrom("any", "manual", "automated") }),
    fc.record({ kind: fc.constant("firstMessageTag" as const), not, op: fc.constantFrom("any", "none", "empty"), tags: some(["product-a", "product-b", "lead"]) }),
    attributeArb(now),
    attributeArb(now),
    fc.record({ kind: fc.constant("source" as const), not, op: fc.constantFrom("any", "none"), values: some(SOURCES), ad: fc.boolean() }),
    fc.record({ kind: fc.constant("status" as const), not, values: some(["active", "requesting", "intervened", "closed", "history"] as const) }),
    fc.oneof(
      fc.record({ kind: fc.constant("lastActive" as const), not, op: fc.constant("inLastDays" as const), days: fc.integer({ min: 1, max: 60 }) }),
      fc.record({ kind: fc.constant("lastActive" as const), not, op: fc.constant("before" as const), to: day }),
      sortedPair(day).chain(([from, to]) => fc.record({ kind: fc.constant("lastActive" as const), not, op: fc.constant("between" as const), from: fc.constant(from), to: fc.constant(to) })),
    ),
    sortedPair(day).chain(([from, to]) => fc.record({ kind: fc.constant("firstSeen" as const), not, from: fc.constant(from), to: fc.constant(to) })),
    fc.record({
      kind: fc.constant("counter" as const),
      not,
      counter: fc.constantFrom("templateMessages", "sessionMessages", "unresolvedQueries"),
      op: fc.constantFrom("eq", "ne", "lt", "le", "gt", "ge"),
      value: fc.integer({ min: 0, max: 6 }),
    }),
    fc.record({ kind: fc.constant("campaign" as const), not, event: fc.constantFrom("received", "read", "ignored", "replied", "failed"), campaigns: some([...CAMPAIGNS, "c-ghost"], 0) }),
    fc.record({ kind: fc.constant("campaignFatigue" as const), not, atLeast: fc.integer({ min: 1, max: 3 }), days: fc.integer({ min: 1, max: 120 }) }),
    fc.record({ kind: fc.constant("converted" as const), not, campaigns: some([...CAMPAIGNS, "c-ghost"], 0), name: fc.constantFrom("", "order_placed", "booking", "refund") }),
    fc.record({
      kind: fc.constant("revenue" as const),
      not,
      days: fc.integer({ min: 1, max: 150 }),
      currency: fc.constantFrom("INR", "USD", "EUR"),
      min: fc.constantFrom(0.5, 1, 100, 1500, 2500.5, 6000),
    }),
    fc.record({ kind: fc.constant("neverConverted" as const), not }),
    fc.record({ kind: fc.constant("optedOut" as const), not }),
  ) as fc.Arbitrary<Condition>;
}

function nodeArb(now: number, depth: number): fc.Arbitrary<FilterNode> {
  if (depth <= 1) return conditionArb(now);
  return fc.oneof({ arbitrary: conditionArb(now), weight: 3 }, { arbitrary: groupArb(now, depth, 1), weight: 1 });
}

function groupArb(now: number, depth: number, minChildren: number): fc.Arbitrary<FilterTree> {
  return fc.record({
    kind: fc.constant("group" as const),
    join: fc.constantFrom("and" as const, "or" as const),
    not: fc.boolean(),
    children: fc.array(nodeArb(now, depth - 1), { minLength: minChildren, maxLength: 4 }),
  });
}

/** Random valid trees: root may be empty, inner groups never are, at most 4 levels of groups. */
export function treeArb(now: number): fc.Arbitrary<FilterTree> {
  return groupArb(now, 4, 0);
}
