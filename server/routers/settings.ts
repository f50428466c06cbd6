import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { findWorkspaceByPhoneNumberId } from "@/clickhouse/queries/api-key-auth";
import { getWorkspacePrices, PRICED_CATEGORIES, setWorkspacePrices } from "@/clickhouse/queries/campaign-cost";
import { recentWebhookRejections } from "@/clickhouse/queries/webhook-rejections";
import { getWorkspace, updateWorkspace } from "@/clickhouse/queries/workspaces";
import { requireAvailableZone } from "./available-zone";
import { CAN_ADMINISTER } from "../auth/roles";
import { pricesInput, timeZoneInput, workspaceSettingsInput } from "../schemas/settings";
import { router, workspaceProcedure, workspaceProcedureFor } from "../trpc/init";

const settings = z.object({ workspaceId: z.string(), name: z.string(), phoneNumberId: z.string(), timeZone: z.string() });

const pricesOutput = pricesInput.extend({ updatedAt: z.string().nullable() });

const webhookRejection = z.object({ receivedAt: z.string(), part: z.string(), reason: z.string(), payload: z.string() });

const noSuchWorkspace = () => new TRPCError({ code: "NOT_FOUND", message: "No such workspace." });

/** Workspace settings: its name, time zone and the WhatsApp phone number id its webhook deliveries carry; the campaign prices. */
export const settingsRouter = router({
  get: workspaceProcedure.output(settings).query(async ({ ctx }) => {
    const ws = await getWorkspace(ctx.store, ctx.workspace.id);
    if (!ws) throw noSuchWorkspace();
    return { workspaceId: ws.workspace_id, name: ws.name, phoneNumberId: ws.phone_number_id, timeZone: ws.time_zone };
  }),

  /**
   * The workspace's time zone: every report's days and hours, and every time
   * a page shows, are in it. Admins set it, as they set the other settings.
   */
  setTimeZone: workspaceProcedureFor(CAN_ADMINISTER)
    .input(timeZoneInput)
    .output(settings)
    .mutation(async ({ ctx, input }) => {
      await requireAvailableZone(ctx.store, input.timeZone);
      if (!(await updateWorkspace(ctx.store, ctx.workspace.id, { timeZone: input.timeZone }))) throw noSuchWorkspace();
      const ws = await getWorkspace(ctx.store, ctx.workspace.id);
      if (!ws) throw noSuchWorkspace();
      return { workspaceId: ws.workspace_id, name: ws.name, phoneNumberId: ws.phone_number_id, timeZone: ws.time_zone };
    }),

  update: workspaceProcedureFor(CAN_ADMINISTER)
    .input(workspaceSettingsInput)
    .output(settings)
    .mutation(async ({ ctx, input }) => {
      if (input.phoneNumberId) {
        const owner = await findWorkspaceByPhoneNumberId(ctx.store, input.phoneNumberId);
        if (owner && owner !== ctx.workspace.id) {
          throw new TRPCError({ code: "CONFLICT", message: "Another workspace already uses this phone number id." });
        }
      }
      // The time zone (Manage → General) is kept as it is.
      if (!(await updateWorkspace(ctx.store, ctx.workspace.id, { name: input.name, phoneNumberId: input.phoneNumberId }))) throw noSuchWorkspace();
      return { workspaceId: ctx.workspace.id, name: input.name, phoneNumberId: input.phoneNumberId, timeZone: ctx.workspace.timeZone };
    }),

  /** The latest parts of webhook deliveries ChatLens could not store, with why; every member may look, as at the settings. */
  webhookRejections: workspaceProcedure.output(z.array(webhookRejection)).query(({ ctx }) => recentWebhookRejections(ctx.store, ctx.workspace.id)),

  /** The price per message of each WhatsApp pricing category; every member sees them (the campaign page shows costs). */
  prices: workspaceProcedure.output(pricesOutput).query(async ({ ctx }) => {
    const saved = await getWorkspacePrices(ctx.store, ctx.workspace.id);
    const none = Object.fromEntries(PRICED_CATEGORIES.map((c) => [c, null])) as Record<(typeof PRICED_CATEGORIES)[number], null>;
    return saved
      ? { currency: saved.currency, prices: saved.prices, updatedAt: saved.updatedAt }
      : { currency: "USD", prices: none, updatedAt: null };
  }),

  /** Admins set the prices, as they set the rest of the workspace's settings. */
  setPrices: workspaceProcedureFor(CAN_ADMINISTER)
    .input(pricesInput)
    .output(pricesOutput)
    .mutation(async ({ ctx, input }) => {
      await setWorkspacePrices(ctx.store, ctx.workspace.id, { ...input, updatedBy: ctx.userId });
      const saved = await getWorkspacePrices(ctx.store, ctx.workspace.id);
      return { currency: input.currency, prices: input.prices, updatedAt: saved?.updatedAt ?? null };
    }),
});
