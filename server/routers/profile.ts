import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import type { Store } from "@/clickhouse/client";
import { labelFromKey, listAttributeCatalogue, upsertAttributeDefinitions } from "@/clickhouse/queries/attributes";
import { contactAttributeValues } from "@/clickhouse/queries/contact-attribute-values";
import { contactCampaigns, type ContactCampaign } from "@/clickhouse/queries/contact-campaigns";
import { contactTags } from "@/clickhouse/queries/contact-tags";
import { getContactState } from "@/clickhouse/queries/contacts";
import { campaignNames, journeyPage, journeyTypeCounts, type JourneyRow } from "@/clickhouse/queries/journey";
import { memberName } from "@/clickhouse/queries/member-names";
import { displayName, listTagDefinitions, upsertTagDefinitions } from "@/clickhouse/queries/tags";
import { toClickHouseTime } from "@/clickhouse/time";
import { CAN_EDIT_AUDIENCE, roleAllows } from "../auth/roles";
import { broadcastTagLabel } from "@/clickhouse/vocabulary/broadcast-tag";
import { addDays, dayStart } from "@/clickhouse/vocabulary/dates";
import { checkAddTag, checkRemoveTag, checkSetAttribute, type Check } from "../domain/contact-actions";
import type { Actor, ChatEvent } from "../events/schema";
import { ingestEvents } from "../ingestion/pipeline";
import { withWorkspaceConfigLock } from "../workspace-lock";
import { router, workspaceProcedure, workspaceProcedureFor } from "../trpc/init";
import {
  addTagInput,
  contactInput,
  journeyInput,
  journeyOutput,
  overviewOutput,
  removeTagInput,
  setAttributeInput,
  tagOption,
} from "@/server/schemas/profile";

/**
 * The chat profile: one contact's basic parameters, campaigns, attributes,
 * tags and customer journey, all derived from the event log, and the actions
 * admins and marketers take on it. An action is written as an event through
 * the ingestion pipeline, so it shows in the journey and every report at once.
 */

async function requireContact(store: Store, workspaceId: string, contact: string) {
  const state = await getContactState(store, workspaceId, contact, new Date());
  if (!state) throw new TRPCError({ code: "NOT_FOUND", message: `There is no contact ${contact} in this workspace.` });
  return state;
}

function refuse<T>(check: Check<T>): T {
  if (!check.ok) throw new TRPCError({ code: "BAD_REQUEST", message: check.reason });
  return check.value;
}

/** The furthest tick a campaign message reached; a reply or a read outranks a late failure report. */
function tickOf(c: ContactCampaign) {
  if (c.repliedAt) return "replied" as const;
  if (c.readAt) return "read" as const;
  if (c.deliveredAt) return "delivered" as const;
  if (c.failedAt) return "failed" as const;
  return "sent" as const;
}

interface Labels {
  campaigns: Map<string, { name: string }>;
  tags: Map<string, string>;
  attributes: Map<string, string>;
}

function toJourneyEvent(r: JourneyRow, labels: Labels): z.infer<typeof journeyOutput>["events"][number] {
  return {
    eventId: r.event_id,
    ts: r.ts,
    type: r.type,
    actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name },
    messageKind: r.message_kind,
    messageId: r.wamid,
    campaignId: r.campaign_id,
    campaignName: labels.campaigns.get(r.campaign_id)?.name ?? "",
    text: r.text,
    status: r.status,
    error: r.status === "failed" ? { code: r.error_code, title: r.error_title } : null,
    tag: r.tag,
    tagLabel: r.tag ? (labels.tags.get(r.tag) ?? broadcastTagLabel(r.tag, (id) => labels.campaigns.get(id)?.name) ?? r.tag) : "",
    tagKind: r.tag_kind,
    tagOrigin: r.tag_origin,
    attribute: r.attribute,
    attributeLabel: r.attribute ? (labels.attributes.get(r.attribute) ?? r.attribute) : "",
    value: r.value,
    source: r.source,
    sourceDetail: r.source_detail,
    name: r.name,
  };
}

/**
 * Where a jump to `at` starts: a day (of the workspace's zone, as the journey's
 * day headings) reaches through its end, an exact time includes its own millisecond.
 */
function anchorOf(at: string, timeZone: string): string {
  const end = /^\d{4}-\d{2}-\d{2}$/.test(at) ? dayStart(addDays(at, 1), timeZone) : Date.parse(at) + 1;
  return toClickHouseTime(end);
}

async function memberActor(store: Store, workspaceId: string, userId: string, sessionName?: string | null): Promise<Actor> {
  // "member" is a person of the workspace in the event model; "user" is the WhatsApp user, the contact.
  const name = (await memberName(store, workspaceId, userId)) ?? sessionName ?? "";
  return { kind: "member", id: userId, name };
}

function actionEvent(contact: string, actor: Actor, fields: Record<string, unknown>): ChatEvent {
  return { event_id: `member:${randomUUID()}`, contact, ts: new Date().toISOString(), actor, ...fields } as ChatEvent;
}

export const profileRouter = router({
  overview: workspaceProcedure
    .input(contactInput)
    .output(overviewOutput)
    .query(async ({ ctx, input }) => {
      const ws = ctx.workspace.id;
      const state = await requireContact(ctx.store, ws, input.contact);
      // Independent reads over the contact's own range: the store's pool runs them side by side.
      const [campaigns, tags, values, attributeDefs, tagDefs, eventCounts] = await Promise.all([
        contactCampaigns(ctx.store, ws, input.contact),
        contactTags(ctx.store, ws, input.contact),
        contactAttributeValues(ctx.store, ws, input.contact),
        listAttributeCatalogue(ctx.store, ws),
        listTagDefinitions(ctx.store, ws),
        journeyTypeCounts(ctx.store, ws, input.contact),
      ]);
      const valueOf = new Map(values.map((v) => [v.attribute, v]));
      const tagLabel = new Map(tagDefs.map((t) => [t.tag, displayName(t)]));
      const catalogued = new Set(attributeDefs.map((d) => d.name));
      // Every active attribute; an archived one or one the workspace never defined only when this contact has a value.
      const attributes = [
        ...attributeDefs.map((d) => ({ name: d.name, label: d.label, type: d.type, options: d.options, archived: d.archived, defined: true })),
        ...values
          .filter((v) => !catalogued.has(v.attribute))
          .map((v) => ({ name: v.attribute, label: labelFromKey(v.attribute), type: "text", options: [], archived: false, defined: false })),
      ]
        .filter((d) => (d.defined && !d.archived) || valueOf.get(d.name)?.value)
        .map((d) => {
          const v = valueOf.get(d.name);
          return {
            ...d,
            value: v?.value ?? "",
            setBy: v ? { kind: v.setByKind, id: v.setById, name: v.setByName } : null,
            setAt: v?.setAt ?? null,
          };
        });
      return {
        ...state,
        campaigns: campaigns.map((c) => ({
          campaignId: c.campaignId,
          name: c.name,
          template: c.template,
          tick: tickOf(c),
          sentAt: c.sentAt ?? c.deliveredAt ?? c.failedAt,
          deliveredAt: c.deliveredAt,
          readAt: c.readAt,
          repliedAt: c.repliedAt,
          failedAt: c.failedAt,
          error: c.failedAt ? { code: c.errorCode, title: c.errorTitle } : null,
        })),
        tags: tags.map((t) => ({
          tag: t.tag,
          label: tagLabel.get(t.tag) ?? broadcastTagLabel(t.tag, (id) => campaigns.find((c) => c.campaignId === id)?.name) ?? t.tag,
          kind: t.kind,
          origin: t.origin,
          addedBy: { kind: t.addedByKind, id: t.addedById, name: t.addedByName },
          addedAt: t.addedAt,
        })),
        attributes,
        eventCounts,
        canAct: roleAllows(ctx.workspace.role, CAN_EDIT_AUDIENCE),
        role: ctx.workspace.role,
      };
    }),

  /** One page of the customer journey, keyset-paged on (ts, event_id); never an offset. */
  journey: workspaceProcedure
    .input(journeyInput)
    .output(journeyOutput)
    .query(async ({ ctx, input }) => {
      const ws = ctx.workspace.id;
      const anchor = !input.cursor && input.at ? { ts: anchorOf(input.at, ctx.workspace.timeZone), eventId: "" } : undefined;
      const query = { contact: input.contact, types: input.types, limit: input.limit };
      const [rows, newerThanAnchor] = await Promise.all([
        journeyPage(ctx.store, ws, { ...query, direction: input.direction, cursor: input.cursor ?? anchor }),
        // After a jump, say whether anything happened after that moment, so the page can offer "newer".
        anchor ? journeyPage(ctx.store, ws, { ...query, direction: "newer", cursor: anchor, limit: 1 }) : Promise.resolve([]),
      ]);
      const hasMore = rows.length > input.limit;
      const page = rows.slice(0, input.limit);
      const older = input.direction === "older";
      if (!older) page.reverse();
      const [campaigns, tagDefs, attributeDefs] = await Promise.all([
        campaignNames(ctx.store, ws, [...new Set(page.map((r) => r.campaign_id).filter(Boolean))]),
        listTagDefinitions(ctx.store, ws),
        listAttributeCatalogue(ctx.store, ws),
      ]);
      const labels: Labels = {
        campaigns,
        tags: new Map(tagDefs.map((t) => [t.tag, displayName(t)])),
        attributes: new Map(attributeDefs.map((a) => [a.name, a.label])),
      };
      const cursorAt = (r: JourneyRow | undefined) => (r ? { ts: r.ts, eventId: r.event_id } : null);
      const newest = cursorAt(page[0]);
      const oldest = cursorAt(page.at(-1));
      let newerCursor: typeof newest;
      if (!older) newerCursor = hasMore ? newest : null; // paging up: more above only if this page was full
      else if (input.cursor) newerCursor = newest; // a page further down: the events above it exist
      else if (anchor) newerCursor = newerThanAnchor.length > 0 ? (newest ?? anchor) : null; // after a jump
      else newerCursor = null; // the latest page
      return {
        events: page.map((r) => toJourneyEvent(r, labels)),
        hasMore,
        olderCursor: older && !hasMore ? null : oldest,
        newerCursor,
      };
    }),

  /** The tags a member may add from the catalogue (archived ones left out). */
  tagOptions: workspaceProcedure.output(tagOption.array()).query(async ({ ctx }) => {
    const tags = await listTagDefinitions(ctx.store, ctx.workspace.id);
    return tags.filter((t) => !t.archived).map((t) => ({ tag: t.tag, label: displayName(t), category: t.category }));
  }),

  addTag: workspaceProcedureFor(CAN_EDIT_AUDIENCE)
    .input(addTagInput)
    .mutation(async ({ ctx, input }) => {
      const ws = ctx.workspace.id;
      await requireContact(ctx.store, ws, input.contact);
      const current = await contactTags(ctx.store, ws, input.contact);
      // A tag created on the spot goes through the catalogue's queue, so two people cannot create one name twice.
      const { tag, label, create } = await withWorkspaceConfigLock(ws, "tags", async () => {
        const catalogue = await listTagDefinitions(ctx.store, ws);
        const checked = refuse(checkAddTag(input.tag, { catalogue, current, createIfMissing: input.create }));
        if (checked.create) await upsertTagDefinitions(ctx.store, ws, [{ tag: checked.tag, createdBy: ctx.userId }]);
        return checked;
      });
      const actor = await memberActor(ctx.store, ws, ctx.userId, ctx.session?.user?.name);
      await ingestEvents(ctx.store, ws, [actionEvent(input.contact, actor, { type: "tag.added", tag, kind: "manual", origin: "manual" })]);
      return { tag, label, created: create };
    }),

  removeTag: workspaceProcedureFor(CAN_EDIT_AUDIENCE)
    .input(removeTagInput)
    .mutation(async ({ ctx, input }) => {
      const ws = ctx.workspace.id;
      await requireContact(ctx.store, ws, input.contact);
      const [current, catalogue] = await Promise.all([contactTags(ctx.store, ws, input.contact), listTagDefinitions(ctx.store, ws)]);
      const { tag } = refuse(checkRemoveTag(input.tag, current, catalogue));
      const actor = await memberActor(ctx.store, ws, ctx.userId, ctx.session?.user?.name);
      await ingestEvents(ctx.store, ws, [actionEvent(input.contact, actor, { type: "tag.removed", tag, kind: "manual", origin: "manual" })]);
      return { tag };
    }),

  setAttribute: workspaceProcedureFor(CAN_EDIT_AUDIENCE)
    .input(setAttributeInput)
    .mutation(async ({ ctx, input }) => {
      const ws = ctx.workspace.id;
      await requireContact(ctx.store, ws, input.contact);
      // Defining an attribute on the spot shares Manage's queue, so two people cannot both take the 20th place.
      const checked = await withWorkspaceConfigLock(ws, "attributes", async () => {
        const result = refuse(checkSetAttribute(input, await listAttributeCatalogue(ctx.store, ws)));
        if (result.define) await upsertAttributeDefinitions(ctx.store, ws, [{ ...result.define, createdBy: ctx.userId }]);
        return result;
      });
      const actor = await memberActor(ctx.store, ws, ctx.userId, ctx.session?.user?.name);
      // An empty value clears the attribute: stored as null, like the Event API's `"value": null`.
      const value = checked.value === "" ? null : checked.value;
      await ingestEvents(ctx.store, ws, [actionEvent(input.contact, actor, { type: "attribute.set", attribute: checked.attribute, value })]);
      return { attribute: checked.attribute, value: checked.value, defined: checked.define !== null };
    }),
});
