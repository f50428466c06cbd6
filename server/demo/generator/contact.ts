/** Every event of one contact's life, from its arrival to `now`. */
import type { ChatEvent } from "../../events/schema";
import { hashSeed } from "../random";
import { matchesAudience, templateMessage, transaction } from "./campaigns";
import { DAY, HOUR, MINUTE, atLocalHour, iso, type Context, type PlacedCampaign } from "./context";
import { conversation } from "./conversation";
import { firstMessageTagOf, makeProfile, pickTopic, push, setAttribute, tagEvent, type Profile } from "./profile";

const OPENING_SUFFIXES = ["", "", "", "!", " please", ". Is it in stock?", " — what's the price?", ". Do you deliver to my city?"];

type Happening =
  | { t: number; kind: "conversation" }
  | { t: number; kind: "broadcast"; campaign: PlacedCampaign }
  | { t: number; kind: "transaction" }
  | { t: number; kind: "review"; what: "vip" | "churn" };

/** Every event of one contact, in time order, up to `now`. */
export function generateContact(ctx: Context, index: number, intensity: number): ChatEvent[] {
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
