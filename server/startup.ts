import { getStore } from "@/clickhouse/client";
import { migrate } from "@/clickhouse/migrate";
import { registerApiKey } from "./auth/api-keys";
import { repairCountsAfterStart } from "./ingestion/pipeline";
import { webhookInbox } from "./ingestion/whatsapp/inbox";
import { startScheduler } from "./sync/scheduler";

/** The workspace the demo data, the demo API key and the demo phone number id belong to. */
export const DEMO_WORKSPACE_ID = "demo";

export async function startup() {
  const store = getStore();
  const applied = await migrate(store, (line) => console.log(`[chatlens] ${line}`));
  if (applied) console.log(`[chatlens] schema up to date (${applied} migration(s) applied)`);
  // The process before this one may have stopped between a round's rows and their counts (campaign_stats, contact_totals).
  void repairCountsAfterStart(store).catch((err) => console.error("[chatlens] repairing the kept counts (campaigns, contacts) failed:", err));
  // Webhook deliveries answered before a restart and not yet in the event log go in now.
  webhookInbox(store);
  // Segment syncs and their retries, and the daily segment sizes; their state is in the store.
  startScheduler(store);
  // Scripts and tests get a known key for the demo workspace without clicking through Manage.
  const demoKey = process.env.CHATLENS_DEMO_API_KEY;
  if (demoKey) await registerApiKey(store, DEMO_WORKSPACE_ID, demoKey, "Demo key (CHATLENS_DEMO_API_KEY)");
}
