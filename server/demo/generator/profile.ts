/** One generated contact: who it is, its own PRNG, and the builders that append its events. */
import type { Actor, ChatEvent } from "../../events/schema";
import { matchFirstMessageTag } from "../../domain/chat-profile";
import { Rng, clamp, hashSeed } from "../random";
import type { ConversationTopic, DemoCountry } from "../workspace";
import { DAY, HOUR, MINUTE, atLocalHour, type Context } from "./context";

export const WHATSAPP: Actor = { kind: "system", id: "whatsapp" };

export interface Draft {
  t: number;
  e: ChatEvent;
}

export interface Profile {
  index: number;
  rng: Rng;
  phone: string;
  country: DemoCountry;
  city: string;
  firstName: string;
  name: string;
  email: string;
  plan: string;
  organisation: string | null;
  arrival: "organic" | "ad" | "entryPoint" | "api" | "imported";
  source: string;
  joinedAt: number;
  engagement: number;
  optedIn: boolean;
  tags: Set<string>;
  emailKnown: boolean;
  ltv: number;
  lastInbound: number | null;
  hadConversation: boolean;
  msgSeq: number;
  wamidPrefix: string;
  /** Scripted recent chat for contacts that make the Overview show every status. */
  scripted: null | "active" | "requesting" | "intervened" | "closed";
  out: Draft[];
}


function phoneNumber(ctx: Context, index: number, country: DemoCountry, rng: Rng): string {
  const prefix = rng.pick(country.mobilePrefixes);
  const digits = country.nationalDigits - prefix.length;
  const mod = 10 ** digits;
  // A bijection of the index modulo 10^digits (7654321 is coprime with 10): unique, random-looking numbers.
  const n = (index * 7_654_321 + (hashSeed(ctx.seed, country.dial) % mod)) % mod;
  return `+${country.dial}${prefix}${String(n).padStart(digits, "0")}`;
}

/** The first-message tag ingestion will give this opening (openings repeat, so the answers are cached). */
export function firstMessageTagOf(ctx: Context, opening: string): string | null {
  let tag = ctx.firstTagCache.get(opening);
  if (tag === undefined) {
    tag = matchFirstMessageTag(opening, ctx.firstMessageTags);
    ctx.firstTagCache.set(opening, tag);
  }
  return tag;
}

function asciiSlug(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

export function makeProfile(ctx: Context, index: number): Profile {
  const { ws } = ctx;
  const rng = new Rng(hashSeed(ctx.seed, ws.workspaceId, index));
  const country = rng.weighted(ws.countries, (c) => c.weight);
  const firstName = rng.pick(country.firstNames);
  const lastName = rng.pick(country.lastNames);
  const arrival = rng.weighted(
    ["organic", "ad", "entryPoint", "api", "imported"] as const,
    (a) => ws.arrivals[a] * (a === "imported" && ws.imports.length === 0 ? 0 : 1),
  );
  let joinedAt: number;
  let source: string;
  if (arrival === "imported") {
    const batch = rng.weighted(ws.imports, (b) => b.weight);
    const day = Math.floor((ctx.now - batch.daysAgo * DAY) / DAY) * DAY;
    joinedAt = day + 5 * HOUR + (hashSeed(batch.label) % 300) * MINUTE + (index % 5000) * 7;
    source = batch.label;
  } else {
    // More contacts joined lately: the business is growing.
    joinedAt = ctx.start + (ctx.now - ctx.start) * Math.pow(rng.next(), 0.8);
    joinedAt = atLocalHour(rng, joinedAt, country);
    source = arrival === "api" ? "api" : "organic";
  }
  const scriptedKinds = ["active", "requesting", "intervened", "closed"] as const;
  const scripted = index % 50 === 7 ? scriptedKinds[Math.floor(index / 50) % 4] : null;
  if (scripted && joinedAt > ctx.now - 2 * DAY) joinedAt = ctx.now - rng.uniform(2, 40) * DAY;

  const email = `${asciiSlug(firstName)}.${asciiSlug(lastName)}${rng.chance(0.6) ? rng.int(1, 999) : ""}@${rng.pick(country.emailDomains)}`;
  const plan = ctx.listOptions.length
    ? rng.weighted(ctx.listOptions, (o) => [50, 28, 17, 5, 3][ctx.listOptions.indexOf(o)] ?? 2)
    : "";
  const phone = phoneNumber(ctx, index, country, rng);
  return {
    index,
    rng,
    phone,
    country,
    city: rng.pick(country.cities),
    firstName,
    name: `${firstName} ${lastName}`,
    email,
    plan,
    organisation: rng.chance(arrival === "imported" ? 0.35 : 0.12) ? rng.pick(ws.organisations) : null,
    arrival,
    source,
    joinedAt,
    engagement: clamp(rng.lognormal(1, 0.6), 0.15, 6),
    optedIn: arrival === "imported" ? rng.chance(0.85) : arrival === "api" ? rng.chance(0.75) : rng.chance(0.8),
    tags: new Set(),
    emailKnown: false,
    ltv: 0,
    lastInbound: null,
    hadConversation: false,
    msgSeq: 0,
    wamidPrefix: `wamid.HBgM${Buffer.from(phone.slice(1)).toString("base64")}FQIAERgS${hashSeed(ctx.seed, index).toString(16).toUpperCase()}`,
    scripted,
    out: [],
  };
}

/** A WhatsApp message id: unique per contact and message, shaped like Meta's (`wamid.HBgM…`). */
export function wamid(p: Profile): string {
  p.msgSeq++;
  const h = hashSeed(p.index, p.msgSeq).toString(16).toUpperCase();
  return `${p.wamidPrefix}${p.msgSeq.toString(16).toUpperCase()}${h}`;
}

export function fill(text: string, rng: Rng, agentName?: string): string {
  return text.replace("{n}", String(rng.int(10_000, 99_999))).replace("{agent}", agentName?.split(" ")[0] ?? "");
}

// Event builders ------------------------------------------------------------

export function push(p: Profile, t: number, e: ChatEvent) {
  p.out.push({ t, e });
}


type InboundEvent = Extract<ChatEvent, { type: "message.inbound" }>;

export function inbound(p: Profile, ctx: Context, t: number, text: string | undefined, extra: Partial<Pick<InboundEvent, "message_type" | "context_wamid" | "referral">> = {}) {
  const e: InboundEvent = {
    event_id: "", ts: "", contact: p.phone,
    type: "message.inbound",
    actor: { kind: "user", id: p.phone, name: p.name },
    message_type: extra.message_type ?? "text",
    wamid: wamid(p),
    profile_name: p.name,
  };
  if (text !== undefined) e.text = text;
  if (extra.context_wamid) e.context_wamid = extra.context_wamid;
  if (extra.referral) e.referral = extra.referral;
  push(p, t, e);
  p.lastInbound = Math.max(p.lastInbound ?? 0, t);
}

export function botReply(p: Profile, ctx: Context, t: number, text: string) {
  push(p, t, { event_id: "", ts: "", contact: p.phone, type: "message.outbound", actor: ctx.ws.bot, kind: "session", text });
}

export function tagEvent(p: Profile, t: number, type: "tag.added" | "tag.removed", tag: string, actor: Actor, kind: "manual" | "automated", origin: "api" | "broadcast" | "manual") {
  push(p, t, { event_id: "", ts: "", contact: p.phone, type, actor, tag, kind, origin });
  if (type === "tag.added") p.tags.add(tag);
  else p.tags.delete(tag);
}

export function setAttribute(p: Profile, ctx: Context, t: number, attribute: string, value: string | number | boolean, actor: Actor) {
  if (!ctx.attributeNames.has(attribute)) return;
  push(p, t, { event_id: "", ts: "", contact: p.phone, type: "attribute.set", actor, attribute, value });
  if (attribute === "email") p.emailKnown = true;
}

// Behaviour -----------------------------------------------------------------

export function pickTopic(p: Profile, ctx: Context): ConversationTopic {
  return p.rng.weighted(ctx.ws.topics, (t) => t.weight * (t.interest && p.tags.has(t.interest) ? 3 : 1));
}
