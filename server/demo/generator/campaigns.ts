/** Template messages of broadcasts and API campaigns, their ticks, and the replies to them. */
import { STOPPED_MARKETING_ERROR } from "@/clickhouse/vocabulary/opt-outs";
import type { Actor, ChatEvent } from "../../events/schema";
import { clamp } from "../random";
import { HOUR, MINUTE, localHour, type Context, type PlacedCampaign } from "./context";
import { conversation } from "./conversation";
import { maybeConvert } from "./conversions";
import { WHATSAPP, botReply, inbound, pickTopic, push, setAttribute, tagEvent, wamid, type Profile } from "./profile";

const TEMPLATE_ERRORS = [
  { code: 131026, title: "Message undeliverable", weight: 5, marketingOnly: false },
  { code: 131049, title: "This message was not delivered to maintain healthy ecosystem engagement.", weight: 4, marketingOnly: true },
  { code: 130472, title: "User's number is part of an experiment", weight: 1, marketingOnly: false },
  // The person stopped marketing messages in WhatsApp itself: ChatLens marks them opted out.
  { code: STOPPED_MARKETING_ERROR, title: "This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.", weight: 2, marketingOnly: true },
];

/** A template message and its ticks; maybe a reply. */
export function templateMessage(p: Profile, ctx: Context, c: PlacedCampaign, t: number, intensity: number) {
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
    if (err.code === STOPPED_MARKETING_ERROR) p.optedIn = false;
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
  const replies = rng.chance(clamp(c.replyRate * Math.pow(p.engagement, 0.5) * Math.min(1.5, Math.sqrt(intensity)), 0, 0.9));
  if (replies) replyToCampaign(p, ctx, c, id, readAt + rng.lognormal(3 * MINUTE, 1.2));
  maybeConvert(p, ctx, c, id, readAt, replies);
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
    // A few change their mind and send START days later.
    const back = t + rng.uniform(1, 9) * 24 * HOUR;
    if (rng.chance(0.1) && back < ctx.now) {
      inbound(p, ctx, back, rng.pick(["START", "Start"]));
      botReply(p, ctx, back + rng.uniform(800, 2500), "Welcome back! You'll get our offers again.");
      setAttribute(p, ctx, back + 3000, "opted_in", true, ws.bot);
      p.optedIn = true;
    }
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
export function transaction(p: Profile, ctx: Context, t0: number, intensity: number, first: boolean) {
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

export function matchesAudience(p: Profile, ctx: Context, c: PlacedCampaign): boolean {
  const a = c.audience;
  if (!a) return true;
  if (a.tags && !a.tags.some((t) => p.tags.has(t))) return false;
  if (a.countries && !a.countries.includes(p.country.name)) return false;
  if (a.plans && !a.plans.includes(p.plan)) return false;
  if (a.sources && !a.sources.includes(p.source)) return false;
  return true;
}
