import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { conversionVocabulary } from "@/clickhouse/queries/conversions";
import type { Store } from "@/clickhouse/client";
import { countSegment, PREVIEW_SORTS, previewSegment, type PreviewSort, type SegmentCount } from "@/clickhouse/queries/segments/audience";
import { contactFacts } from "@/clickhouse/queries/segments/contact-facts";
import { compileSegment, type SegmentClock } from "@/clickhouse/queries/segments/compile";
import { addDays, zoneDay, zoneMinute } from "@/clickhouse/vocabulary/dates";
import { segmentSizeHistory, sizeBaselines } from "@/clickhouse/queries/segment-sizes";
import {
  addSegmentMembers,
  freezeSegmentMembers,
  getSavedSegment,
  listSavedSegments,
  segmentHistory,
  writeSavedSegment,
  type SavedSegment,
} from "@/clickhouse/queries/segments/saved";
import { memberNames, segmentVocabulary } from "@/clickhouse/queries/segments/vocabulary";
import { CAN_EDIT_AUDIENCE } from "../auth/roles";
import { toE164 } from "../domain/phone";
import { e164 } from "../events/schema";
import { campaignNames } from "@/clickhouse/queries/journey";
import { countKnownContacts } from "@/clickhouse/queries/contact-names";
import { listAttributeCatalogue } from "@/clickhouse/queries/attributes";
import { displayName, listTagDefinitions } from "@/clickhouse/queries/tags";
import { conditionsWithPaths, type FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { explainTree } from "../segments/explain";
import { recordFirstSize } from "../sync/daily-sizes";
import { logInternalError } from "../internal-error";
import { loadSegmentContext, parseSavedFilter, parseTree, summariseChange, type LoadedContext } from "../segments/workspace";
import { segmentDescription, segmentIdSchema, segmentName, segmentRenameInput, segmentSaveInput, segmentUploadInput } from "../schemas/segments";
import { router, workspaceProcedure, workspaceProcedureFor } from "../trpc/init";

/**
 * Segments: the live count and preview of a filter tree, "why is this contact
 * here", and saved segments with their history. Every tree is validated
 * against the workspace before it reaches SQL (a bad one is a BAD_REQUEST
 * naming the condition).
 */

const treeInput = z.object({ tree: z.unknown() });
const segmentId = segmentIdSchema;
const name = segmentName;
const description = segmentDescription;
const sortKeys = Object.keys(PREVIEW_SORTS) as [PreviewSort, ...PreviewSort[]];

/** Names are compared as people read them: trimmed, any case. */
const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** Refuses a name another saved segment of the workspace already has. */
async function assertNameFree(store: Store, workspaceId: string, name: string, segmentIdValue?: string) {
  const taken = (await listSavedSegments(store, workspaceId)).some((s) => s.segmentId !== segmentIdValue && sameName(s.name, name));
  if (taken) throw new TRPCError({ code: "BAD_REQUEST", message: `name: a segment named “${name.trim()}” already exists; pick another name` });
}

/** `base`, or `base (2)`, `base (3)`… whichever no saved segment of the workspace has. */
async function freeName(store: Store, workspaceId: string, base: string): Promise<string> {
  const names = (await listSavedSegments(store, workspaceId)).map((s) => s.name);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const candidate = `${base.slice(0, 120 - suffix.length)}${suffix}`;
    if (!names.some((taken) => sameName(taken, candidate))) return candidate;
  }
}

/** The campaigns a tree's rules name. */
const campaignsOf = (tree: FilterTree) => [...conditionsWithPaths(tree)].flatMap(([c]) => (c.kind === "campaign" || c.kind === "converted" ? c.campaigns : []));

export const segmentsRouter = router({
  /** Pickers of the builder: attributes with types, tags, sources, campaigns; the zone its date rules count days in. */
  options: workspaceProcedure.query(async ({ ctx }) => {
    const [segmentContext, vocabulary, conversions] = await Promise.all([
      loadSegmentContext(ctx.store, ctx.workspace.id),
      segmentVocabulary(ctx.store, ctx.workspace.id),
      conversionVocabulary(ctx.store, ctx.workspace.id),
    ]);
    return {
      attributes: segmentContext.attributes,
      ...vocabulary,
      ...conversions,
      staticSegments: [...segmentContext.staticSegments].map(([segmentId, name]) => ({ segmentId, name })),
      timeZone: ctx.workspace.timeZone,
    };
  }),

  count: workspaceProcedure.input(treeInput).query(async ({ ctx, input }) => {
    const { tree, attributeTypes } = await parseTree(ctx.store, ctx.workspace.id, input.tree);
    return countSegment(ctx.store, ctx.workspace.id, tree, { now: new Date(), timeZone: ctx.workspace.timeZone }, attributeTypes);
  }),

  preview: workspaceProcedure
    .input(
      treeInput.extend({
        sort: z.enum(sortKeys).default("lastActive"),
        direction: z.enum(["asc", "desc"]).default("desc"),
        page: z.number().int().min(0).max(10_000).default(0),
        pageSize: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { tree, attributeTypes } = await parseTree(ctx.store, ctx.workspace.id, input.tree);
      const rows = await previewSegment(ctx.store, ctx.workspace.id, tree, { now: new Date(), timeZone: ctx.workspace.timeZone }, {
        sort: input.sort,
        direction: input.direction,
        limit: input.pageSize,
        offset: input.page * input.pageSize,
        attributeTypes,
      });
      return { rows, page: input.page, pageSize: input.pageSize };
    }),

  /** Every condition of the tree, met or not by one contact, with the contact's values. */
  explain: workspaceProcedure.input(treeInput.extend({ contact: e164 })).query(async ({ ctx, input }) => {
    const { tree, attributeTypes, staticSegments } = await parseTree(ctx.store, ctx.workspace.id, input.tree);
    const now = new Date();
    const facts = await contactFacts(ctx.store, ctx.workspace.id, input.contact, now);
    if (!facts) throw new TRPCError({ code: "NOT_FOUND", message: "No such contact in this workspace." });
    const [campaigns, tags, attributes] = await Promise.all([
      campaignNames(ctx.store, ctx.workspace.id, [...facts.campaigns.keys(), ...campaignsOf(tree)]),
      listTagDefinitions(ctx.store, ctx.workspace.id),
      listAttributeCatalogue(ctx.store, ctx.workspace.id),
    ]);
    return explainTree(tree, facts, { now: now.getTime(), timeZone: ctx.workspace.timeZone, attributeTypes }, {
      campaigns: new Map([...campaigns].map(([id, c]) => [id, c.name])),
      tags: new Map(tags.map((t) => [t.tag, displayName(t)])),
      attributes: new Map(attributes.map((a) => [a.name, a.label])),
      staticSegments,
    });
  }),

  /**
   * Saved segments and who changed each last, at once: their sizes are counted
   * one by one (size), so the list does not wait for every count (five saved
   * segments took 200 ms at 1M contacts, thirty would take seconds).
   */
  list: workspaceProcedure.query(async ({ ctx }) => {
    const [saved, names] = await Promise.all([listSavedSegments(ctx.store, ctx.workspace.id), memberNames(ctx.store, ctx.workspace.id)]);
    return saved.map((s) => ({
      segmentId: s.segmentId,
      name: s.name,
      description: s.description,
      kind: s.kind,
      updatedAt: s.updatedAt,
      updatedBy: names.get(s.updatedBy) ?? s.updatedBy,
    }));
  }),

  /** A saved segment's size now (or why it has none) and its change over the last 7 days, for its row of the list. */
  size: workspaceProcedure.input(z.object({ segmentId })).query(async ({ ctx, input }) => {
    const ws = ctx.workspace.id;
    const clock = { now: new Date(), timeZone: ctx.workspace.timeZone };
    const today = zoneDay(clock.now, clock.timeZone);
    const [saved, segmentContext, baselines] = await Promise.all([
      getSavedSegment(ctx.store, ws, input.segmentId),
      loadSegmentContext(ctx.store, ws),
      sizeBaselines(ctx.store, ws, addDays(today, -7), today),
    ]);
    if (!saved) throw new TRPCError({ code: "NOT_FOUND", message: "This segment does not exist (it may have been deleted)." });
    const { size, problem } = await savedSegmentSize(ctx.store, ws, saved, segmentContext, clock);
    return { size, problem, sizeChange: sizeChange(size, baselines.get(saved.segmentId), today) };
  }),

  /** The sizes the daily job recorded, one per day of the workspace's zone, over the last `days` days. */
  sizeHistory: workspaceProcedure
    .input(z.object({ segmentId, days: z.number().int().min(7).max(730).default(90) }))
    .query(async ({ ctx, input }) => {
      const today = zoneDay(new Date(), ctx.workspace.timeZone);
      const points = await segmentSizeHistory(ctx.store, ctx.workspace.id, input.segmentId, addDays(today, -(input.days - 1)));
      return { timeZone: ctx.workspace.timeZone, from: addDays(today, -(input.days - 1)), to: today, points };
    }),

  get: workspaceProcedure.input(z.object({ segmentId })).query(async ({ ctx, input }) => {
    const ws = ctx.workspace.id;
    const [segment, history, names] = await Promise.all([
      getSavedSegment(ctx.store, ws, input.segmentId),
      segmentHistory(ctx.store, ws, input.segmentId),
      memberNames(ctx.store, ws),
    ]);
    if (!segment) throw new TRPCError({ code: "NOT_FOUND", message: "This segment does not exist, or was deleted." });
    return {
      segmentId: segment.segmentId,
      name: segment.name,
      description: segment.description,
      kind: segment.kind,
      tree: JSON.parse(segment.filter) as unknown,
      createdBy: names.get(segment.createdBy) ?? segment.createdBy,
      createdAt: segment.createdAt,
      updatedBy: names.get(segment.updatedBy) ?? segment.updatedBy,
      updatedAt: segment.updatedAt,
      history: history.map((h) => ({ ...h, changedBy: names.get(h.changedBy) ?? h.changedBy })),
    };
  }),

  /** Creates a segment, or saves a new version of one (its filter, name and description). */
  save: workspaceProcedureFor(CAN_EDIT_AUDIENCE)
    .input(segmentSaveInput)
    .mutation(async ({ ctx, input }) => {
      const ws = ctx.workspace.id;
      const { tree } = await parseTree(ctx.store, ws, input.tree);
      const filter = JSON.stringify(tree);
      await assertNameFree(ctx.store, ws, input.name, input.segmentId);
      if (!input.segmentId) {
        const created = await writeSavedSegment(
          ctx.store,
          ws,
          { segmentId: randomUUID(), name: input.name, description: input.description, kind: "dynamic", filter, createdBy: ctx.userId, updatedBy: ctx.userId },
          { action: "created", summary: `Created “${input.name}”`, by: ctx.userId },
        );
        await recordFirstSize(ctx.store, ws, created, ctx.workspace.timeZone, Date.now());
        return { segmentId: created.segmentId };
      }
      const current = await getSavedSegment(ctx.store, ws, input.segmentId);
      if (!current) throw new TRPCError({ code: "NOT_FOUND", message: "This segment does not exist, or was deleted." });
      const change = summariseChange(current, { name: input.name, description: input.description, filter });
      if (!change) return { segmentId: current.segmentId };
      await writeSavedSegment(ctx.store, ws, { ...current, name: input.name, description: input.description, filter }, { ...change, by: ctx.userId });
      return { segmentId: current.segmentId };
    }),

  rename: workspaceProcedureFor(CAN_EDIT_AUDIENCE)
    .input(segmentRenameInput)
    .mutation(async ({ ctx, input }) => {
      const current = await getSavedSegment(ctx.store, ctx.workspace.id, input.segmentId);
      if (!current) throw new TRPCError({ code: "NOT_FOUND", message: "This segment does not exist, or was deleted." });
      await assertNameFree(ctx.store, ctx.workspace.id, input.name, current.segmentId);
      const next = { name: input.name, description: input.description ?? current.description, filter: current.filter };
      const change = summariseChange(current, next);
      if (change) await writeSavedSegment(ctx.store, ctx.workspace.id, { ...current, ...next }, { ...change, by: ctx.userId });
      return { segmentId: current.segmentId };
    }),

  duplicate: workspaceProcedureFor(CAN_EDIT_AUDIENCE).input(z.object({ segmentId })).mutation(async ({ ctx, input }) => {
    const ws = ctx.workspace.id;
    const current = await getSavedSegment(ctx.store, ws, input.segmentId);
    if (!current) throw new TRPCError({ code: "NOT_FOUND", message: "This segment does not exist, or was deleted." });
    const copy = await writeSavedSegment(
      ctx.store,
      ws,
      { ...current, segmentId: randomUUID(), name: await freeName(ctx.store, ws, `${current.name} (copy)`), createdBy: ctx.userId, createdAt: undefined, updatedBy: ctx.userId },
      { action: "duplicated", summary: `Duplicated from “${current.name}”`, by: ctx.userId },
    );
    return { segmentId: copy.segmentId };
  }),

  delete: workspaceProcedureFor(CAN_EDIT_AUDIENCE).input(z.object({ segmentId })).mutation(async ({ ctx, input }) => {
    const current = await getSavedSegment(ctx.store, ctx.workspace.id, input.segmentId);
    if (!current) throw new TRPCError({ code: "NOT_FOUND", message: "This segment does not exist, or was deleted." });
    await writeSavedSegment(ctx.store, ctx.workspace.id, current, { action: "deleted", summary: `Deleted “${current.name}”`, by: ctx.userId });
    return { segmentId: current.segmentId };
  }),

  /** A static copy of a saved segment: its contacts now, as a fixed list. */
  freeze: workspaceProcedureFor(CAN_EDIT_AUDIENCE).input(z.object({ segmentId })).mutation(async ({ ctx, input }) => {
    const ws = ctx.workspace.id;
    const current = await getSavedSegment(ctx.store, ws, input.segmentId);
    if (!current) throw new TRPCError({ code: "NOT_FOUND", message: "This segment does not exist, or was deleted." });
    const { tree, attributeTypes } = await parseTree(ctx.store, ws, JSON.parse(current.filter));
    const now = new Date();
    const zone = ctx.workspace.timeZone;
    const compiled = compileSegment(tree, { now, timeZone: zone }, attributeTypes);
    const frozenId = randomUUID();
    await freezeSegmentMembers(ctx.store, ws, frozenId, compiled);
    const name = await freeName(ctx.store, ws, `${current.name} (frozen ${zoneDay(now, zone)})`);
    await writeStatic(ctx, frozenId, name, `The contacts of “${current.name}” on ${zoneMinute(now, zone)} ${zone}`, `Froze “${current.name}”`);
    return { segmentId: frozenId };
  }),

  /** A static segment from a list of phone numbers; unreadable ones are reported, the rest kept. */
  upload: workspaceProcedureFor(CAN_EDIT_AUDIENCE)
    .input(segmentUploadInput)
    .mutation(async ({ ctx, input }) => {
      const contacts = new Set<string>();
      const rejected: string[] = [];
      for (const raw of input.phones) {
        if (!raw.trim()) continue;
        const phone = toE164(raw, input.country as never);
        if (phone) contacts.add(phone);
        else rejected.push(raw);
      }
      if (contacts.size === 0) throw new TRPCError({ code: "BAD_REQUEST", message: `None of the ${input.phones.length} lines is a phone number with its country code.` });
      await assertNameFree(ctx.store, ctx.workspace.id, input.name);
      const segmentIdValue = randomUUID();
      const [known] = await Promise.all([
        countKnownContacts(ctx.store, ctx.workspace.id, [...contacts]),
        addSegmentMembers(ctx.store, ctx.workspace.id, segmentIdValue, [...contacts]),
      ]);
      await writeStatic(ctx, segmentIdValue, input.name, input.description, `Uploaded ${contacts.size} phone numbers`);
      return {
        segmentId: segmentIdValue,
        added: contacts.size,
        // Kept on the list (they may write later), but not in the audience today.
        notContacts: contacts.size - known,
        rejected: rejected.slice(0, 100),
        rejectedCount: rejected.length,
      };
    }),
});

/**
 * A saved segment's size for the list, or why it has none. One segment must
 * never take the list down: one whose attribute was removed since, or stored
 * by an older version with what is refused today, says why; one whose count
 * fails in the store gives a request id (the details go to the log).
 */
async function savedSegmentSize(
  store: Store,
  workspaceId: string,
  segment: SavedSegment,
  segmentContext: LoadedContext,
  clock: SegmentClock,
): Promise<{ size: SegmentCount | null; problem: string | null }> {
  const parsed = parseSavedFilter(segment.filter, segmentContext);
  if (!parsed.ok) return { size: null, problem: parsed.message };
  try {
    return { size: await countSegment(store, workspaceId, parsed.tree, clock, segmentContext.attributeTypes), problem: null };
  } catch (err) {
    const requestId = logInternalError(`segments.list (segment ${segment.segmentId})`, err);
    return { size: null, problem: `its size could not be read; quote request id ${requestId} when you report it` };
  }
}

/**
 * The list's "+1,204 in 7 days": the size now against the earliest size
 * recorded in the 7 days before today, and how many days back that is; null
 * (shown as "—") while the segment has no recorded size in that week.
 */
function sizeChange(size: SegmentCount | null, baseline: { day: string; size: number } | undefined, today: string): { change: number; days: number } | null {
  if (!size || !baseline) return null;
  const days = Math.round((Date.parse(today) - Date.parse(baseline.day)) / 86_400_000);
  return { change: size.matching - baseline.size, days };
}

/** Writes a static segment whose filter is its own list. */
async function writeStatic(
  ctx: { store: Store; workspace: { id: string }; userId: string },
  segmentIdValue: string,
  segmentName: string,
  segmentDescription: string,
  summary: string,
) {
  const filter = JSON.stringify({ kind: "group", join: "and", children: [{ kind: "staticList", segmentId: segmentIdValue }] });
  await writeSavedSegment(
    ctx.store,
    ctx.workspace.id,
    { segmentId: segmentIdValue, name: segmentName, description: segmentDescription, kind: "static", filter, createdBy: ctx.userId, updatedBy: ctx.userId },
    { action: "created", summary, by: ctx.userId },
  );
}
