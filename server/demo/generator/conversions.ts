/** Conversions after campaigns: what the demo's campaign pages show as conversions and revenue. */
import type { ChatEvent } from "../../events/schema";
import { DAY, HOUR, type Context, type PlacedCampaign } from "./context";
import { push, type Profile } from "./profile";

/**
 * A reader of a broadcast converts now and then: a few percent of readers
 * (more when they replied), mostly within days, some past the default 7-day
 * window. Values in INR, a few in USD (contacts outside India), some without
 * a value, and some order ids sent twice (a shop's retry), which count once.
 * Drawn from the message's own fork of the contact's stream, so the rest of
 * the demo is what it was without them.
 */
export function maybeConvert(p: Profile, ctx: Context, c: PlacedCampaign, messageId: string, readAt: number, replied: boolean) {
  if (c.kind !== "broadcast") return;
  const rng = p.rng.fork("conversion", messageId);
  if (!rng.chance(replied ? 0.12 : 0.03)) return;
  const t = readAt + (rng.chance(0.85) ? rng.lognormal(20 * HOUR, 1.2) : rng.uniform(7, 12) * DAY);
  const clinic = ctx.ws.workspaceId.includes("clinic");
  const name = clinic ? "booking" : rng.chance(0.85) ? "order_placed" : "signup";
  const e: Extract<ChatEvent, { type: "conversion" }> = {
    event_id: "",
    ts: "",
    contact: p.phone,
    type: "conversion",
    actor: ctx.ws.apiActor,
    name,
  };
  if (name !== "signup" && rng.chance(0.9)) {
    const usd = p.country.name !== "India" && rng.chance(0.6);
    e.value = usd ? Math.round(rng.lognormal(40, 0.6) * 100) / 100 : Math.round(rng.lognormal(clinic ? 900 : 1800, 0.7) / 10) * 10;
    e.currency = usd ? "USD" : "INR";
  }
  if (name === "order_placed") e.order_id = `ORD-${messageId.slice(-10)}`;
  push(p, t, e);
  // The shop's system sends some orders twice.
  if (e.order_id && rng.chance(0.1)) push(p, t + rng.uniform(1000, 3 * HOUR), { ...e });
}
