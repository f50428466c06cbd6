/**
 * The demo data generator: a realistic WhatsApp business workspace over the
 * 90 days ending at `now`, as ChatEvents, streamed in batches.
 *
 * Every contact's life is generated on its own, from a PRNG seeded with
 * (seed, workspace, contact index), in time order: how it arrived (wrote
 * first, clicked an ad, came through a click-to-chat entry point, was created
 * by the store's API, or imported from a CSV), its conversations with the bot
 * (some escalated to a human, taken by an agent after a realistic wait, then
 * resolved), the broadcasts and API templates it received with their ticks,
 * its replies, and the tags and attributes members, agents, the bot and the
 * API gave it. Events after `now` are dropped, which leaves the chats of the
 * last hours in every status. A contact's events never straddle two batches,
 * so a status and a reply always find their campaign message in the batch.
 *
 * Event ids are `<workspace>-<seed>-<contact, 7 digits>-<n>` (campaign events:
 * `<workspace>-<seed>-cmp-<slug>-created|sent`): the same seed, size and now
 * give the same events with the same ids, so seeding twice stores nothing new.
 */
import type { Actor, ChatEvent } from "../events/schema";
import { matchFirstMessageTag } from "../domain/chat-profile";
import { Rng, clamp, hashSeed } from "./random";
import { DEMO_RETAIL, type DemoAgent, type DemoCampaign, type DemoCountry, type DemoWorkspace, type ConversationTopic } from "./workspace";

export type DemoSize = "small" | "default" | "large";

export const DEMO_SIZES: Record<DemoSize, { contacts: number; events: number }> = {
  small: { contacts: 500, events: 20_000 },
  default: { contacts: 20_000, events: 1_000_000 },
  large: { contacts: 1_000_000, events: 50_000_000 },
};

/** Events per contact when only a contact count is given. */
const DEFAULT_EVENTS_PER_CONTACT = 50;

export interface SizeOptions {
  size?: DemoSize;
  contacts?: number;
  events?: number;
}

export interface GenerateOptions extends SizeOptions {
  workspace?: DemoWorkspace;
  /** The end of the generated 90 days; default: the current time. */
  now?: Date | number;
  seed?: number;
  /** Events per yielded batch (a batch ends at a contact boundary, so it may run a little over). */
  batchSize?: number;
  days?: number;
}

/** Contacts and target events for the given size options. */
export function resolveSize(opts: SizeOptions): { contacts: number; events: number } {
  const preset = DEMO_SIZES[opts.size ?? "default"];
  if (opts.contacts !== undefined && opts.events !== undefined) return { contacts: opts.contacts, events: opts.events };
  if (opts.contacts !== undefined) return { contacts: opts.contacts, events: Math.round(opts.contacts * DEFAULT_EVENTS_PER_CONTACT) };
  if (opts.events !== undefined) {
    return { contacts: Math.max(1, Math.round(opts.events / DEFAULT_EVENTS_PER_CONTACT)), events: opts.events };
  }
  return { ...preset };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How much people use WhatsApp at each local hour (0–23). */
const DIURNAL = [0.3, 0.15, 0.1, 0.08, 0.08, 0.15, 0.45, 0.9, 1.5, 1.9, 2.1, 2.2, 2.3, 2.1, 1.9, 1.8, 1.8, 1.9, 2.1, 2.4, 2.6, 2.3, 1.5, 0.8];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

const TEMPLATE_ERRORS = [
  { code: 131026, title: "Message undeliverable", weight: 5, marketingOnly: false },
  { code: 131049, title: "This message was not delivered to maintain healthy ecosystem engagement.", weight: 4, marketingOnly: true },
  { code: 130472, title: "User's number is part of an experiment", weight: 1, marketingOnly: false },
];
const REENGAGEMENT_ERROR = { code: 131047, title: "Re-engagement message" };
const WHATSAPP: Actor = { kind: "system", id: "whatsapp" };

const ESCALATION_BOT_TEXT = [
  "Sorry, I couldn't find an answer to that. Connecting you to our team 🙋",
  "Let me get a team member to help you with this.",
  "I'm not sure about that one — a colleague will reply shortly.",
];
const OPENING_SUFFIXES = ["", "", "", "!", " please", ". Is it in stock?", " — what's the price?", ". Do you deliver to my city?"];

/** A campaign placed on the time line. */
interface PlacedCampaign extends DemoCampaign {
  campaignId: string;
  createdAt: number;
  /** Broadcasts: when sent. API campaigns: when they went live. */
  sentAt: number;
}

interface Context {
  ws: DemoWorkspace;
  seed: number;
  now: number;
  start: number;
  idPrefix: string;
  campaigns: PlacedCampaign[];
  campaignBySlug: Map<string, PlacedCampaign>;
  broadcasts: PlacedCampaign[];
  firstMessageTags: Array<{ tag: string; firstMessageText: string }>;
  attributeNames: Set<string>;
  listOptions: string[];
  topicByInterest: Map<string, ConversationTopic>;
  emailAttr: boolean;
  firstTagCache: Map<string, string | null>;
}

interface Draft {
  t: number;
  e: ChatEvent;
}

interface Profile {
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

export interface DemoPlan {
  contacts: number;
  targetEvents: number;
  /** Activity multiplier tuned so that the contacts produce about `targetEvents`. */
  intensity: number;
  estimatedEvents: number;
}

// ---------------------------------------------------------------------------

function buildContext(opts: GenerateOptions): Context {
  const ws = opts.workspace ?? DEMO_RETAIL;
  const now = opts.now === undefined ? Date.now() : typeof opts.now === "number" ? opts.now : opts.now.getTime();
  const seed = opts.seed ?? 1;
  const days = opts.days ?? 90;
  const rng = new Rng(hashSeed(seed, ws.workspaceId, "campaigns"));
  const campaigns: PlacedCampaign[] = ws.campaigns.map((c) => {
    let sentAt: number;
    if (c.hourUtc < 0) {
      sentAt = now - c.daysAgo * DAY;
    } else {
      const day = Math.floor((now - c.daysAgo * DAY) / DAY) * DAY;
      sentAt = day + c.hourUtc * HOUR + rng.int(0, 40) * MINUTE;
      if (sentAt > now - HOUR) sentAt -= DAY;
    }
    const createdAt = sentAt - Math.max(10 * MINUTE, rng.lognormal(c.kind === "api" ? 3 * DAY : 20 * HOUR, 0.8));
    return { ...c, campaignId: `cmp_${c.slug}`, createdAt, sentAt };
  });
  const topicByInterest = new Map<string, ConversationTopic>();
  for (const t of ws.topics) if (t.interest) topicByInterest.set(t.interest, t);
  const listAttr = ws.attributes.find((a) => a.name === ws.listAttribute);
  return {
    ws,
    seed,
    now,
    start: now - days * DAY,
    idPrefix: `${ws.workspaceId}-${seed}`,
    campaigns,
    campaignBySlug: new Map(campaigns.map((c) => [c.slug, c])),
    broadcasts: campaigns.filter((c) => c.kind === "broadcast").sort((a, b) => a.sentAt - b.sentAt),
    firstMessageTags: ws.tags.filter((t) => t.firstMessageText).map((t) => ({ tag: t.tag, firstMessageText: t.firstMessageText! })),
    attributeNames: new Set(ws.attributes.map((a) => a.name)),
    listOptions: listAttr?.options ?? [],
    topicByInterest,
    emailAttr: ws.attributes.some((a) => a.name === "email"),
    firstTagCache: new Map(),
  };
}

/** campaign.created and campaign.sent of every campaign (those before `now`). */
function campaignEvents(ctx: Context): ChatEvent[] {
  const admin = ctx.ws.members[ctx.ws.members.length - 1];
  const marketer = ctx.ws.members[0];
  const out: ChatEvent[] = [];
  for (const c of ctx.campaigns) {
    const creator = c.kind === "api" ? admin : marketer;
    out.push({
      event_id: `${ctx.idPrefix}-cmp-${c.slug}-created`,
      type: "campaign.created",
      ts: iso(c.createdAt),
      actor: creator,
      campaign_id: c.campaignId,
      name: c.name,
      template: c.template,
    });
    if (c.sentAt <= ctx.now) {
      out.push({
        event_id: `${ctx.idPrefix}-cmp-${c.slug}-sent`,
        type: "campaign.sent",
        ts: iso(c.sentAt),
        actor: c.kind === "api" ? ctx.ws.apiActor : marketer,
        campaign_id: c.campaignId,
      });
    }
  }
  return out;
}

const dayPrefixes = new Map<number, string>();
const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0"));

/** `new Date(t).toISOString()` for whole milliseconds, several times faster (it is a hot path at 50M events). */
function iso(time: number): string {
  const t = Math.round(time);
  const day = Math.floor(t / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    if (dayPrefixes.size > 10_000) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  let r = t - day * DAY;
  const h = Math.floor(r / HOUR);
  r -= h * HOUR;
  const m = Math.floor(r / MINUTE);
  r -= m * MINUTE;
  const sec = Math.floor(r / 1000);
  return `${prefix}${PAD2[h]}:${PAD2[m]}:${PAD2[sec]}.${PAD3[r - sec * 1000]}Z`;
}

// ---------------------------------------------------------------------------
// A contact

function phoneNumber(ctx: Context, index: number, country: DemoCountry, rng: Rng): string {
  const prefix = rng.pick(country.mobilePrefixes);
  const digits = country.nationalDigits - prefix.length;
  const mod = 10 ** digits;
  // A bijection of the index modulo 10^digits (7654321 is coprime with 10): unique, random-looking numbers.
  const n = (index * 7_654_321 + (hashSeed(ctx.seed, country.dial) % mod)) % mod;
  return `+${country.dial}${prefix}${String(n).padStart(digits, "0")}`;
}

/** The first-message tag ingestion will give this opening (openings repeat, so the answers are cached). */
function firstMessageTagOf(ctx: Context, opening: string): string | null {
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

function makeProfile(ctx: Context, index: number): Profile {
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

/** The same day as `t`, at a local hour people are on WhatsApp. */
function atLocalHour(rng: Rng, t: number, country: DemoCountry): number {
  const offset = country.utcOffsetHours * HOUR;
  const localDay = Math.floor((t + offset) / DAY) * DAY;
  const hour = rng.weighted(HOURS, (h) => DIURNAL[h]);
  return localDay - offset + hour * HOUR + rng.next() * HOUR;
}

function localHour(t: number, country: DemoCountry): number {
  return Math.floor(((((t + country.utcOffsetHours * HOUR) % DAY) + DAY) % DAY) / HOUR);
}

/** A WhatsApp message id: unique per contact and message, shaped like Meta's (`wamid.HBgM…`). */
function wamid(p: Profile): string {
  p.msgSeq++;
  const h = hashSeed(p.index, p.msgSeq).toString(16).toUpperCase();
  return `${p.wamidPrefix}${p.msgSeq.toString(16).toUpperCase()}${h}`;
}

function fill(text: string, rng: Rng, agentName?: string): string {
  return text.replace("{n}", String(rng.int(10_000, 99_999))).replace("{agent}", agentName?.split(" ")[0] ?? "");
}

// Event builders ------------------------------------------------------------

function push(p: Profile, t: number, e: ChatEvent) {
  p.out.push({ t, e });
}


type InboundEvent = Extract<ChatEvent, { type: "message.inbound" }>;

function inbound(p: Profile, ctx: Context, t: number, text: string | undefined, extra: Partial<Pick<InboundEvent, "message_type" | "context_wamid" | "referral">> = {}) {
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

function botReply(p: Profile, ctx: Context, t: number, text: string) {
  push(p, t, { event_id: "", ts: "", contact: p.phone, type: "message.outbound", actor: ctx.ws.bot, kind: "session", text });
}

function tagEvent(p: Profile, t: number, type: "tag.added" | "tag.removed", tag: string, actor: Actor, kind: "manual" | "automated", origin: "api" | "broadcast" | "manual") {
  push(p, t, { event_id: "", ts: "", contact: p.phone, type, actor, tag, kind, origin });
  if (type === "tag.added") p.tags.add(tag);
  else p.tags.delete(tag);
}

function setAttribute(p: Profile, ctx: Context, t: number, attribute: string, value: string | number | boolean, actor: Actor) {
  if (!ctx.attributeNames.has(attribute)) return;
  push(p, t, { event_id: "", ts: "", contact: p.phone, type: "attribute.set", actor, attribute, value });
  if (attribute === "email") p.emailKnown = true;
}

// Behaviour -----------------------------------------------------------------

function pickTopic(p: Profile, ctx: Context): ConversationTopic {
  return p.rng.weighted(ctx.ws.topics, (t) => t.weight * (t.interest && p.tags.has(t.interest) ? 3 : 1));
}

/** An agent for a request at `t`: one on shift, or the first one whose shift starts next. */
function agentFor(ctx: Context, rng: Rng, t: number): { agent: DemoAgent; onShift: boolean; shiftStartsAt: number } {
  const hour = ((t % DAY) + DAY) % DAY / HOUR;
  const onShift = ctx.ws.agents.filter((a) => {
    const [s, e] = a.shiftUtc;
    return (hour >= s && hour < e) || (e > 24 && hour < e - 24);
  });
  if (onShift.length) return { agent: rng.pick(onShift), onShift: true, shiftStartsAt: t };
  let best: { agent: DemoAgent; at: number } | null = null;
  for (const a of ctx.ws.agents) {
    const dayStart = Math.floor(t / DAY) * DAY;
    let at = dayStart + a.shiftUtc[0] * HOUR;
    if (at <= t) at += DAY;
    if (!best || at < best.at) best = { agent: a, at };
  }
  return { agent: best!.agent, onShift: false, shiftStartsAt: best!.at };
}

interface ConversationOptions {
  opening?: string;
  referral?: Record<string, string>;
  topic?: ConversationTopic;
  /** Force the outcome (scripted recent chats). */
  escalate?: boolean;
  outcome?: "never" | "open" | "resolved" | "natural";
  /** First message: the bot asks for details and sets attributes. */
  first?: boolean;
}

/** A chat: the user writes, the bot answers, maybe the user asks for a human, an agent takes it and resolves it. */
function conversation(p: Profile, ctx: Context, t0: number, o: ConversationOptions = {}): number {
  const { rng } = p;
  const { ws } = ctx;
  const topic = o.topic ?? pickTopic(p, ctx);
  let t = t0;
  const opening = o.opening ?? rng.pick(topic.openings);
  // Now and then a chat starts with a photo (of a product, a parcel, a bill) rather than text.
  if (!o.opening && rng.chance(0.06)) inbound(p, ctx, t, undefined, { message_type: "image" });
  else inbound(p, ctx, t, opening, o.referral ? { referral: o.referral } : {});
  p.hadConversation = true;
  t += rng.uniform(800, 3500);
  botReply(p, ctx, t, rng.pick(topic.botReplies));

  if (p.tags.has(ws.reviewTags.churnRisk ?? "\0") && rng.chance(0.7)) {
    tagEvent(p, t + rng.lognormal(2 * HOUR, 1), "tag.removed", ws.reviewTags.churnRisk!, rng.pick(ws.members), "manual", "manual");
  }

  if (o.first) {
    // The bot's onboarding questions.
    if (rng.chance(0.55)) {
      botReply(p, ctx, t + 1200, "Which city are you in? 🏙️");
      t += rng.lognormal(40_000, 0.6);
      inbound(p, ctx, t, p.city);
      setAttribute(p, ctx, t + 900, "city", p.city, ws.bot);
      setAttribute(p, ctx, t + 950, "country", p.country.name, ws.bot);
    }
    if (ctx.emailAttr && rng.chance(0.3)) {
      botReply(p, ctx, t + 1200, "What's your email, so we can send your receipts there?");
      t += rng.lognormal(50_000, 0.6);
      inbound(p, ctx, t, p.email);
      setAttribute(p, ctx, t + 900, "email", p.email, ws.bot);
    }
    if (rng.chance(0.7)) {
      botReply(p, ctx, t + 1200, "Would you like offers and updates on WhatsApp?");
      t += rng.lognormal(30_000, 0.6);
      inbound(p, ctx, t, rng.pick(["Yes", "Yes please", "Ok", "👍"]), { message_type: "button" });
      setAttribute(p, ctx, t + 800, "opted_in", true, ws.bot);
      p.optedIn = true;
    }
  }

  let exchanges = 0;
  while (topic.followUps.length && exchanges < 4 && rng.chance(exchanges === 0 ? 0.6 : 0.4)) {
    t += rng.lognormal(45_000, 0.9);
    inbound(p, ctx, t, fill(rng.pick(topic.followUps), rng));
    t += rng.uniform(800, 3000);
    botReply(p, ctx, t, rng.pick(topic.botReplies));
    exchanges++;
  }

  const escalate = o.escalate ?? rng.chance(clamp(topic.escalate * (0.7 + 0.3 * p.engagement), 0, 0.95));
  if (!escalate) return t;

  const question = fill(rng.pick(topic.questions), rng);
  t += rng.lognormal(35_000, 0.7);
  inbound(p, ctx, t, question);
  t += rng.uniform(800, 2500);
  botReply(p, ctx, t, rng.pick(ESCALATION_BOT_TEXT));
  t += rng.uniform(300, 1500);
  push(p, t, { event_id: "", ts: "", contact: p.phone, type: "intervention.requested", actor: { kind: "user", id: p.phone, name: p.name }, text: question });
  const requestedAt = t;

  const outcome = o.outcome ?? "natural";
  const r = rng.next();
  if (outcome === "never" || (outcome === "natural" && r < 0.07)) {
    // Nobody took it; some users ask again.
    if (rng.chance(0.3)) {
      const again = requestedAt + rng.lognormal(40 * MINUTE, 0.8);
      inbound(p, ctx, again, rng.pick(["Hello?", "Anyone there?", "Still waiting for a reply", "??"]));
      push(p, again + 1200, { event_id: "", ts: "", contact: p.phone, type: "intervention.requested", actor: { kind: "user", id: p.phone, name: p.name }, text: question });
    }
    return requestedAt;
  }
  const pick = agentFor(ctx, rng, requestedAt);
  if (outcome === "natural" && r < 0.13) {
    // Resolved from the queue without taking the chat (a duplicate, or the user sorted it out).
    const at = Math.max(requestedAt, pick.shiftStartsAt) + rng.lognormal(90 * MINUTE, 1);
    push(p, at, { event_id: "", ts: "", contact: p.phone, type: "chat.resolved", actor: { kind: "agent", id: pick.agent.id, name: pick.agent.name } });
    return at;
  }

  let takenAt: number;
  if (outcome === "open" || outcome === "resolved") takenAt = requestedAt + rng.uniform(2, 12) * MINUTE;
  else if (r < 0.16) takenAt = requestedAt + rng.uniform(26, 70) * HOUR; // a backlog: the session window has closed
  else if (pick.onShift) takenAt = requestedAt + rng.lognormal(7 * MINUTE, 1.1);
  else takenAt = pick.shiftStartsAt + rng.lognormal(25 * MINUTE, 0.9);
  const agentActor: Actor = { kind: "agent", id: pick.agent.id, name: pick.agent.name };

  // Users sometimes ask again while they wait.
  if (takenAt - requestedAt > 30 * MINUTE && rng.chance(0.25)) {
    const again = requestedAt + rng.uniform(0.2, 0.9) * (takenAt - requestedAt);
    inbound(p, ctx, again, rng.pick(["Hello?", "Is anyone there?", "Please reply", "I'm still waiting"]));
    push(p, again + 1500, { event_id: "", ts: "", contact: p.phone, type: "intervention.requested", actor: { kind: "user", id: p.phone, name: p.name }, text: question });
  }

  push(p, takenAt, { event_id: "", ts: "", contact: p.phone, type: "agent.intervened", actor: agentActor });
  t = takenAt + rng.lognormal(40_000, 0.6);
  const lateReply = takenAt - (p.lastInbound ?? requestedAt) > 24 * HOUR;
  if (lateReply) {
    // Outside the 24-hour window a free-form reply fails: WhatsApp wants a template.
    const id = wamid(p);
    push(p, t, { event_id: "", ts: "", contact: p.phone, type: "message.outbound", actor: agentActor, kind: "session", wamid: id, text: fill(rng.pick(topic.agentReplies), rng, pick.agent.name) });
    push(p, t + rng.uniform(500, 3000), { event_id: "", ts: "", contact: p.phone, type: "message.status", wamid: id, status: "failed", error: REENGAGEMENT_ERROR, actor: WHATSAPP });
  } else {
    const replies = rng.int(1, 3);
    for (let i = 0; i < replies; i++) {
      push(p, t, { event_id: "", ts: "", contact: p.phone, type: "message.outbound", actor: agentActor, kind: "session", text: fill(topic.agentReplies[i % topic.agentReplies.length], rng, pick.agent.name) });
      if (i < replies - 1 || rng.chance(0.6)) {
        t += rng.lognormal(70_000, 0.9);
        inbound(p, ctx, t, fill(rng.pick(["Ok", "Thank you", "#{n}", "Sure", "That works", "Still not working", "When?"]), rng));
      }
      t += rng.lognormal(90_000, 0.8);
    }
  }
  if (topic.agentTag && !p.tags.has(topic.agentTag) && rng.chance(0.6)) {
    tagEvent(p, takenAt + rng.uniform(1, 6) * MINUTE, "tag.added", topic.agentTag, agentActor, "manual", "manual");
  }
  if (ctx.emailAttr && !p.emailKnown && rng.chance(0.2)) setAttribute(p, ctx, t, "email", p.email, agentActor);

  if (outcome === "open" || (outcome === "natural" && rng.chance(0.05))) return t;
  const resolvedAt = outcome === "resolved" ? t + rng.uniform(5, 20) * MINUTE : t + rng.lognormal(20 * MINUTE, 1.2);
  push(p, resolvedAt, { event_id: "", ts: "", contact: p.phone, type: "chat.resolved", actor: agentActor });
  if (topic.agentTag && topic.agentTag !== ws.reviewTags.lead && p.tags.has(topic.agentTag) && rng.chance(0.5)) {
    tagEvent(p, resolvedAt + rng.lognormal(DAY, 1), "tag.removed", topic.agentTag, agentActor, "manual", "manual");
  }
  return resolvedAt;
}

/** A template message and its ticks; maybe a reply. */
function templateMessage(p: Profile, ctx: Context, c: PlacedCampaign, t: number, intensity: number) {
  const { rng } = p;
  const { ws } = ctx;
  const id = wamid(p);
  const sender: Actor = c.kind === "api" ? ws.apiActor : ws.members[0];
  push(p, t, { event_id: "", ts: "", contact: p.phone, type: "message.outbound", actor: sender, kind: "template", wamid: id, campaign_id: c.campaignId, template: c.template });
  const pricing = { category: c.category, billable: true, model: "PMP" };
  const status = (at: number, s: "sent" | "delivered" | "read" | "failed", error?: { code: number; title: string }) => {
    const e: Extract<ChatEvent, { type: "message.status" }> = {
      event_id: "",
      ts: "",
      contact: p.phone,
      type: "message.status",
      actor: WHATSAPP,
      wamid: id,
      status: s,
    };
    if (error) e.error = error;
    else e.pricing = pricing;
    push(p, at, e);
  };

  const failP = 0.025 + (c.category === "marketing" ? 0.03 : 0) + (p.engagement < 0.4 ? 0.03 : 0);
  if (rng.chance(failP)) {
    const err = rng.weighted(TEMPLATE_ERRORS.filter((e) => !e.marketingOnly || c.category === "marketing"), (e) => e.weight);
    if (rng.chance(0.5)) status(t + rng.uniform(500, 4000), "sent");
    status(t + rng.uniform(2000, 30_000), "failed", { code: err.code, title: err.title });
    return;
  }
  const sentAt = t + rng.uniform(400, 4000);
  status(sentAt, "sent");
  const offline = rng.chance(0.12);
  const deliveredAt = sentAt + (offline ? rng.lognormal(2 * HOUR, 1.2) : rng.lognormal(3000, 1));

  // Read rate: the campaign, the audience (interest, plan, engagement) and the local hour it lands at.
  const hour = localHour(deliveredAt, p.country);
  const hourFactor = hour >= 23 || hour < 7 ? 0.7 : (hour >= 10 && hour < 13) || (hour >= 18 && hour < 22) ? 1.12 : 1;
  const interestFactor = c.interest && p.tags.has(c.interest) ? 1.25 : 1;
  const planFactor = p.plan === ctx.listOptions[2] || p.plan === ctx.listOptions[3] ? 1.1 : p.plan === ctx.listOptions[0] ? 0.92 : 1;
  const pRead = clamp(c.readRate * Math.pow(p.engagement, 0.35) * hourFactor * interestFactor * planFactor, 0.03, 0.97);
  const reads = rng.chance(pRead);
  let readAt = 0;
  if (reads) {
    let delay = rng.lognormal(22 * MINUTE, 1.5);
    const readHour = localHour(deliveredAt + delay, p.country);
    if (readHour >= 0 && readHour < 7) delay += (7 - readHour) * HOUR + rng.lognormal(40 * MINUTE, 0.8); // read in the morning
    readAt = deliveredAt + delay;
  }
  const atOnce = reads && readAt - deliveredAt < 15_000;
  const skipDelivered = reads && (atOnce ? rng.chance(0.6) : rng.chance(0.03));
  if (!skipDelivered) {
    // Meta sometimes reports `delivered` after `read`.
    const late = reads && rng.chance(0.05);
    status(late ? readAt + rng.uniform(100, 2000) : deliveredAt, "delivered");
  }
  if (!reads) return;
  status(readAt, "read");
  if (rng.chance(clamp(c.replyRate * Math.pow(p.engagement, 0.5) * Math.min(1.5, Math.sqrt(intensity)), 0, 0.9))) {
    replyToCampaign(p, ctx, c, id, readAt + rng.lognormal(3 * MINUTE, 1.2));
  }
}

function replyToCampaign(p: Profile, ctx: Context, c: PlacedCampaign, contextWamid: string, t: number) {
  const { rng } = p;
  const { ws } = ctx;
  const kind = rng.weighted(["positive", "question", "stop"] as const, (k) => (k === "stop" ? (c.category === "marketing" ? 1 : 0.1) : k === "positive" ? 6 : 3));
  const text = rng.pick(ws.replies[kind]);
  inbound(p, ctx, t, text, { message_type: kind === "question" ? "text" : "button", context_wamid: contextWamid });
  p.hadConversation = true;
  if (kind === "stop") {
    botReply(p, ctx, t + rng.uniform(800, 2500), "You won't receive promotional messages any more. Reply START to opt back in.");
    setAttribute(p, ctx, t + 3000, "opted_in", false, ws.bot);
    p.optedIn = false;
    return;
  }
  if (kind === "positive") {
    botReply(p, ctx, t + rng.uniform(800, 2500), "Great! Here are the details 👇");
    const lead = ws.reviewTags.lead;
    if (lead && c.kind === "broadcast" && !p.tags.has(lead)) {
      tagEvent(p, t + 1500, "tag.added", lead, { kind: "system", id: `broadcast:${c.campaignId}` }, "automated", "broadcast");
    }
    return;
  }
  // A question: a short chat, sometimes one the bot can't answer.
  const topic = (c.interest && ctx.topicByInterest.get(c.interest)) || pickTopic(p, ctx);
  const tBot = t + rng.uniform(800, 2500);
  botReply(p, ctx, tBot, rng.pick(topic.botReplies));
  if (rng.chance(0.25)) conversation(p, ctx, tBot + rng.lognormal(2 * MINUTE, 0.8), { topic, opening: rng.pick(topic.followUps.length ? topic.followUps : topic.openings) });
}

/** An order or a booking: the API sends its chain of templates. */
function transaction(p: Profile, ctx: Context, t0: number, intensity: number, first: boolean) {
  const { rng } = p;
  const { ws } = ctx;
  const chain = rng.weighted(ws.transactions, (c) => c.weight);
  let t = t0;
  let purchased = false;
  for (const step of chain.steps) {
    t += rng.uniform(step.afterHours[0], step.afterHours[1]) * HOUR;
    if (step.p !== undefined && !rng.chance(step.p)) break;
    const c = ctx.campaignBySlug.get(step.campaign);
    if (!c || t < c.sentAt) continue;
    templateMessage(p, ctx, c, t, intensity);
    if (/order|appointment|cod/.test(step.campaign)) purchased = true;
  }
  if (!purchased) return;
  if (ws.customerTag && !p.tags.has(ws.customerTag)) tagEvent(p, t0 + 2000, "tag.added", ws.customerTag, ws.apiActor, "automated", "api");
  if (ctx.attributeNames.has("lifetime_value")) {
    p.ltv += Math.round(rng.lognormal(2400, 0.7) / 10) * 10;
    setAttribute(p, ctx, t0 + 2500, "lifetime_value", p.ltv, ws.apiActor);
  }
  if (first && ctx.listOptions.length && rng.chance(0.3)) {
    p.plan = rng.pick(ctx.listOptions.slice(1, 3));
    setAttribute(p, ctx, t0 + 2600, ws.listAttribute, p.plan, ws.apiActor);
  }
}

function matchesAudience(p: Profile, ctx: Context, c: PlacedCampaign): boolean {
  const a = c.audience;
  if (!a) return true;
  if (a.tags && !a.tags.some((t) => p.tags.has(t))) return false;
  if (a.countries && !a.countries.includes(p.country.name)) return false;
  if (a.plans && !a.plans.includes(p.plan)) return false;
  if (a.sources && !a.sources.includes(p.source)) return false;
  return true;
}

type Happening =
  | { t: number; kind: "conversation" }
  | { t: number; kind: "broadcast"; campaign: PlacedCampaign }
  | { t: number; kind: "transaction" }
  | { t: number; kind: "review"; what: "vip" | "churn" };

/** Every event of one contact, in time order, up to `now`. */
function generateContact(ctx: Context, index: number, intensity: number): ChatEvent[] {
  const p = makeProfile(ctx, index);
  const { rng } = p;
  const { ws, now } = ctx;
  const members = ws.members;

  // Arrival.
  const firstTag = { value: null as string | null };
  switch (p.arrival) {
    case "imported": {
      const batch = ws.imports.find((b) => b.label === p.source)!;
      const member = members[0];
      push(p, p.joinedAt, { event_id: "", ts: "", contact: p.phone, type: "contact.imported", actor: member, name: p.name, source: batch.label, source_detail: batch.file });
      for (const attr of batch.attributes) {
        const value = importValue(p, attr);
        if (value !== null) setAttribute(p, ctx, p.joinedAt, attr, value, member);
      }
      break;
    }
    case "api": {
      push(p, p.joinedAt, { event_id: "", ts: "", contact: p.phone, type: "contact.created", actor: ws.apiActor, name: p.name, source: "api", source_detail: "storefront sign-up" });
      setAttribute(p, ctx, p.joinedAt, "email", p.email, ws.apiActor);
      setAttribute(p, ctx, p.joinedAt, "country", p.country.name, ws.apiActor);
      setAttribute(p, ctx, p.joinedAt, "city", p.city, ws.apiActor);
      if (ctx.listOptions.length) setAttribute(p, ctx, p.joinedAt, ws.listAttribute, p.plan, ws.apiActor);
      setAttribute(p, ctx, p.joinedAt, "signup_date", iso(p.joinedAt).slice(0, 10), ws.apiActor);
      setAttribute(p, ctx, p.joinedAt, "opted_in", p.optedIn, ws.apiActor);
      const welcome = ws.welcomeCampaign ? ctx.campaignBySlug.get(ws.welcomeCampaign) : undefined;
      if (welcome && p.joinedAt >= welcome.sentAt) templateMessage(p, ctx, welcome, p.joinedAt + 1500, intensity);
      break;
    }
    case "organic":
    case "ad":
    case "entryPoint": {
      let opening: string;
      let referral: Record<string, string> | undefined;
      if (p.arrival === "ad" && ws.ads.length) {
        const ad = rng.pick(ws.ads);
        opening = ad.text;
        referral = {
          source_type: "ad",
          source_id: ad.source_id,
          source_url: ad.source_url,
          headline: ad.headline,
          body: ad.body,
          ctwa_clid: `ARA${hashSeed(ctx.seed, "ctwa", p.index).toString(36)}${hashSeed(p.index, "clid").toString(36)}`,
        };
      } else if (p.arrival === "entryPoint" && ctx.firstMessageTags.length) {
        opening = rng.pick(ctx.firstMessageTags).firstMessageText + rng.pick(OPENING_SUFFIXES);
      } else {
        opening = rng.pick(pickTopic(p, ctx).openings);
      }
      firstTag.value = firstMessageTagOf(ctx, opening);
      if (firstTag.value) p.tags.add(firstTag.value); // ingestion derives the tag event itself
      const topic = (firstTag.value && ctx.topicByInterest.get(firstTag.value)) || undefined;
      conversation(p, ctx, p.joinedAt, { opening, referral, topic, first: true, escalate: p.scripted ? false : undefined });
      break;
    }
  }
  const imported = p.arrival === "imported" && ws.imports.find((b) => b.label === p.source)!.attributes.includes("organisation");
  if (p.organisation) {
    if (!imported) setAttribute(p, ctx, p.joinedAt + rng.lognormal(3 * DAY, 1), "organisation", p.organisation, members[0]);
    const wholesale = ws.reviewTags.wholesale;
    if (wholesale && rng.chance(0.45)) tagEvent(p, p.joinedAt + rng.lognormal(4 * DAY, 1), "tag.added", wholesale, members[0], "manual", "manual");
  }

  // What happens afterwards, in time order.
  const happenings: Happening[] = [];
  const alive = Math.max(0, now - p.joinedAt) / DAY;
  const convMean = 2.2 * p.engagement * intensity * (alive / 90) * (p.arrival === "imported" ? 0.4 : 1);
  for (let i = rng.poisson(convMean); i > 0; i--) {
    happenings.push({ t: atLocalHour(rng, p.joinedAt + rng.uniform(0.05, 1) * (now - p.joinedAt), p.country), kind: "conversation" });
  }
  const txMean =
    ws.transactionsPerContact * Math.sqrt(p.engagement) * intensity * (alive / 90) *
    (p.arrival === "api" ? 1 : p.arrival === "imported" ? 0.08 : 0.3);
  const txCount = rng.poisson(txMean);
  for (let i = 0; i < txCount; i++) {
    const t = i === 0 && p.arrival === "api" && rng.chance(0.6) ? p.joinedAt + rng.lognormal(6 * HOUR, 1.5) : p.joinedAt + rng.next() * (now - p.joinedAt);
    happenings.push({ t: atLocalHour(rng, t, p.country), kind: "transaction" });
  }
  for (const c of ctx.broadcasts) {
    if (c.sentAt > p.joinedAt + HOUR && c.sentAt <= now) happenings.push({ t: c.sentAt, kind: "broadcast", campaign: c });
  }
  for (const daysAgo of [45, 20, 6]) happenings.push({ t: now - daysAgo * DAY + 9 * HOUR, kind: "review", what: "vip" });
  for (const daysAgo of [30, 12]) happenings.push({ t: now - daysAgo * DAY + 10 * HOUR, kind: "review", what: "churn" });

  // Scripted recent chats: nothing else may happen after them.
  let scriptedAt = Infinity;
  if (p.scripted) {
    const minutesAgo = { active: [10, 120], requesting: [5, 40], intervened: [60, 180], closed: [180, 600] }[p.scripted];
    scriptedAt = now - rng.uniform(minutesAgo[0], minutesAgo[1]) * MINUTE;
  }
  happenings.sort((a, b) => a.t - b.t);
  let transactions = 0;
  for (const h of happenings) {
    if (h.t <= p.joinedAt || h.t > now || h.t > scriptedAt - 26 * HOUR) continue;
    switch (h.kind) {
      case "conversation":
        conversation(p, ctx, h.t);
        break;
      case "transaction":
        transaction(p, ctx, h.t, intensity, transactions++ === 0);
        break;
      case "broadcast": {
        const c = h.campaign;
        if (!p.optedIn || !matchesAudience(p, ctx, c)) break;
        if (!rng.chance(Math.min(0.98, (c.audience?.share ?? 1) * Math.min(1.2, 0.35 + 0.65 * intensity)))) break;
        templateMessage(p, ctx, c, c.sentAt + rng.uniform(0, 6 * MINUTE), intensity);
        break;
      }
      case "review":
        review(p, ctx, h.t, h.what);
        break;
    }
  }
  if (p.scripted) {
    const outcome = { active: undefined, requesting: "never", intervened: "open", closed: "resolved" } as const;
    conversation(p, ctx, scriptedAt, { escalate: p.scripted !== "active", outcome: outcome[p.scripted] });
  }

  // Time order, then ids; drop what has not happened yet.
  const drafts = p.out.filter((d) => d.t <= now).sort((a, b) => a.t - b.t);
  const prefix = `${ctx.idPrefix}-${String(index).padStart(7, "0")}-`;
  const events: ChatEvent[] = new Array(drafts.length);
  for (let i = 0; i < drafts.length; i++) {
    const e = drafts[i].e;
    e.event_id = prefix + i;
    e.ts = iso(drafts[i].t);
    events[i] = e;
  }
  // Webhooks do not arrive in order: now and then a status comes before the one it follows.
  for (let i = 1; i < events.length; i++) {
    if (events[i].type === "message.status" && events[i - 1].type === "message.status" && rng.chance(0.08)) {
      [events[i - 1], events[i]] = [events[i], events[i - 1]];
    }
  }
  return events;
}

function importValue(p: Profile, attr: string): string | number | boolean | null {
  switch (attr) {
    case "email":
      return p.rng.chance(0.85) ? p.email : null;
    case "country":
      return p.country.name;
    case "city":
      return p.city;
    case "organisation":
      return p.organisation;
    case "opted_in":
      return p.optedIn;
    case "signup_date":
      return iso(p.joinedAt - p.rng.uniform(30, 900) * DAY).slice(0, 10);
    default:
      return p.plan || null;
  }
}

function review(p: Profile, ctx: Context, t: number, what: "vip" | "churn") {
  const { ws } = ctx;
  const member = ws.members[0];
  if (what === "vip") {
    const vip = ws.reviewTags.vip;
    if (vip && !p.tags.has(vip) && (p.ltv >= 9000 || (p.plan === ctx.listOptions[3] && p.rng.chance(0.5)))) {
      tagEvent(p, t + p.rng.uniform(0, 2 * HOUR), "tag.added", vip, member, "manual", "manual");
    }
    return;
  }
  const churn = ws.reviewTags.churnRisk;
  if (churn && !p.tags.has(churn) && p.hadConversation && p.lastInbound !== null && t - p.lastInbound > 25 * DAY && p.rng.chance(0.6)) {
    tagEvent(p, t + p.rng.uniform(0, 2 * HOUR), "tag.added", churn, member, "manual", "manual");
  }
}

// ---------------------------------------------------------------------------
// Sizing

/**
 * The activity multiplier that makes `contacts` contacts produce about
 * `events` events, found on a sample of contacts (a few secant steps).
 */
export function planDemo(opts: GenerateOptions): DemoPlan {
  const { contacts, events } = resolveSize(opts);
  const ctx = buildContext(opts);
  // Engagement is heavy-tailed: it takes ~1,500 contacts to estimate the mean within a few per cent.
  const sample = Math.min(contacts, 1500);
  const perContact = (intensity: number) => {
    let n = 0;
    for (let k = 0; k < sample; k++) n += generateContact(ctx, Math.floor((k * contacts) / sample), intensity).length;
    return n / sample;
  };
  const target = (events - campaignEvents(ctx).length) / contacts;
  let x0 = 0.5;
  let y0 = perContact(x0);
  let x1 = 1.5;
  let y1 = perContact(x1);
  for (let i = 0; i < 3 && Math.abs(y1 - target) / target > 0.02; i++) {
    const slope = (y1 - y0) / (x1 - x0);
    if (slope <= 0) break;
    const x2 = clamp(x1 + (target - y1) / slope, 0.02, 100);
    x0 = x1;
    y0 = y1;
    x1 = x2;
    y1 = perContact(x1);
  }
  return { contacts, targetEvents: events, intensity: x1, estimatedEvents: Math.round(y1 * contacts + campaignEvents(ctx).length) };
}

/**
 * Yields the workspace's events in batches of about `batchSize`: first the
 * campaigns, then contact after contact. Only one batch is held at a time.
 */
export function* generateEvents(opts: GenerateOptions & { plan?: DemoPlan } = {}): Generator<ChatEvent[], void, undefined> {
  const ctx = buildContext(opts);
  const plan = opts.plan ?? planDemo(opts);
  const batchSize = opts.batchSize ?? 25_000;
  let batch: ChatEvent[] = campaignEvents(ctx);
  for (let i = 0; i < plan.contacts; i++) {
    const events = generateContact(ctx, i, plan.intensity);
    for (const e of events) batch.push(e);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
