import { z } from "zod";
import { EVENT_TIME_WINDOW, isEventTime } from "@/clickhouse/vocabulary/dates";
import { OPT_CAUSES } from "@/clickhouse/vocabulary/opt-outs";

/**
 * The ChatLens event model. Every source (Event API, WhatsApp webhook, CSV
 * import, demo generator) produces these; ingestion validates each one on its
 * own and stores it in the append-only event log.
 */

/** E.164: a plus, a country code and up to 15 digits in all. */
export const e164 = z
  .string({ error: "contact must be a phone number in E.164 form, like +919812345678" })
  .regex(/^\+[1-9]\d{6,14}$/, { error: "contact must be a phone number in E.164 form, like +919812345678" });

const isoTime = z.iso
  .datetime({ offset: true, error: "ts is not an ISO-8601 time (like 2026-11-23T09:30:00Z)", abort: true })
  .refine((ts) => isEventTime(Date.parse(ts)), `ts is outside the accepted event times, ${EVENT_TIME_WINDOW.described}`);

/**
 * Numbers are checked against the column that stores them, or ClickHouse
 * would wrap them silently (2147483648 became -2147483648 in an Int32). The
 * event model has one: error.code, `Int32` in events and campaign_recipients.
 * (attribute.set's number value is kept as text, so any finite one fits.)
 */
const INT32 = { min: -2_147_483_648, max: 2_147_483_647 };
const int32 = (field: string) => {
  const problem = `${field} must be a whole number from ${INT32.min} to ${INT32.max}`;
  return z.number({ error: problem }).refine((n) => Number.isInteger(n) && n >= INT32.min && n <= INT32.max, problem);
};

export const actorSchema = z.object({
  kind: z.enum(["user", "bot", "agent", "member", "api", "system"], {
    error: "actor.kind must be one of user, bot, agent, member, api, system",
  }),
  id: z.string().max(200).default(""),
  name: z.string().max(200).optional(),
});
export type Actor = z.infer<typeof actorSchema>;

const common = {
  event_id: z
    .string({ error: "event_id is required" })
    .min(1, "event_id is required")
    .max(128, "event_id is longer than 128 characters")
    // Stored as UTF-8, a lone surrogate becomes U+FFFD, and two different ids could become one.
    .refine((id) => id.isWellFormed(), "event_id is not well-formed text: it holds half of a UTF-16 surrogate pair (like \\ud800); send it as valid Unicode"),
  /** Optional in API bodies: the API key names the workspace. When given, it must match. */
  workspace_id: z.string().max(64).optional(),
  ts: isoTime,
  actor: actorSchema.optional(),
};

const withContact = { ...common, contact: e164 };
const optionalContact = { ...common, contact: e164.optional() };

const shortText = z.string().max(4096, "text is longer than 4096 characters");
const id = (what: string) => z.string({ error: `${what} is required` }).min(1, `${what} is required`).max(200);

export const referralSchema = z.object({
  source_type: z.string().max(50).optional(),
  source_id: z.string().max(200).optional(),
  source_url: z.string().max(2000).optional(),
  headline: z.string().max(500).optional(),
  body: z.string().max(2000).optional(),
  ctwa_clid: z.string().max(500).optional(),
});

export const inboundMessage = z.object({
  ...withContact,
  type: z.literal("message.inbound"),
  /** WhatsApp message type: text, button, interactive, image, location, … */
  message_type: z.string().max(50).default("text"),
  text: shortText.optional(),
  wamid: z.string().max(200).optional(),
  /** The wamid of the business message this one answers, when WhatsApp says. */
  context_wamid: z.string().max(200).optional(),
  profile_name: z.string().max(200).optional(),
  referral: referralSchema.optional(),
  /** Set by ingestion: the contact's first inbound message. */
  first: z.boolean().optional(),
});

export const outboundMessage = z.object({
  ...withContact,
  type: z.literal("message.outbound"),
  kind: z.enum(["template", "session"], { error: "kind must be template or session" }),
  wamid: z.string().max(200).optional(),
  campaign_id: z.string().max(200).optional(),
  template: z.string().max(200).optional(),
  text: shortText.optional(),
});

export const messageStatus = z.object({
  ...withContact,
  type: z.literal("message.status"),
  wamid: id("wamid"),
  status: z.enum(["sent", "delivered", "read", "failed"], { error: "status must be sent, delivered, read or failed" }),
  campaign_id: z.string().max(200).optional(),
  error: z.object({ code: int32("error.code"), title: z.string().max(500).default("") }).optional(),
  pricing: z
    .object({ category: z.string().max(50).optional(), billable: z.boolean().optional(), model: z.string().max(50).optional() })
    .optional(),
  conversation: z.object({ id: z.string().max(200).optional(), origin: z.string().max(50).optional() }).optional(),
});

export const campaignCreated = z.object({
  ...optionalContact,
  type: z.literal("campaign.created"),
  campaign_id: id("campaign_id"),
  name: z.string().min(1, "name is required").max(200),
  template: z.string().max(200).default(""),
});

export const campaignSent = z.object({
  ...optionalContact,
  type: z.literal("campaign.sent"),
  campaign_id: id("campaign_id"),
});

export const interventionRequested = z.object({
  ...withContact,
  type: z.literal("intervention.requested"),
  text: shortText.optional(),
});

export const agentIntervened = z.object({ ...withContact, type: z.literal("agent.intervened") });
export const chatResolved = z.object({ ...withContact, type: z.literal("chat.resolved") });

const tagFields = {
  tag: z.string().min(1, "tag is required").max(100, "tag is longer than 100 characters"),
  kind: z.enum(["automated", "manual"], { error: "kind must be automated or manual" }),
  origin: z.enum(["first_message", "api", "broadcast", "manual"]).optional(),
};
export const tagAdded = z.object({ ...withContact, type: z.literal("tag.added"), ...tagFields });
export const tagRemoved = z.object({ ...withContact, type: z.literal("tag.removed"), ...tagFields });

export const attributeSet = z.object({
  ...withContact,
  type: z.literal("attribute.set"),
  attribute: z.string().min(1, "attribute is required").max(100),
  value: z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]),
});

/**
 * A purchase, booking, sign-up… the business tells ChatLens about, attributed
 * to the campaign the contact last received (clickhouse/queries/conversions.ts).
 * `value` (with its ISO 4217 `currency`) is revenue; a repeated `order_id` of
 * the same contact counts once.
 */
export const MAX_CONVERSION_VALUE = 1_000_000_000_000;
const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));
export const conversion = z
  .object({
    ...withContact,
    type: z.literal("conversion"),
    name: z
      .string({ error: "name is required: what the contact did, like order_placed, booking or signup" })
      .trim()
      .min(1, "name is required: what the contact did, like order_placed, booking or signup")
      .max(100, "name is longer than 100 characters"),
    value: z
      .number({ error: "value must be a number (the amount, like 1299.50)" })
      .min(0, "value must be 0 or more")
      .max(MAX_CONVERSION_VALUE, `value must be at most ${MAX_CONVERSION_VALUE}`)
      .optional(),
    currency: z
      .string({ error: "currency must be an ISO 4217 code, like INR or USD" })
      .transform((c) => c.trim().toUpperCase())
      .refine((c) => CURRENCIES.has(c), { error: (i) => `currency must be an ISO 4217 code, like INR or USD, got "${String(i.input)}"` })
      .optional(),
    order_id: z.string().trim().min(1, "order_id is empty: leave it out, or send the order's id").max(200, "order_id is longer than 200 characters").optional(),
  })
  .refine((c) => c.value === undefined || c.currency !== undefined, {
    error: "currency is required with a value (an ISO 4217 code, like INR)",
    path: ["currency"],
  });

const contactFields = {
  name: z.string().max(200).optional(),
  /** organic, api, or an import label. */
  source: z.string().max(100).optional(),
  /** Where exactly: the ad of a click-to-WhatsApp referral, a file name… */
  source_detail: z.string().max(500).optional(),
};
export const contactCreated = z.object({ ...withContact, type: z.literal("contact.created"), ...contactFields });
export const contactImported = z.object({
  ...withContact,
  type: z.literal("contact.imported"),
  ...contactFields,
  source: z.string().min(1, "source is required for an import").max(100),
});

/**
 * The contact opted out of marketing, or back in. Ingestion writes them when a
 * reply is a keyword or a status fails with error 131050 (pipeline.ts); a
 * source that records opt-outs elsewhere may send them too (cause `api`).
 */
const optFields = {
  cause: z.enum(OPT_CAUSES, { error: `cause must be one of ${OPT_CAUSES.join(", ")}` }).default("api"),
  /** The keyword the reply matched, as configured. */
  keyword: z.string().max(200).optional(),
  /** The event that caused it: the reply or the failed status. */
  caused_by: z.string().max(200).optional(),
  /** The campaign of a failed status. */
  campaign_id: z.string().max(200).optional(),
};
export const optedOut = z.object({ ...withContact, type: z.literal("contact.opted_out"), ...optFields });
export const optedIn = z.object({ ...withContact, type: z.literal("contact.opted_in"), ...optFields });

export const EVENT_TYPES = [
  "message.inbound",
  "message.outbound",
  "message.status",
  "campaign.created",
  "campaign.sent",
  "intervention.requested",
  "agent.intervened",
  "chat.resolved",
  "tag.added",
  "tag.removed",
  "attribute.set",
  "contact.created",
  "contact.imported",
  "conversion",
  "contact.opted_out",
  "contact.opted_in",
] as const;

export const eventSchema = z.discriminatedUnion(
  "type",
  [
    inboundMessage,
    outboundMessage,
    messageStatus,
    campaignCreated,
    campaignSent,
    interventionRequested,
    agentIntervened,
    chatResolved,
    tagAdded,
    tagRemoved,
    attributeSet,
    contactCreated,
    contactImported,
    conversion,
    optedOut,
    optedIn,
  ],
  {
    error: (issue): string | undefined =>
      issue.code === "invalid_union" ? `type must be one of ${EVENT_TYPES.join(", ")}` : undefined,
  },
);

export type ChatEvent = z.infer<typeof eventSchema>;
export type ChatEventInput = z.input<typeof eventSchema>;
export type EventType = ChatEvent["type"];


// EVENT_TYPES must list exactly the union's types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const eventTypesComplete: Same<(typeof EVENT_TYPES)[number], EventType> = true;
void eventTypesComplete;
