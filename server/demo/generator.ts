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
import type { ChatEvent } from "../events/schema";
import { clamp } from "./random";
import { buildContext, campaignEvents } from "./generator/context";
import { generateContact } from "./generator/contact";
import { resolveSize, type DemoPlan, type GenerateOptions } from "./generator/options";

export { DEMO_SIZES, resolveSize, type DemoPlan, type DemoSize, type GenerateOptions, type SizeOptions } from "./generator/options";

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
