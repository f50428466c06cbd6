import { z } from "zod";
import { supportedDay, supportedMoment } from "@/clickhouse/vocabulary/dates";
import { attributeTypeSchema } from "../domain/attribute-types";
import { e164, EVENT_TYPES } from "../events/schema";

/** Inputs and outputs of the chat-profile procedures (server/routers/profile.ts). */

export const contactInput = z.object({ contact: e164 });

const storeTime = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,3})?$/;

export const journeyInput = z.object({
  contact: e164,
  types: z
    .array(z.enum(EVENT_TYPES, { error: `an event type is one of ${EVENT_TYPES.join(", ")}` }))
    .max(EVENT_TYPES.length)
    .default([]),
  /**
   * older: before the cursor; newer: after it. tRPC's infinite queries send
   * forward (the next page down a newest-first list: older) and backward.
   */
  direction: z
    .enum(["older", "newer", "forward", "backward"], { error: "direction is older or newer" })
    .default("older")
    .transform((d) => (d === "forward" ? "older" : d === "backward" ? "newer" : d)),
  cursor: z
    .object({
      ts: z.string().regex(storeTime, "cursor.ts is the ts of a journey event, like 2026-11-23 09:30:00.000"),
      eventId: z.string().max(128),
    })
    .optional(),
  /** Jump to a moment: a day (2026-10-01, through its end, UTC) or an exact ISO time. */
  at: supportedMoment.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/**
 * The journey's "Jump to": a day the journey's `at` takes (the supported
 * dates), or nothing to go back to the latest events.
 */
export const journeyJumpForm = z.object({ day: z.string().transform((day) => day || undefined).pipe(supportedDay.optional()) });

const cursor = z.object({ ts: z.string(), eventId: z.string() });

const actor = z.object({ kind: z.string(), id: z.string(), name: z.string() });

export const journeyEvent = z.object({
  eventId: z.string(),
  ts: z.string(),
  type: z.string(),
  actor,
  messageKind: z.string(),
  /** WhatsApp's id of the message; a status carries the id of the message it reports on ("" when none). */
  messageId: z.string(),
  campaignId: z.string(),
  campaignName: z.string(),
  text: z.string(),
  status: z.string(),
  error: z.object({ code: z.number(), title: z.string() }).nullable(),
  /** The tag's key, as stored; `tagLabel` is its catalogue name. */
  tag: z.string(),
  tagLabel: z.string(),
  tagKind: z.string(),
  tagOrigin: z.string(),
  attribute: z.string(),
  attributeLabel: z.string(),
  value: z.string(),
  source: z.string(),
  sourceDetail: z.string(),
  name: z.string(),
});

export const journeyOutput = z.object({
  /** Newest first, whichever direction was asked for. */
  events: z.array(journeyEvent),
  /** Whether there are more events further in the asked direction. */
  hasMore: z.boolean(),
  /** Where the next page down (older) starts; null at the first event. */
  olderCursor: cursor.nullable(),
  /** Where a page up (newer) starts, from the first page or a newer page; null when this page reaches the latest event. */
  newerCursor: cursor.nullable(),
});

const campaign = z.object({
  campaignId: z.string(),
  name: z.string(),
  template: z.string(),
  /** The furthest tick reached; ticks never go backwards. */
  tick: z.enum(["sent", "delivered", "read", "replied", "failed"]),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  readAt: z.string().nullable(),
  repliedAt: z.string().nullable(),
  failedAt: z.string().nullable(),
  error: z.object({ code: z.number(), title: z.string() }).nullable(),
});

const tag = z.object({ tag: z.string(), label: z.string(), kind: z.string(), origin: z.string(), addedBy: actor, addedAt: z.string() });

const attribute = z.object({
  /** The key, as events and imports name it. */
  name: z.string(),
  label: z.string(),
  archived: z.boolean(),
  type: z.string(),
  options: z.array(z.string()),
  /** False for a value set through the API for an attribute the workspace does not define. */
  defined: z.boolean(),
  value: z.string(),
  setBy: actor.nullable(),
  setAt: z.string().nullable(),
});

export const overviewOutput = z.object({
  contact: z.string(),
  name: z.string(),
  status: z.enum(["active", "requesting", "intervened", "closed"]),
  inHistory: z.boolean(),
  firstSeen: z.string(),
  lastActive: z.string().nullable(),
  lastMessage: z.string().nullable(),
  templateMessages: z.number(),
  sessionMessages: z.number(),
  unresolvedQueries: z.number(),
  source: z.string(),
  sourceDetail: z.string(),
  firstMessageTag: z.string(),
  /** Opted out of marketing now, and since when (null when not). */
  optedOut: z.boolean(),
  optedOutAt: z.string().nullable(),
  campaigns: z.array(campaign),
  tags: z.array(tag),
  attributes: z.array(attribute),
  eventCounts: z.record(z.string(), z.number()),
  /** Whether the caller's role may take the profile's actions (admins and marketers). */
  canAct: z.boolean(),
  role: z.string(),
});

export const addTagInput = z.object({
  contact: e164,
  tag: z.string().max(200, "a tag name has at most 60 characters"),
  /** Create the tag in the catalogue when it is not there yet. */
  create: z.boolean().default(false),
});

export const removeTagInput = z.object({ contact: e164, tag: z.string().max(200) });

export const setAttributeInput = z.object({
  contact: e164,
  attribute: z.string().trim().min(1, "pick an attribute").max(100),
  value: z.union([z.string().max(1000, "a value has at most 1000 characters"), z.number(), z.boolean(), z.null()]),
  /** Define the attribute on the spot when the workspace does not have it yet. */
  define: z.object({ type: attributeTypeSchema, options: z.array(z.string().max(100)).max(50).default([]) }).optional(),
});

export const tagOption = z.object({ tag: z.string(), label: z.string(), category: z.string() });
