/** A chat with the bot, sometimes escalated to a human agent, taken and resolved. */
import type { Actor } from "../../events/schema";
import { Rng, clamp } from "../random";
import type { ConversationTopic, DemoAgent } from "../workspace";
import { DAY, HOUR, MINUTE, type Context } from "./context";
import { WHATSAPP, botReply, fill, inbound, pickTopic, push, setAttribute, tagEvent, wamid, type Profile } from "./profile";

const REENGAGEMENT_ERROR = { code: 131047, title: "Re-engagement message" };

const ESCALATION_BOT_TEXT = [
  "Sorry, I couldn't find an answer to that. Connecting you to our team 🙋",
  "Let me get a team member to help you with this.",
  "I'm not sure about that one — a colleague will reply shortly.",
];

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
export function conversation(p: Profile, ctx: Context, t0: number, o: ConversationOptions = {}): number {
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
