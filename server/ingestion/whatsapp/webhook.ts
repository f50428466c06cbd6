import type { Store } from "@/clickhouse/client";
import { findWorkspaceByPhoneNumberId } from "@/clickhouse/queries/api-key-auth";
import { insertWebhookRejections } from "@/clickhouse/queries/webhook-rejections";
import { ingestEvents } from "../pipeline";
import type { ChatEvent } from "../../events/schema";
import { checkEvent } from "../validate";
import { mapWhatsAppValue, type RejectedPart } from "./map";
import { waValue, waWebhook } from "./payload";

export interface WebhookOutcome {
  stored: number;
  duplicates: number;
  /** Things a person may want to look at: unknown numbers, unsupported statuses, rejected parts. */
  notes: string[];
}

/**
 * Stores one verified webhook delivery. Anything it cannot use is noted, never
 * fatal: Meta only needs the 200, and a delivery it must retry would bring the
 * same bad part again. A rejected part is kept, with its reason, in
 * webhook_rejections for Manage → WhatsApp.
 */
export async function acceptWhatsAppDelivery(store: Store, json: unknown): Promise<WebhookOutcome> {
  const outcome: WebhookOutcome = { stored: 0, duplicates: 0, notes: [] };
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
      const workspaceId = await findWorkspaceByPhoneNumberId(store, phoneNumberId);
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
      const result = await ingestEvents(store, workspaceId, valid);
      outcome.stored += result.stored;
      outcome.duplicates += result.duplicates;
      // After the events: a delivery that fails to store is delivered again, and then its rejections are kept.
      if (rejected.length) await insertWebhookRejections(store, workspaceId, rejected);
      outcome.notes.push(...mapped.notes, ...rejected.map((r) => `${r.part}: ${r.reason}`));
    }
  }
  return outcome;
}
