import { z } from "zod";
import { timeZoneSchema } from "@/clickhouse/vocabulary/time-zones";

/** Manage → WhatsApp, General and Prices: what the settings procedures take (server/routers/settings.ts; their forms too). */

export const workspaceSettingsInput = z.object({
  name: z.string().trim().min(1, "the workspace needs a name").max(100, "a workspace name has at most 100 characters"),
  phoneNumberId: z
    .string()
    .trim()
    .regex(/^\d{0,30}$/, "use digits only: the phone number id is the number Meta shows in WhatsApp Manager, not the phone number"),
});

export const timeZoneInput = z.object({ timeZone: timeZoneSchema });

/**
 * A price per message: at most six decimals (Meta's rate cards use four), and
 * an upper bound that catches a price typed in the wrong unit. Null = not set.
 */
export const messagePrice = z
  .number({ error: "a price is a number, like 0.0107" })
  .min(0, "a price cannot be negative")
  .max(1000, "a price per message is at most 1000")
  .refine((v) => Math.abs(v * 1e6 - Math.round(v * 1e6)) < 1e-6, "a price has at most 6 decimals")
  .nullable();

export const pricesInput = z.object({
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "the currency is a three-letter ISO code, like USD, INR or BRL"),
  prices: z.object({ marketing: messagePrice, utility: messagePrice, authentication: messagePrice, service: messagePrice }),
});
