import type { Store } from "@/clickhouse/client";
import { findWorkspaceByPhoneNumberId } from "@/clickhouse/queries/api-key-auth";
import { ingestEvents } from "../pipeline";
import { validateEvents } from "../validate";
import { mapWhatsAppValue } from "./map";
import { waValue, waWebhook } from "./payload";

export interface WebhookOutcome {
  stored: number;
  duplicates: number;
  /** Things a person may want to look at: unknown numbers, unsupported statuses, rejected events. */
  notes: string[];
}

/** Stores one verified webhook delivery. Anything it cannot use is noted, never fatal: Meta only needs the 200. */
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
      const { events, skipped } = mapWhatsAppValue(value.data);
      outcome.notes.push(...skipped);
      const checked = validateEvents(events, workspaceId);
      outcome.notes.push(...checked.rejected.map((r) => r.reason));
      const result = await ingestEvents(store, workspaceId, checked.valid.map((v) => v.event));
      outcome.stored += result.stored;
      outcome.duplicates += result.duplicates;
    }
  }
  return outcome;
}
