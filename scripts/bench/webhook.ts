import { createHmac } from "node:crypto";
import { POST as webhookRoute } from "@/app/api/webhooks/whatsapp/route";
import type { Store } from "@/clickhouse/client";
import { upsertWorkspace } from "@/clickhouse/queries/workspaces";
import { webhookInbox } from "@/server/ingestion/whatsapp/inbox";
import { sendAll, serveRoutes } from "./http-server";
import { cpuSecondsSince, percentile } from "./stats";

export interface WebhookBenchResult {
  deliveries: number;
  events: number;
  concurrency: number;
  /** From the first delivery sent to the last one answered. */
  seconds: number;
  deliveriesPerSec: number;
  /** From the first delivery sent until every event was in the event log (the inbox drained). */
  storedSeconds: number;
  cpuSeconds: number;
  p50Ms: number;
  p95Ms: number;
}

/**
 * WhatsApp Cloud API deliveries as Meta sends them — one change per delivery,
 * carrying one inbound message (a third of them) or one status (sent,
 * delivered or read of an earlier business message) — each signed with
 * X-Hub-Signature-256, posted by `concurrency` senders through the app's
 * webhook route handler over HTTP.
 */
export async function benchWebhook(
  store: Store,
  opts: { runId: string; deliveries: number; concurrency: number; now: number },
): Promise<WebhookBenchResult> {
  const workspaceId = `bench-wa-${opts.runId}`;
  const phoneNumberId = `9${Date.now()}`.slice(0, 15);
  await upsertWorkspace(store, workspaceId, { name: "Bench WhatsApp", phoneNumberId });
  const secret = (process.env.WHATSAPP_APP_SECRET ??= `bench-secret-${opts.runId}`);

  const bodies: Array<{ body: string; signature: string }> = [];
  const seconds = Math.floor(opts.now / 1000) - 3600;
  for (let i = 0; i < opts.deliveries; i++) {
    const waId = `91${9_000_000_000 + (i % 50_000)}`;
    const value: Record<string, unknown> = {
      messaging_product: "whatsapp",
      metadata: { display_phone_number: "15550001111", phone_number_id: phoneNumberId },
    };
    if (i % 3 === 0) {
      value.contacts = [{ wa_id: waId, profile: { name: `Customer ${i % 50_000}` } }];
      value.messages = [{ from: waId, id: `wamid.bench${opts.runId}in${i}`, timestamp: String(seconds + i), type: "text", text: { body: "Hi, is this in stock?" } }];
    } else {
      const status = ["sent", "delivered", "read"][i % 3];
      value.statuses = [
        {
          id: `wamid.bench${opts.runId}out${Math.floor(i / 3)}`,
          status,
          timestamp: String(seconds + i),
          recipient_id: waId,
          conversation: { id: `conv${Math.floor(i / 3)}`, origin: { type: "marketing" } },
          pricing: { billable: true, pricing_model: "PMP", category: "marketing" },
        },
      ];
    }
    const body = JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: "WABA_ID", changes: [{ field: "messages", value }] }] });
    bodies.push({ body, signature: `sha256=${createHmac("sha256", secret).update(body).digest("hex")}` });
  }

  const server = await serveRoutes({ "/api/webhooks/whatsapp": webhookRoute });
  let accepted = 0;
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const run = await sendAll(bodies, opts.concurrency, async ({ body, signature }) => {
      const res = await fetch(`${server.url}/api/webhooks/whatsapp`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-signature-256": signature },
        body,
      });
      const outcome = (await res.json()) as { accepted: number; notes: string[] };
      if (res.status !== 200 || outcome.notes.length) throw new Error(`webhook answered ${res.status}: ${JSON.stringify(outcome).slice(0, 300)}`);
      accepted += outcome.accepted;
    });
    // The answers come once events are on disk in the inbox; the event log has them when it drains.
    await webhookInbox(store).idle();
    const storedSeconds = (performance.now() - started) / 1000;
    const cpuSeconds = cpuSecondsSince(cpu);
    if (accepted !== opts.deliveries) throw new Error(`the webhook accepted ${accepted} of ${opts.deliveries} events`);
    const [row] = await store.query<{ n: string }>(
      "SELECT count() AS n FROM events WHERE workspace_id = {workspaceId:String} AND startsWith(event_id, 'wa:')",
      { workspaceId },
      { report: "bench:webhook-stored" },
    );
    if (Number(row?.n) !== opts.deliveries) throw new Error(`the event log holds ${row?.n} of ${opts.deliveries} accepted events`);
    return {
      deliveries: opts.deliveries,
      events: accepted,
      storedSeconds,
      concurrency: opts.concurrency,
      seconds: run.seconds,
      deliveriesPerSec: opts.deliveries / run.seconds,
      cpuSeconds,
      p50Ms: percentile(run.latenciesMs, 50),
      p95Ms: percentile(run.latenciesMs, 95),
    };
  } finally {
    await server.close();
  }
}
