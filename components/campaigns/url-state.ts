import type { inferRouterInputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";

/** The campaign list's sortable columns and page sizes; the URL's parsers are in search-params.ts. */

export type CampaignSort = NonNullable<inferRouterInputs<AppRouter>["campaigns"]["list"]["sort"]>;
export const SORTS = [
  "name",
  "sentAt",
  "recipients",
  "delivered",
  "read",
  "replied",
  "failed",
  "readRate",
  "ignoredRate",
  "replyRate",
  "conversions",
  "conversionRate",
  "revenue",
  "revenuePerRecipient",
] as const satisfies readonly CampaignSort[];
export const PAGE_SIZES = [25, 50, 100] as const;
