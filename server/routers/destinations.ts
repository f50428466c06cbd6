import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Store } from "@/clickhouse/client";
import { dropAllGenerations } from "@/clickhouse/queries/destination-diff";
import { getDestination, listDeliveries, listDestinations, writeDestination, type Destination } from "@/clickhouse/queries/destinations";
import { getSavedSegment } from "@/clickhouse/queries/segments/saved";
import { CAN_EDIT_AUDIENCE, roleAllows } from "../auth/roles";
import { nextScheduled } from "../sync/backoff";
import { isSyncRunning, runSync } from "../sync/run-sync";
import { newSecret } from "../sync/signature";
import { destinationCreateInput, destinationId, destinationSegmentId, destinationUpdateInput } from "../schemas/destinations";
import { router, workspaceProcedure, workspaceProcedureFor } from "../trpc/init";

/**
 * Destinations of a saved segment: where its joins and leaves are sent
 * (server/sync/). Admins and marketers connect, change, sync, resume and
 * remove them; every other member reads them and their log, with the
 * address cut to its origin (a path may hold the receiver's token).
 */

const segmentId = destinationSegmentId;

const NOT_FOUND = "This destination does not exist, or was removed.";

async function mustGet(store: Store, workspaceId: string, id: string): Promise<Destination> {
  const d = await getDestination(store, workspaceId, id);
  if (!d) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND });
  return d;
}

/** The address as a member may see it: whole for those who manage it, else its origin. */
function shownUrl(raw: string, canManage: boolean): string {
  if (canManage) return raw;
  try {
    return `${new URL(raw).origin}/…`;
  } catch {
    return "";
  }
}

export const destinationsRouter = router({
  /** A segment's destinations with their latest deliveries. */
  list: workspaceProcedure.input(z.object({ segmentId })).query(async ({ ctx, input }) => {
    const ws = ctx.workspace.id;
    const canManage = roleAllows(ctx.workspace.role, CAN_EDIT_AUDIENCE);
    const destinations = await listDestinations(ctx.store, ws, input.segmentId);
    const deliveries = await Promise.all(destinations.map((d) => listDeliveries(ctx.store, ws, d.destinationId, 20)));
    return {
      canManage,
      destinations: destinations.map((d, i) => ({
        destinationId: d.destinationId,
        name: d.name,
        url: shownUrl(d.url, canManage),
        schedule: d.schedule,
        state: d.state,
        pausedReason: d.pausedReason,
        failedAttempts: d.failedAttempts,
        lastSyncedAt: d.lastSyncedAt,
        nextSyncAt: d.nextSyncAt,
        syncing: isSyncRunning(d.destinationId),
        createdAt: d.createdAt,
        deliveries: deliveries[i],
      })),
    };
  }),

  /** Connects a destination; the answer holds its secret, which is never shown again. */
  create: workspaceProcedureFor(CAN_EDIT_AUDIENCE)
    .input(destinationCreateInput)
    .mutation(async ({ ctx, input }) => {
      const ws = ctx.workspace.id;
      const segment = await getSavedSegment(ctx.store, ws, input.segmentId);
      if (!segment) throw new TRPCError({ code: "NOT_FOUND", message: "This segment does not exist, or was deleted." });
      const now = Date.now();
      const destination: Destination = {
        workspaceId: ws,
        destinationId: randomUUID(),
        segmentId: segment.segmentId,
        name: input.name,
        url: input.url,
        secret: newSecret(),
        schedule: input.schedule,
        state: "active",
        pausedReason: "",
        failedAttempts: 0,
        syncedGeneration: 0,
        pendingGeneration: 0,
        pendingSyncId: "",
        cursorAction: "join",
        cursorAfter: "",
        // A scheduled destination gets its first (whole) sync at the next tick.
        nextSyncAt: input.schedule === "manual" ? null : now,
        lastSyncedAt: null,
        createdBy: ctx.userId,
        createdAt: now,
      };
      await writeDestination(ctx.store, destination);
      return { destinationId: destination.destinationId, secret: destination.secret };
    }),

  /** Renames a destination or changes its schedule. */
  update: workspaceProcedureFor(CAN_EDIT_AUDIENCE)
    .input(destinationUpdateInput)
    .mutation(async ({ ctx, input }) => {
      const d = await mustGet(ctx.store, ctx.workspace.id, input.destinationId);
      // A pending retry keeps its time; otherwise the new schedule counts from the last sync.
      const retrying = d.state === "paused" || (d.pendingGeneration > 0 && d.failedAttempts > 0);
      const nextSyncAt = retrying ? d.nextSyncAt : d.lastSyncedAt === null && input.schedule !== "manual" ? Date.now() : nextScheduled(input.schedule, d.lastSyncedAt ?? 0);
      await writeDestination(ctx.store, { ...d, name: input.name, schedule: input.schedule, nextSyncAt });
      return { destinationId: d.destinationId };
    }),

  remove: workspaceProcedureFor(CAN_EDIT_AUDIENCE)
    .input(z.object({ destinationId }))
    .mutation(async ({ ctx, input }) => {
      const d = await mustGet(ctx.store, ctx.workspace.id, input.destinationId);
      await writeDestination(ctx.store, d, true);
      await dropAllGenerations(ctx.store, ctx.workspace.id, d.destinationId);
      return { destinationId: d.destinationId };
    }),

  /** Runs the sync now (or its pending retry) and answers with its log row. */
  syncNow: workspaceProcedureFor(CAN_EDIT_AUDIENCE)
    .input(z.object({ destinationId }))
    .mutation(async ({ ctx, input }) => {
      const d = await mustGet(ctx.store, ctx.workspace.id, input.destinationId);
      if (d.state === "paused") throw new TRPCError({ code: "PRECONDITION_FAILED", message: `This destination is paused (${d.pausedReason}); resume it first.` });
      const delivery = await runSync(ctx.store, d, { now: Date.now(), trigger: "manual" });
      if (!delivery) throw new TRPCError({ code: "CONFLICT", message: "A sync of this destination is running; its row appears in the log when it ends." });
      return delivery;
    }),

  /** Takes a paused destination up again: its sync is tried at the next tick. */
  resume: workspaceProcedureFor(CAN_EDIT_AUDIENCE)
    .input(z.object({ destinationId }))
    .mutation(async ({ ctx, input }) => {
      const d = await mustGet(ctx.store, ctx.workspace.id, input.destinationId);
      if (d.state !== "paused") return { destinationId: d.destinationId };
      await writeDestination(ctx.store, { ...d, state: "active", pausedReason: "", failedAttempts: 0, nextSyncAt: Date.now() });
      return { destinationId: d.destinationId };
    }),
});
