import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";

export type CampaignOutputs = inferRouterOutputs<AppRouter>["campaigns"];
export type CampaignListRow = CampaignOutputs["list"]["rows"][number];
export type CampaignReport = CampaignOutputs["report"];
export type StageContactRow = CampaignOutputs["contacts"]["rows"][number];
export type Stage = inferRouterInputs<AppRouter>["campaigns"]["contacts"]["stage"];

/** The campaign report's address; the id is any text a source sent, so it is encoded. */
export function campaignHref(workspaceId: string, campaignId: string, search = ""): string {
  return `/w/${encodeURIComponent(workspaceId)}/campaigns/${encodeURIComponent(campaignId)}${search}`;
}

export const STAGE_LABELS: Record<Stage, string> = {
  sent: "Sent",
  delivered: "Delivered",
  read: "Read",
  replied: "Replied",
  converted: "Converted",
  ignored: "Ignored",
  failed: "Failed",
  optedOut: "Opted out",
};

// Hex, not CSS variables: SVG presentation attributes do not resolve var() everywhere.
export const STAGE_COLORS: Record<Stage, string> = {
  sent: "#98a2b3",
  delivered: "#53bdeb",
  read: "#128c7e",
  replied: "#25d366",
  converted: "#7a5af8",
  ignored: "#f59e0b",
  failed: "#d92d20",
  optedOut: "#c11574",
};
