/**
 * Loads the demo workspaces: config (workspaces, users, memberships, tag and
 * attribute catalogues, campaign prices) when missing, then the generated events, streamed
 * batch by batch through the ingestion pipeline like any other source.
 *
 * Safe to run again: config that exists is left as it is (a changed role or
 * password stays changed), and ingestion drops event ids it already has, so a
 * second run with the same seed and size stores nothing new.
 */
import type { Store } from "@/clickhouse/client";
import { listAttributeDefinitions, upsertAttributeDefinitions } from "@/clickhouse/queries/attributes";
import { getWorkspacePrices, setWorkspacePrices } from "@/clickhouse/queries/campaign-cost";
import { contactStatusCounts } from "@/clickhouse/queries/overview";
import { listTagDefinitions, upsertTagDefinitions } from "@/clickhouse/queries/tags";
import { findUserByEmail, upsertUser } from "@/clickhouse/queries/users";
import { getMembership, getWorkspace, upsertMembership, upsertWorkspace } from "@/clickhouse/queries/workspaces";
import { hashPassword } from "../auth/password";
import type { ChatEvent } from "../events/schema";
import { bulkLoad, ingestEvents } from "../ingestion/pipeline";
import { validateEvents } from "../ingestion/validate";
import { generateEvents, planDemo, resolveSize, type DemoPlan, type SizeOptions } from "./generator";
import { DEMO_CLINIC, DEMO_PASSWORD, DEMO_RETAIL, DEMO_USERS, type DemoWorkspace } from "./workspace";

export interface SeedProgress {
  workspaceId: string;
  /** Events generated and handed to ingestion so far, over all workspaces. */
  processed: number;
  /** New events stored so far. */
  written: number;
  /** Events ingestion already had (a re-run). */
  duplicates: number;
  /** Expected events in all, over all workspaces. */
  total: number;
  elapsedMs: number;
  eventsPerSec: number;
  /** Seconds left at the current rate; null before the first batch. */
  etaSeconds: number | null;
}

export interface SeedOptions extends SizeOptions {
  /** End of the generated 90 days; default now. */
  now?: Date | number;
  seed?: number;
  /** Events per ingestion batch (default 25,000). */
  batchSize?: number;
  /** Skip everything when the demo workspace already has contacts. */
  ifMissing?: boolean;
  log?: (line: string) => void;
  onProgress?: (p: SeedProgress) => void;
}

export interface SeedTimings {
  /** Generating events (JS). */
  generateMs: number;
  /**
   * ingestEvents from call to resolve (dedupe query, enrichment, JSON, insert).
   * The next batch is generated meanwhile, so the two overlap: their sum can exceed the wall time.
   */
  ingestMs: number;
  /** Rebuilding the read models at the end of each workspace's bulk load. */
  rebuildMs: number;
}

export interface SeedResult {
  skipped: boolean;
  workspaces: Array<{ workspaceId: string; contacts: number; generated: number; stored: number; duplicates: number }>;
  generated: number;
  stored: number;
  duplicates: number;
  seconds: number;
  eventsPerSec: number;
  timings: SeedTimings;
}

/** The clinic is small whatever the size: a few hundred contacts. */
function clinicSize(retail: { contacts: number }): { contacts: number; events: number } {
  const contacts = Math.max(150, Math.min(400, Math.round(retail.contacts * DEMO_CLINIC.contactsShare)));
  return { contacts, events: contacts * 40 };
}

export async function seedDemo(store: Store, opts: SeedOptions = {}): Promise<SeedResult> {
  const log = opts.log ?? (() => {});
  const started = performance.now();
  const now = opts.now === undefined ? Date.now() : typeof opts.now === "number" ? opts.now : opts.now.getTime();
  const empty: SeedResult = {
    skipped: true,
    workspaces: [],
    generated: 0,
    stored: 0,
    duplicates: 0,
    seconds: 0,
    eventsPerSec: 0,
    timings: { generateMs: 0, ingestMs: 0, rebuildMs: 0 },
  };

  if (opts.ifMissing && (await getWorkspace(store, DEMO_RETAIL.workspaceId))) {
    const counts = await contactStatusCounts(store, DEMO_RETAIL.workspaceId, new Date(now));
    if (counts.total > 0) {
      log(`demo workspace already loaded (${counts.total.toLocaleString("en-US")} contacts): nothing to do`);
      return empty;
    }
  }

  await ensureConfig(store, log);

  const retailSize = resolveSize(opts);
  const jobs: Array<{ ws: DemoWorkspace; plan: DemoPlan }> = [];
  for (const [ws, size] of [
    [DEMO_RETAIL, retailSize],
    [DEMO_CLINIC, clinicSize(retailSize)],
  ] as const) {
    const plan = planDemo({ workspace: ws, now, seed: opts.seed, ...size });
    jobs.push({ ws, plan });
    log(
      `${ws.workspaceId}: ${plan.contacts.toLocaleString("en-US")} contacts, ~${plan.estimatedEvents.toLocaleString("en-US")} events`,
    );
  }
  const total = jobs.reduce((n, j) => n + j.plan.estimatedEvents, 0);

  const result: SeedResult = { ...empty, skipped: false, workspaces: [] };
  let processed = 0;
  const ingestStarted = performance.now();
  for (const { ws, plan } of jobs) {
    const summary = { workspaceId: ws.workspaceId, contacts: plan.contacts, generated: 0, stored: 0, duplicates: 0 };
    result.workspaces.push(summary);
    // The generator hands out small slices and the next batch is assembled
    // slice by slice, yielding to the event loop in between: generating the
    // next batch in one synchronous go would hold back the current batch's
    // lookups, so its INSERT would start only after the generation and the two
    // would not overlap at all.
    const batchSize = opts.batchSize ?? 25_000;
    const slices = generateEvents({ workspace: ws, now, seed: opts.seed, batchSize: Math.min(batchSize, GENERATE_SLICE), plan });
    const next = async (): Promise<ChatEvent[] | undefined> => {
      const out: ChatEvent[] = [];
      while (out.length < batchSize) {
        const t = performance.now();
        const r = slices.next();
        result.timings.generateMs += performance.now() - t;
        if (r.done) break;
        for (const e of r.value) out.push(e);
        await new Promise((resolve) => setImmediate(resolve));
      }
      return out.length ? out : undefined;
    };

    // One bulk load per workspace: the read models are rebuilt once at its end.
    let loadedAt = 0;
    await bulkLoad(store, ws.workspaceId, async () => {
      let batch = await next();
      if (batch) assertValid(batch, ws.workspaceId); // the generator's output must pass the API's own validation
      while (batch) {
        // Generate the next batch while chDB writes this one.
        const t = performance.now();
        const pending = ingestEvents(store, ws.workspaceId, batch).then((r) => {
          result.timings.ingestMs += performance.now() - t;
          return r;
        });
        const following = await next();
        const ingested = await pending;

        summary.generated += batch.length;
        summary.stored += ingested.stored;
        summary.duplicates += ingested.duplicates;
        processed += batch.length;
        result.stored += ingested.stored;
        result.duplicates += ingested.duplicates;
        const elapsedMs = performance.now() - ingestStarted;
        const eventsPerSec = processed / (elapsedMs / 1000);
        opts.onProgress?.({
          workspaceId: ws.workspaceId,
          processed,
          written: result.stored,
          duplicates: result.duplicates,
          total: Math.max(total, processed),
          elapsedMs,
          eventsPerSec,
          etaSeconds: eventsPerSec > 0 ? Math.max(0, total - processed) / eventsPerSec : null,
        });
        batch = following;
      }
      loadedAt = performance.now();
    });
    result.timings.rebuildMs += performance.now() - loadedAt;
    log(
      `${ws.workspaceId}: ${summary.stored.toLocaleString("en-US")} events stored` +
        (summary.duplicates ? `, ${summary.duplicates.toLocaleString("en-US")} already there` : ""),
    );
  }
  result.generated = processed;
  result.seconds = (performance.now() - started) / 1000;
  result.eventsPerSec = processed / result.seconds;
  return result;
}

/** Events the generator produces between two yields to the event loop. */
const GENERATE_SLICE = 2_000;

function assertValid(batch: ChatEvent[], workspaceId: string) {
  const { rejected } = validateEvents(batch, workspaceId, "generated event");
  if (rejected.length) {
    throw new Error(`the demo generator produced invalid events: ${rejected.slice(0, 3).map((r) => r.reason).join("; ")}`);
  }
}

/**
 * Example prices for the demo's campaign costs: Meta's per-message rates for
 * India (the demo businesses' main market) in rupees; service replies are free.
 */
const DEMO_PRICES = { currency: "INR", prices: { marketing: 0.7846, utility: 0.115, authentication: 0.115, service: null } };

/** Workspaces, users, memberships, tags, attributes and prices: created when missing, never changed. */
async function ensureConfig(store: Store, log: (line: string) => void) {
  for (const ws of [DEMO_RETAIL, DEMO_CLINIC]) {
    if (!(await getWorkspace(store, ws.workspaceId))) {
      await upsertWorkspace(store, ws.workspaceId, { name: ws.name, phoneNumberId: ws.phoneNumberId, timeZone: ws.timeZone });
      log(`created workspace ${ws.workspaceId} (${ws.name})`);
    }
    const haveTags = new Set((await listTagDefinitions(store, ws.workspaceId)).map((t) => t.tag));
    const missingTags = ws.tags.filter((t) => !haveTags.has(t.tag));
    if (missingTags.length) {
      await upsertTagDefinitions(
        store,
        ws.workspaceId,
        missingTags.map((t) => ({ tag: t.tag, category: t.category, firstMessageText: t.firstMessageText, createdBy: "user_demo_admin" })),
      );
    }
    const haveAttributes = new Set((await listAttributeDefinitions(store, ws.workspaceId)).map((a) => a.name));
    const missingAttributes = ws.attributes.filter((a) => !haveAttributes.has(a.name));
    if (missingAttributes.length) await upsertAttributeDefinitions(store, ws.workspaceId, missingAttributes);
    if (!(await getWorkspacePrices(store, ws.workspaceId))) {
      await setWorkspacePrices(store, ws.workspaceId, { ...DEMO_PRICES, updatedBy: "user_demo_admin" });
    }
  }

  let passwordHash: string | null = null;
  for (const user of DEMO_USERS) {
    const existing = await findUserByEmail(store, user.email);
    const userId = existing?.user_id ?? user.userId;
    if (!existing) {
      passwordHash ??= await hashPassword(DEMO_PASSWORD);
      await upsertUser(store, { userId, email: user.email, name: user.name, passwordHash });
      log(`created user ${user.email}`);
    }
    for (const [workspaceId, role] of Object.entries(user.roles)) {
      if ((await getMembership(store, workspaceId, userId)) === null) await upsertMembership(store, workspaceId, userId, role);
    }
  }
}
