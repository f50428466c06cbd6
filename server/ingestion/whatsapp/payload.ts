import { z } from "zod";

/**
 * Meta's WhatsApp Cloud API webhook payload, as documented. Only the fields
 * ChatLens reads are described; everything else passes through untouched, so
 * a field Meta adds tomorrow never makes a delivery fail.
 */
const error = z.looseObject({
  code: z.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});

const media = z.looseObject({ caption: z.string().optional(), filename: z.string().optional(), mime_type: z.string().optional() });

/** Meta writes epoch seconds as text; a number is read as its digits, and either is checked in timestamp.ts. */
const timestamp = z.union([z.string(), z.number()], { error: "timestamp must be decimal epoch seconds, like \"1749416383\"" }).transform(String);

export const waMessage = z.looseObject({
  from: z.string().optional(),
  id: z.string({ error: "id (the wamid) is missing" }),
  timestamp,
  type: z.string(),
  text: z.looseObject({ body: z.string() }).optional(),
  context: z.looseObject({ from: z.string().optional(), id: z.string().optional() }).optional(),
  button: z.looseObject({ text: z.string().optional(), payload: z.string().optional() }).optional(),
  interactive: z
    .looseObject({
      type: z.string().optional(),
      button_reply: z.looseObject({ id: z.string().optional(), title: z.string().optional() }).optional(),
      list_reply: z.looseObject({ id: z.string().optional(), title: z.string().optional(), description: z.string().optional() }).optional(),
      nfm_reply: z.looseObject({ body: z.string().optional(), name: z.string().optional() }).optional(),
    })
    .optional(),
  image: media.optional(),
  video: media.optional(),
  audio: media.optional(),
  document: media.optional(),
  sticker: media.optional(),
  location: z
    .looseObject({ latitude: z.number().optional(), longitude: z.number().optional(), name: z.string().optional(), address: z.string().optional() })
    .optional(),
  contacts: z.array(z.looseObject({ name: z.looseObject({ formatted_name: z.string().optional() }).optional() })).optional(),
  reaction: z.looseObject({ message_id: z.string().optional(), emoji: z.string().optional() }).optional(),
  referral: z
    .looseObject({
      source_url: z.string().optional(),
      source_id: z.string().optional(),
      source_type: z.string().optional(),
      headline: z.string().optional(),
      body: z.string().optional(),
      ctwa_clid: z.string().optional(),
    })
    .optional(),
  errors: z.array(error).optional(),
});
export type WaMessage = z.infer<typeof waMessage>;

export const waStatus = z.looseObject({
  id: z.string({ error: "id (the wamid) is missing" }),
  status: z.string({ error: "status is missing" }),
  timestamp,
  recipient_id: z.string().optional(),
  conversation: z
    .looseObject({ id: z.string().optional(), origin: z.looseObject({ type: z.string().optional() }).optional() })
    .optional(),
  pricing: z
    .looseObject({ billable: z.boolean().optional(), pricing_model: z.string().optional(), category: z.string().optional() })
    .optional(),
  errors: z.array(error).optional(),
});
export type WaStatus = z.infer<typeof waStatus>;

export const waValue = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: z.looseObject({ display_phone_number: z.string().optional(), phone_number_id: z.string() }),
  contacts: z.array(z.looseObject({ wa_id: z.string().optional(), profile: z.looseObject({ name: z.string().optional() }).optional() })).optional(),
  // Each message and status is read on its own (map.ts), so one bad part never loses the others.
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(error).optional(),
});
export type WaValue = z.infer<typeof waValue>;

export const waWebhook = z.looseObject({
  object: z.literal("whatsapp_business_account", { error: 'object must be "whatsapp_business_account"' }),
  entry: z.array(
    z.looseObject({
      id: z.string().optional(),
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })),
    }),
  ),
});
