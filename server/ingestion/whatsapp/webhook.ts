import type { Store } from "@/clickhouse/client";
import { findWorkspaceByPhoneNumberId } from "@/clickhouse/queries/api-key-auth";
import { insertWebhookRejections } from "@/clickhouse/queries/webhook-rejections";
import { webhookInbox } from "./inbox";
import type { ChatEvent } from "../../events/schema";
import { checkEvent } from "../validate";
import { mapWhatsAppValue, type RejectedPart } from "./map";
import { waValue, waWebhook } from "./payload";

export interface WebhookOutcome {
  /** Events taken into the inbox: on disk, stored in the event log a moment later (inbox.ts). */
  accepted: number;
  /** Parts left out, each kept with its reason for Manage → WhatsApp. */
  rejected: number;
  /** Things a person may want to look at: unknown numbers, unsupported statuses, rejected parts. */
  notes: string[];
}

/** Where a phone number id routes, remembered briefly: a busy number sends hundreds of deliveries a second. */
const ROUTE_TTL_MS = 30_000;
const routes = new WeakMap<Store, Map<string, { workspaceId: string | null; until: number }>>();

async function workspaceOf(store: Store, phoneNumberId: string): Promise<string | null> {
  let known = routes.get(store);
  if (!known) routes.set(store, (known = new Map()));
  const hit = known.get(phoneNumberId);
  if (hit && hit.until > Date.now()) return hit.workspaceId;
  const workspaceId = await findWorkspaceByPhoneNumberId(store, phoneNumberId);
  known.set(phoneNumberId, { workspaceId, until: Date.now() + ROUTE_TTL_MS });
  return workspaceId;
}

/**
 * Takes one verified webhook delivery. Anything it cannot use is noted, never
 * fatal: Meta only needs the 200, and a delivery it must retry would bring the
 * same bad part again. A rejected part is kept, with its reason, in
 * webhook_rejections for Manage → WhatsApp before the answer; the valid events
 * go into the workspace's inbox, and the answer waits only until they are on
 * disk there (inbox.ts).
 */
export async function acceptWhatsAppDelivery(store: Store, json: unknown): Promise<WebhookOutcome> {
  const outcome: WebhookOutcome = { accepted: 0, rejected: 0, notes: [] };
  const parsed = waWebhook.safeParse(json);
  if (!parsed.success) {
    outcome.notes.push(`not a WhatsApp Business webhook: ${parsed.error.issues[0]?.message}`);
    return outcome;
  }
  for (const entry of parsed.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== "messages") continue;
      const value = waValue.safeParse(change.value);
      if (!value.success) {
        outcome.notes.push(`entry ${entry.id ?? "?"}: unreadable messages value (${value.error.issues[0]?.message})`);
        continue;
      }
      for (const e of value.data.errors ?? []) outcome.notes.push(`WhatsApp error ${e.code}: ${e.title ?? e.message ?? ""}`);
      const phoneNumberId = value.data.metadata.phone_number_id;
      const workspaceId = await workspaceOf(store, phoneNumberId);
      if (!workspaceId) {
        outcome.notes.push(`no workspace has phone number id ${phoneNumberId}; set it in Manage`);
        continue;
      }
      const mapped = mapWhatsAppValue(value.data);
      const rejected: RejectedPart[] = [...mapped.rejected];
      const valid: ChatEvent[] = [];
      mapped.events.forEach((event, i) => {
        const checked = checkEvent(event, workspaceId);
        if ("problem" in checked) rejected.push({ ...mapped.partOf[i], reason: checked.problem });
        else valid.push(checked.event);
      });
      if (valid.length) await webhookInbox(store).accept({ workspaceId, events: valid });
      if (rejected.length) await insertWebhookRejections(store, workspaceId, rejected);
      outcome.accepted += valid.length;
      outcome.rejected += rejected.length;
      outcome.notes.push(...mapped.notes, ...rejected.map((r) => `${r.part}: ${r.reason}`));
    }
  }
  return outcome;
}
