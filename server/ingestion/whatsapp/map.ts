import type { z } from "zod";
import type { ChatEventInput } from "@/server/events/schema";
import { waMessage, waStatus, type WaMessage, type WaStatus, type WaValue } from "./payload";
import { epochSecondsToIso } from "./timestamp";

/** One message or status of a delivery: how a person and a redelivery name it, and what Meta sent. */
export interface DeliveryPart {
  /** Stable across redeliveries: `message:<wamid>`, `status:<wamid>:<status>`. */
  partId: string;
  /** What a person reads: "message wamid.…", "status wamid.… read". */
  part: string;
  /** The part as Meta sent it, JSON. */
  payload: string;
}

/** A part ChatLens did not store, and why. */
export interface RejectedPart extends DeliveryPart {
  reason: string;
}

export interface MappedValue {
  events: ChatEventInput[];
  /** The part each event comes from, by position, so a rejection at validation can name it. */
  partOf: DeliveryPart[];
  rejected: RejectedPart[];
  /** Parts read past on purpose (a status ChatLens does not track). */
  notes: string[];
}

/** Meta sends phone numbers as digits only; the event model wants E.164. */
function toE164(waId: string): string {
  return waId.startsWith("+") ? waId : `+${waId}`;
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
 * Maps one `messages` change value onto ChatLens events, each message and
 * status on its own: a bad one is rejected with its reason, the others are
 * kept. Event ids come from Meta's message ids, so a redelivered webhook maps
 * to the same ids and is dropped as a duplicate.
 */
export function mapWhatsAppValue(value: WaValue): MappedValue {
  const out: MappedValue = { events: [], partOf: [], rejected: [], notes: [] };
  const names = new Map((value.contacts ?? []).map((c) => [c.wa_id ?? "", c.profile?.name]));
  const keep = (part: DeliveryPart, event: ChatEventInput) => {
    out.events.push(event);
    out.partOf.push(part);
  };

  (value.messages ?? []).forEach((raw, i) => {
    const part = partOf("message", raw, i);
    const parsed = waMessage.safeParse(raw);
    if (!parsed.success) return out.rejected.push({ ...part, reason: problems(parsed.error) });
    const m = parsed.data;
    if (!m.from) return out.rejected.push({ ...part, reason: "no sender phone number (from)" });
    const at = epochSecondsToIso(m.timestamp);
    if ("reason" in at) return out.rejected.push({ ...part, reason: at.reason });
    keep(part, {
      event_id: `wa:${m.id}`,
      type: "message.inbound",
      contact: toE164(m.from),
      ts: at.iso,
      actor: { kind: "user", id: toE164(m.from) },
      message_type: m.type,
      text: messageText(m),
      wamid: m.id,
      // A reaction answers the message it reacts to, like a reply does.
      context_wamid: m.context?.id ?? m.reaction?.message_id,
      profile_name: names.get(m.from) || undefined,
      referral: m.referral,
    });
  });

  (value.statuses ?? []).forEach((raw, i) => {
    const part = partOf("status", raw, i);
    const parsed = waStatus.safeParse(raw);
    if (!parsed.success) return out.rejected.push({ ...part, reason: problems(parsed.error) });
    const s = parsed.data;
    if (!TRACKED_STATUSES.has(s.status)) return out.notes.push(`${part.part}: unsupported status "${s.status}"`);
    if (!s.recipient_id) return out.rejected.push({ ...part, reason: "no recipient phone number (recipient_id)" });
    const at = epochSecondsToIso(s.timestamp);
    if ("reason" in at) return out.rejected.push({ ...part, reason: at.reason });
    keep(part, statusEvent(s, s.recipient_id, at.iso));
  });
  return out;
}

const TRACKED_STATUSES = new Set(["sent", "delivered", "read", "failed"]);

function statusEvent(s: WaStatus, recipient: string, ts: string): ChatEventInput {
  const error = s.errors?.[0];
  return {
    event_id: `wa:${s.id}:${s.status}`,
    type: "message.status",
    contact: toE164(recipient),
    ts,
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

/** Names a part by Meta's ids when it has them, else by its place in the delivery. */
function partOf(kind: "message" | "status", raw: unknown, i: number): DeliveryPart {
  const fields = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const id = typeof fields.id === "string" && fields.id ? fields.id : `#${i + 1}`;
  const status = kind === "status" && typeof fields.status === "string" ? fields.status : "";
  return {
    partId: [kind, id, status].filter(Boolean).join(":"),
    part: [kind, id, status].filter(Boolean).join(" "),
    payload: JSON.stringify(raw) ?? String(raw),
  };
}

/** Every problem of a part, each named by its field unless its message already starts with it. */
function problems(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const field = i.path.join(".");
      return !field || i.message.startsWith(String(i.path[0])) ? i.message : `${field}: ${i.message}`;
    })
    .join("; ");
}
