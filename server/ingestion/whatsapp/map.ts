import type { ChatEventInput } from "@/server/events/schema";
import type { WaMessage, WaStatus, WaValue } from "./payload";

/** Meta sends phone numbers as digits only; the event model wants E.164. */
function toE164(waId: string): string {
  return waId.startsWith("+") ? waId : `+${waId}`;
}

function unixToIso(seconds: string): string {
  return new Date(Number(seconds) * 1000).toISOString();
}

/** The words a person would read for a message of any type. */
export function messageText(m: WaMessage): string | undefined {
  switch (m.type) {
    case "text":
      return m.text?.body;
    case "button":
      return m.button?.text ?? m.button?.payload;
    case "interactive":
      return m.interactive?.button_reply?.title ?? m.interactive?.list_reply?.title ?? m.interactive?.nfm_reply?.body;
    case "image":
    case "video":
    case "document":
      return m[m.type]?.caption ?? m.document?.filename;
    case "location":
      return [m.location?.name, m.location?.address].filter(Boolean).join(", ") || undefined;
    case "contacts":
      return m.contacts?.map((c) => c.name?.formatted_name).filter(Boolean).join(", ") || undefined;
    case "reaction":
      return m.reaction?.emoji;
    default:
      return undefined;
  }
}

/**
 * Maps one `messages` change value onto ChatLens events. Event ids come from
 * Meta's message ids, so a redelivered webhook maps to the same ids and is
 * dropped as a duplicate.
 */
export function mapWhatsAppValue(value: WaValue): { events: ChatEventInput[]; skipped: string[] } {
  const events: ChatEventInput[] = [];
  const skipped: string[] = [];
  const names = new Map((value.contacts ?? []).map((c) => [c.wa_id ?? "", c.profile?.name]));

  for (const m of value.messages ?? []) {
    if (!m.from) {
      skipped.push(`message ${m.id}: no sender phone number`);
      continue;
    }
    events.push({
      event_id: `wa:${m.id}`,
      type: "message.inbound",
      contact: toE164(m.from),
      ts: unixToIso(m.timestamp),
      actor: { kind: "user", id: toE164(m.from) },
      message_type: m.type,
      text: messageText(m),
      wamid: m.id,
      // A reaction answers the message it reacts to, like a reply does.
      context_wamid: m.context?.id ?? m.reaction?.message_id,
      profile_name: names.get(m.from) || undefined,
      referral: m.referral,
    });
  }

  for (const s of value.statuses ?? []) {
    const status = mapStatus(s);
    if (!status) skipped.push(`status ${s.id}: ${s.recipient_id ? `unsupported status "${s.status}"` : "no recipient phone number"}`);
    else events.push(status);
  }
  return { events, skipped };
}

function mapStatus(s: WaStatus): ChatEventInput | null {
  if (!s.recipient_id || !["sent", "delivered", "read", "failed"].includes(s.status)) return null;
  const error = s.errors?.[0];
  return {
    event_id: `wa:${s.id}:${s.status}`,
    type: "message.status",
    contact: toE164(s.recipient_id),
    ts: unixToIso(s.timestamp),
    actor: { kind: "system", id: "whatsapp" },
    wamid: s.id,
    status: s.status as "sent" | "delivered" | "read" | "failed",
    error: error ? { code: error.code, title: error.title ?? error.message ?? "" } : undefined,
    pricing: s.pricing
      ? { category: s.pricing.category, billable: s.pricing.billable, model: s.pricing.pricing_model }
      : undefined,
    conversation: s.conversation ? { id: s.conversation.id, origin: s.conversation.origin?.type } : undefined,
  };
}
